import { z } from 'zod';
import { MAX_CENTS } from '../eligibility/check.ts';
import { MUNICIPALITY_CODE } from '../municipalities/index.ts';
import { defineProblem } from '../platform/problems.ts';
import { registerFieldMessages } from '../platform/validation.ts';
import { MAX_ADDITION_LENGTH, MAX_FIRST_NAME_LENGTH } from './child-key.ts';
import { MAX_CHILDREN } from './family-steps.ts';
import { incomeSources, itemStatuses } from './schema.ts';

/** One provision key is at most this long in the catalogue's own format; more is a mistake. */
const MAX_PROVISION_KEY_LENGTH = 100;
const MAX_PROVISIONS_PER_CHILD = 20;
const MAX_CONSENT_LENGTH = 4000;
const MAX_EMAIL_LENGTH = 254;
const MAX_PHONE_LENGTH = 30;
/** As on the pages: 10 to 15 digits, an optional +, and any spaces, dashes, dots and brackets between. */
const PHONE_DIGITS = /^\+?[0-9]{10,15}$/;
/** Small on purpose: ten children with every provision fit in a few kB. */
export const APPLICATION_BODY_LIMIT = 32 * 1024;

export const apiMessages = {
  contact_required: {
    nl: 'Geef een e-mailadres of een telefoonnummer, of allebei.',
    en: 'Give an e-mail address or a phone number, or both.',
  },
  phone_malformed: {
    nl: 'Een telefoonnummer heeft 10 tot 15 cijfers, zoals 06 12345678 of +31 6 12345678.',
    en: 'A phone number has 10 to 15 digits, like 06 12345678 or +31 6 12345678.',
  },
  age_group_mixed_needs_couple: {
    nl: 'Een gemengde leeftijdsgroep kan alleen bij een stel.',
    en: 'A mixed age group is only possible for a couple.',
  },
  provision_duplicate: {
    nl: 'Deze voorziening staat twee keer bij dit kind.',
    en: 'This provision is listed twice for this child.',
  },
  children_count: {
    nl: `Vraag voor 1 tot ${MAX_CHILDREN} kinderen tegelijk aan.`,
    en: `Apply for 1 to ${MAX_CHILDREN} children at a time.`,
  },
} as const;
registerFieldMessages(apiMessages);

export const applicationApiProblems = {
  idempotencyKeyRequired: defineProblem({
    code: 'idempotency-key-required',
    status: 400,
    title: { nl: 'De Idempotency-Key ontbreekt of klopt niet', en: 'Idempotency-Key missing or not valid' },
  }),
  idempotencyKeyReused: defineProblem({
    code: 'idempotency-key-reused',
    status: 422,
    title: {
      nl: 'Deze Idempotency-Key hoort bij een andere aanvraag',
      en: 'This Idempotency-Key belongs to another application',
    },
  }),
};

/** 8 to 200 visible ASCII characters: a UUID fits, and so does any client's own scheme. */
export const IDEMPOTENCY_KEY = /^[\x21-\x7e]{8,200}$/;

// Loose: Fastify replaces the request's headers with the parsed object, and the others must stay.
export const idempotencyHeaderSchema = z.looseObject({
  'idempotency-key': z.string().regex(IDEMPOTENCY_KEY).meta({
    description:
      'Required. 8–200 visible ASCII characters; use a new random one (a UUID) for each application and the same one for every retry of it.',
  }),
});

const provisionKey = z.string().min(1).max(MAX_PROVISION_KEY_LENGTH);

const childSchema = z.strictObject({
  firstName: z
    .string()
    .min(1)
    .max(MAX_FIRST_NAME_LENGTH)
    .meta({ description: 'The first name(s); the first given name forms the child key' }),
  birthDate: z.iso.date().meta({ description: 'YYYY-MM-DD' }),
  provisions: z.array(provisionKey).min(1).max(MAX_PROVISIONS_PER_CHILD).meta({
    description:
      'Keys of the provisions asked for this child (the `id` of /api/v1/provisions): offered in the municipality, and eligible or undecided for the child',
  }),
});

