import { z } from 'zod';
import { registerFieldMessages } from '../platform/validation.ts';
import { MUNICIPALITY_CODE } from '../municipalities/index.ts';
import {
  amountKinds,
  amountPeriods,
  applicationRoutes,
  categories,
  MAX_AGE,
  MIN_AGE,
  organisationKinds,
} from './provision.ts';

registerFieldMessages({
  catalogue_key_format: {
    nl: 'Gebruik 3 tot 80 kleine letters, cijfers en streepjes, zoals leergeld-utrecht.',
    en: 'Use 3 to 80 lower-case letters, digits and hyphens, like leergeld-utrecht.',
  },
  catalogue_https: { nl: 'Dit moet een https://-adres zijn.', en: 'This must be an https:// address.' },
  catalogue_municipality_code: {
    nl: 'Een gemeentecode is GM met 4 cijfers, zoals GM0344.',
    en: 'A municipality code is GM followed by 4 digits, like GM0344.',
  },
  catalogue_iso_date: {
    nl: 'Schrijf de datum als JJJJ-MM-DD, zoals 2025-10-01.',
    en: 'Write the date as YYYY-MM-DD, like 2025-10-01.',
  },
  catalogue_ages_order: {
    nl: 'De hoogste leeftijd mag niet lager zijn dan de laagste.',
    en: 'The oldest age may not be lower than the youngest.',
  },
  catalogue_cents_whole: {
    nl: 'Schrijf het bedrag in hele centen, zoals 22500 voor € 225.',
    en: 'Write the amount in whole cents, like 22500 for €225.',
  },
  catalogue_municipality_needed: {
    nl: 'Een gemeente heeft een gemeentecode nodig.',
    en: 'A municipality needs a municipality code.',
  },
});

const key = z.string().regex(/^[a-z0-9](?:[a-z0-9-]{1,78})[a-z0-9]$/, { error: 'catalogue_key_format' });
const https = z.url({ protocol: /^https$/, error: 'catalogue_https' }).max(500);
const municipalityCode = z.string().regex(MUNICIPALITY_CODE, { error: 'catalogue_municipality_code' });
// YAML turns an unquoted 2025-10-01 into a Date; accept both and keep the calendar date.
const isoDate = z.preprocess(
  (value) =>
    value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value,
  z.iso.date({ error: 'catalogue_iso_date' }),
);
const bilingual = (min: number, max: number) =>
  z.strictObject({ nl: z.string().trim().min(min).max(max), en: z.string().trim().min(min).max(max) });

export const catalogueOrganisationSchema = z
  .strictObject({
    key,
    name: z.string().trim().min(2).max(200),
    kind: z.enum(organisationKinds),
    municipality: municipalityCode.optional(),
    website: https.optional(),
  })
  .refine((org) => org.kind !== 'municipality' || org.municipality !== undefined, {
    error: 'catalogue_municipality_needed',
    path: ['municipality'],
  });

export const catalogueProvisionSchema = z.strictObject({
  key,
  name: bilingual(2, 120),
  description: bilingual(20, 1200),
  category: z.enum(categories),
  ages: z
    .strictObject({
      min: z.number().int().min(MIN_AGE).max(MAX_AGE),
      max: z.number().int().min(MIN_AGE).max(MAX_AGE),
    })
    .refine((ages) => ages.min <= ages.max, { error: 'catalogue_ages_order', path: ['max'] }),
  offeredIn: z.union([z.literal('nationwide'), z.array(municipalityCode).min(1).max(400)]),
  fundedBy: key,
  handledBy: key,
  owner: key,
  applicationRoute: z.enum(applicationRoutes),
  scheme: key.optional(),
  amount: z
    .strictObject({
      cents: z.number().int({ error: 'catalogue_cents_whole' }).min(0).max(100_000_000),
      kind: z.enum(amountKinds),
      period: z.enum(amountPeriods),
    })
    .optional(),
  link: https.optional(),
  lastChecked: isoDate,
});

export const catalogueFileSchema = z.strictObject({
  example: z.boolean().default(false),
  organisations: z.array(catalogueOrganisationSchema).max(10_000).default([]),
  provisions: z.array(catalogueProvisionSchema).max(10_000).default([]),
});

export type CatalogueFile = z.infer<typeof catalogueFileSchema>;
export type CatalogueOrganisation = z.infer<typeof catalogueOrganisationSchema>;
export type CatalogueProvision = z.infer<typeof catalogueProvisionSchema>;
