import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { municipalityTable as municipalities } from '../municipalities/index.ts';

export const organisations = pgTable(
  'organisations',
  {
    key: text('key').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    municipalityCode: text('municipality_code').references(() => municipalities.code),
    website: text('website'),
    isExample: boolean('is_example').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check(
      'organisations_kind',
      sql`${table.kind} in ('municipality', 'local_charity_branch', 'national_charity', 'other')`,
    ),
  ],
);

export const provisions = pgTable(
  'provisions',
  {
    key: text('key').primaryKey(),
    nameNl: text('name_nl').notNull(),
    nameEn: text('name_en').notNull(),
    descriptionNl: text('description_nl').notNull(),
    descriptionEn: text('description_en').notNull(),
    category: text('category').notNull(),
    minAge: integer('min_age').notNull(),
    maxAge: integer('max_age').notNull(),
    nationwide: boolean('nationwide').notNull(),
    fundedBy: text('funded_by')
      .notNull()
      .references(() => organisations.key),
    handledBy: text('handled_by')
      .notNull()
      .references(() => organisations.key),
    owner: text('owner')
      .notNull()
      .references(() => organisations.key),
    applicationRoute: text('application_route').notNull(),
    // The eligibility rules (a scheme in data/rules) that decide who can get this provision.
    schemeKey: text('scheme_key'),
    amountCents: integer('amount_cents'),
    amountKind: text('amount_kind'),
    amountPeriod: text('amount_period'),
    link: text('link'),
    lastChecked: date('last_checked', { mode: 'string' }).notNull(),
    isExample: boolean('is_example').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check(
      'provisions_ages',
      sql`${table.minAge} >= 0 and ${table.maxAge} <= 21 and ${table.minAge} <= ${table.maxAge}`,
    ),
    check('provisions_amount', sql`${table.amountCents} is null or ${table.amountCents} >= 0`),
    index('provisions_nationwide').on(table.nationwide),
  ],
);

export const provisionMunicipalities = pgTable(
  'provision_municipalities',
  {
    provisionKey: text('provision_key')
      .notNull()
      .references(() => provisions.key, { onDelete: 'cascade' }),
    municipalityCode: text('municipality_code')
      .notNull()
      .references(() => municipalities.code),
  },
  (table) => [
    primaryKey({ columns: [table.provisionKey, table.municipalityCode] }),
    index('provision_municipalities_by_municipality').on(table.municipalityCode),
  ],
);