export const applicationRequestSchema = z
  .strictObject({
    municipality: z
      .string()
      .regex(MUNICIPALITY_CODE, { error: 'municipality_code_malformed' })
      .meta({ description: 'CBS code (GM0344); must be a municipality of the postcode' }),
    postcode: z.string().min(1).max(10).meta({ description: 'Six-character Dutch postcode, e.g. 9711 AB' }),
    houseNumber: z
      .string()
      .min(1)
      .max(6 + MAX_ADDITION_LENGTH)
      .meta({ description: 'The number with any addition: 12, 12a, 12-2' }),
    householdType: z.enum(['single_parent', 'couple', 'other']),
    ageGroup: z
      .enum(['21_to_pension', 'pension', 'under_21', 'mixed'])
      .meta({ description: 'Age of the parent(s): decides the income norm; `mixed` only for a couple' }),
    assets: z
      .enum(['within_limit', 'over_limit', 'unknown'])
      .default('unknown')
      .meta({ description: 'Savings against the asset limit, as the family states it' }),
    incomeSource: z.enum(incomeSources).meta({ description: "The household's main source of income" }),
    income: z.discriminatedUnion('kind', [
      z.strictObject({
        kind: z.literal('monthly_net'),
        cents: z
          .number()
          .int()
          .min(0)
          .max(MAX_CENTS)
          .meta({ description: 'Net per month, without child benefit or allowances' }),
      }),
      z.strictObject({
        kind: z.literal('intermediary_vouches'),
      }),
    ]),
    contact: z
      .strictObject({
        email: z.email().max(MAX_EMAIL_LENGTH).optional(),
        phone: z
          .string()
          .max(MAX_PHONE_LENGTH)
          .refine((phone) => PHONE_DIGITS.test(phone.replace(/[\s\-().]/g, '')), { error: 'phone_malformed' })
          .optional(),
      })
      .refine((c) => c.email !== undefined || c.phone !== undefined, { error: 'contact_required' })
      .meta({
        description: 'At least one; the confirmation and every status change go to the e-mail address',
      }),
    locale: z.enum(['nl', 'en']).meta({ description: 'Language of the e-mails to the family' }),
    consent: z.strictObject({
      by: z
        .enum(['parent', 'young_person'])
        .meta({ description: '`young_person` only for one child of 16 or older, applying for themself' }),
      text: z
        .string()
        .min(1)
        .max(MAX_CONSENT_LENGTH)
        .meta({ description: 'The consent statement exactly as shown to the person, in `locale`' }),
    }),
    children: z
      .array(childSchema)
      .min(1, { error: 'children_count' })
      .max(MAX_CHILDREN, { error: 'children_count' }),
  })
  .superRefine((body, context) => {
    if (body.ageGroup === 'mixed' && body.householdType !== 'couple')
      context.addIssue({ code: 'custom', path: ['ageGroup'], message: 'age_group_mixed_needs_couple' });
    for (const [index, child] of body.children.entries()) {
      const seen = new Set<string>();
      for (const [position, key] of child.provisions.entries()) {
        if (seen.has(key))
          context.addIssue({
            code: 'custom',
            path: ['children', index, 'provisions', position],
            message: 'provision_duplicate',
          });
        seen.add(key);
      }
    }
  });
export type ApplicationRequest = z.infer<typeof applicationRequestSchema>;

export const applicationCreatedSchema = z.object({
  data: z.object({
    reference: z.string().meta({ description: 'Short code to quote on the phone, e.g. MD-4K7Q-9PX2' }),
    trackingUrl: z
      .string()
      .meta({ description: "The family's personal tracking link; a secret: give it only to the family" }),
    items: z.array(
      z.object({
        child: z.number().int().meta({ description: 'Index of the child in the request' }),
        provision: z.string(),
        handledBy: z.string().meta({ description: 'Key of the organisation that decides' }),
        status: z.enum(itemStatuses),
      }),
    ),
  }),
});
export type ApplicationCreated = z.infer<typeof applicationCreatedSchema>;
