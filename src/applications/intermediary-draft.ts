import { z } from 'zod';
import { ageOn } from '../eligibility/evaluate.ts';
import { checkRequestSchema, MAX_CENTS, type CheckRequest } from '../eligibility/check.ts';
import type { Locale } from '../platform/i18n.ts';
import { parseEuroAmount } from '../platform/money-input.ts';
import type { FieldError } from '../platform/validation.ts';
import { localiseChildIdentityErrors, normaliseChildIdentity } from './child-key.ts';
import { intermediaryMessages } from './intermediary-messages.ts';
import { incomeSources } from './schema.ts';

/** The steps of applying on a family's behalf; the slug is the page address. */
export const draftSteps = ['gezin', 'kinderen', 'voorzieningen', 'versturen'] as const;
export type DraftStep = (typeof draftSteps)[number];
export const isDraftStep = (value: string): value is DraftStep => draftSteps.includes(value as DraftStep);

export const MAX_CHILDREN = 10;
const household = checkRequestSchema.shape.household.shape;

/**
 * What an intermediary has typed so far, stored as the draft's answers (jsonb) and read back through this
 * schema, so a draft written by an older version that no longer fits starts that step again.
 */
export const draftAnswersSchema = z.object({
  organisation: z.string(),
  family: z
    .object({
      postcode: z.string(),
      houseNumber: z.string(),
      municipality: z.object({ code: z.string(), name: z.string() }),
      householdType: household.type,
      ageGroup: household.ageGroup,
      incomeSource: z.enum(incomeSources),
      income: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('monthly_net'), cents: z.number().int().min(0).max(MAX_CENTS) }),
        z.object({ kind: z.literal('vouched') }),
      ]),
    })
    .optional(),
  children: z.array(z.object({ firstName: z.string(), birthDate: z.string() })).optional(),
  /** Per child (same position), the provision keys chosen. */
  provisions: z.array(z.array(z.string())).optional(),
  contact: z
    .object({
      email: z.string(),
      phone: z.string(),
      locale: z.enum(['nl', 'en']),
      consentBy: z.enum(['parent', 'young_person']),
    })
    .optional(),
});
export type DraftAnswers = z.infer<typeof draftAnswersSchema>;
export type FamilyAnswers = NonNullable<DraftAnswers['family']>;

export function readDraftAnswers(stored: unknown): DraftAnswers | null {
  const parsed = draftAnswersSchema.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

/** The first step whose answers are missing: a resumed draft opens there. */
export function firstOpenDraftStep(answers: DraftAnswers): DraftStep {
  if (!answers.family) return 'gezin';
  if (!answers.children?.length) return 'kinderen';
  if (!answers.provisions?.some((keys) => keys.length > 0)) return 'voorzieningen';
  return 'versturen';
}

/** A later step may be opened only when every step before it is done (a stale link goes back). */
export function reachable(step: DraftStep, answers: DraftAnswers): boolean {
  return draftSteps.indexOf(step) <= draftSteps.indexOf(firstOpenDraftStep(answers));
}

export type Body = Record<string, string | string[] | undefined>;
export const single = (body: Body, field: string): string => {
  const value = body[field];
  return typeof value === 'string' ? value.trim() : '';
};
export const many = (body: Body, field: string): string[] => {
  const value = body[field];
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter(
    (v): v is string => typeof v === 'string',
  );
};

export type StepOutcome<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

const error = (field: string, code: string, message: string): FieldError => ({ field, code, message });

/**
 * The address is checked by the same rules the child key uses, so what passes here always forms a key; the
 * name and birth date stand in (they are checked with each child on the next step).
 */
export function addressErrors(postcode: string, houseNumber: string, today: string, locale: Locale) {
  const result = normaliseChildIdentity({ firstName: 'xx', birthDate: today, postcode, houseNumber }, today);
  return result.ok ? [] : localiseChildIdentityErrors(result.errors, locale);
}

/** The family step without the postcode lookup (the caller adds the municipality). */
export function parseFamily(
  body: Body,
  today: string,
  locale: Locale,
): StepOutcome<Omit<FamilyAnswers, 'municipality'>> {
  const text = intermediaryMessages[locale];
  const postcode = single(body, 'postcode');
  const houseNumber = single(body, 'houseNumber');
  const errors = addressErrors(postcode, houseNumber, today, locale);
  const householdType = household.type.safeParse(single(body, 'householdType'));
  if (!householdType.success) errors.push(error('householdType', 'required', text.family.chooseHousehold));
  const ageGroup = household.ageGroup.safeParse(single(body, 'ageGroup'));
  const ageGroupFits = ageGroup.success && (ageGroup.data !== 'mixed' || householdType.data === 'couple');
  if (!ageGroupFits) errors.push(error('ageGroup', 'required', text.family.chooseAgeGroup));
  const incomeSource = z.enum(incomeSources).safeParse(single(body, 'incomeSource'));
  if (!incomeSource.success) errors.push(error('incomeSource', 'required', text.family.chooseIncomeSource));
  let income: FamilyAnswers['income'] | null = null;
  if (single(body, 'vouch') === 'yes') income = { kind: 'vouched' };
  else {
    const cents = parseEuroAmount(single(body, 'income'));
    if (cents === null || cents > MAX_CENTS)
      errors.push(error('income', 'income_amount', text.family.incomeError));
    else income = { kind: 'monthly_net', cents };
  }
  if (errors.length > 0 || !householdType.success || !ageGroup.success || !incomeSource.success || !income)
    return { ok: false, errors };
  return {
    ok: true,
    value: {
      postcode,
      houseNumber,
      householdType: householdType.data,
      ageGroup: ageGroup.data,
      incomeSource: incomeSource.data,
      income,
    },
  };
}

/** The rows of the children step as typed: `child-<n>-firstName`, `child-<n>-birthDate`. */
export function typedChildren(body: Body): { firstName: string; birthDate: string }[] {
  const rows = [];
  for (let n = 0; n < MAX_CHILDREN; n += 1) {
    rows.push({
      firstName: single(body, `child-${n}-firstName`),
      birthDate: single(body, `child-${n}-birthDate`),
    });
  }
  return rows;
}

/** Each child checked as the key will be; a row left empty is no child. At least one is needed. */
export function parseChildren(
  body: Body,
  family: FamilyAnswers,
  today: string,
  locale: Locale,
): StepOutcome<{ firstName: string; birthDate: string }[]> {
  const rows = typedChildren(body)
    .map((row, n) => ({ ...row, n }))
    .filter((row) => row.firstName !== '' || row.birthDate !== '');
  if (rows.length === 0)
    return {
      ok: false,
      errors: [
        error('child-0-firstName', 'children_required', intermediaryMessages[locale].children.required),
      ],
    };
  const errors: FieldError[] = [];
  for (const row of rows) {
    const result = normaliseChildIdentity(
      {
        firstName: row.firstName,
        birthDate: row.birthDate,
        postcode: family.postcode,
        houseNumber: family.houseNumber,
      },
      today,
    );
    if (result.ok) continue;
    for (const e of localiseChildIdentityErrors(result.errors, locale))
      if (e.field === 'firstName' || e.field === 'birthDate')
        errors.push({ ...e, field: `child-${row.n}-${e.field}` });
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: rows.map(({ firstName, birthDate }) => ({ firstName, birthDate })) };
}

/** The eligibility check's request for this family: an intermediary who vouches gives no income. */
export function checkRequestFor(answers: DraftAnswers, today: string): CheckRequest | null {
  const { family, children } = answers;
  if (!family || !children?.length) return null;
  return {
    municipality: family.municipality.code,
    date: today,
    household: { type: family.householdType, ageGroup: family.ageGroup },
    income: family.income.kind === 'vouched' ? { kind: 'not_given' } : family.income,
    assets: { kind: 'unknown' },
    children: children.map((child) => ({ birthDate: child.birthDate })),
  };
}

/** Chosen provisions per child, only those that may be asked for (not the ones the check rules out). */
export function parseProvisions(body: Body, offered: string[][], locale: Locale): StepOutcome<string[][]> {
  const chosen = offered.map((keys, n) => many(body, `child-${n}`).filter((key) => keys.includes(key)));
  if (chosen.every((keys) => keys.length === 0))
    return {
      ok: false,
      errors: [error('child-0', 'provisions_required', intermediaryMessages[locale].provisions.required)],
    };
  return { ok: true, value: chosen.map((keys) => [...new Set(keys)]) };
}

const emailSchema = z.email().max(320);
const PHONE = /^\+?[0-9][0-9 ()-]{7,19}$/;

/**
 * Contact, language and consent. A parent consents for a child under 16; the young person may consent
 * only when every child on the application is 16 or older.
 */
export function parseSending(
  body: Body,
  children: { birthDate: string }[],
  today: string,
  locale: Locale,
): StepOutcome<NonNullable<DraftAnswers['contact']>> {
  const text = intermediaryMessages[locale].sending;
  const errors: FieldError[] = [];
  const email = single(body, 'email');
  const phone = single(body, 'phone');
  if (email !== '' && !emailSchema.safeParse(email).success)
    errors.push(error('email', 'email_invalid', text.emailError));
  if (phone !== '' && !PHONE.test(phone)) errors.push(error('phone', 'phone_invalid', text.phoneError));
  const language = z.enum(['nl', 'en']).safeParse(single(body, 'locale'));
  if (!language.success) errors.push(error('locale', 'required', text.chooseLanguage));
  const consentBy = z.enum(['parent', 'young_person']).safeParse(single(body, 'consentBy'));
  const anyUnder16 = children.some((child) => ageOn(child.birthDate, today) < 16);
  if (!consentBy.success) errors.push(error('consentBy', 'required', text.chooseConsentBy));
  else if (consentBy.data === 'young_person' && anyUnder16)
    errors.push(error('consentBy', 'consent_parent_needed', text.parentNeeded));
  if (single(body, 'consent') !== 'yes')
    errors.push(error('consent', 'consent_required', text.consentRequired));
  if (errors.length > 0 || !language.success || !consentBy.success) return { ok: false, errors };
  return { ok: true, value: { email, phone, locale: language.data, consentBy: consentBy.data } };
}
