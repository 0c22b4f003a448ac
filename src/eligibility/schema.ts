import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations } from '../catalogue/schema.ts';
import { people } from '../identity/schema.ts';
import { municipalityTable as municipalities } from '../municipalities/index.ts';

export const schemes = pgTable('schemes', {
  key: text('key').primaryKey(),
  nameNl: text('name_nl').notNull(),
  nameEn: text('name_en').notNull(),
  municipalityCode: text('municipality_code').references(() => municipalities.code),
  // The organisation whose coordinators keep the rules; none for rules shared by many (kept by file import).
  owner: text('owner').references(() => organisations.key),
  isExample: boolean('is_example').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Versions are only ever added: an outcome names the version it used, so that version must keep saying
 * what it said. The percentage is stored in hundredths so 117.5% stays exact.
 */
export const schemeVersions = pgTable(
  'scheme_versions',
  {
    schemeKey: text('scheme_key')
      .notNull()
      .references(() => schemes.key, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    incomeTest: text('income_test').notNull(),
    percentHundredths: integer('percent_hundredths'),
    holidayAllowance: text('holiday_allowance'),
    assetTest: boolean('asset_test').notNull(),
    source: text('source').notNull(),
    createdBy: uuid('created_by').references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.schemeKey, table.version] }),
    unique('scheme_versions_one_per_date').on(table.schemeKey, table.validFrom),
    check(
      'scheme_versions_income_test',
      sql`(${table.incomeTest} = 'none' and ${table.percentHundredths} is null and ${table.holidayAllowance} is null)
        or (${table.incomeTest} = 'percent_of_norm' and ${table.percentHundredths} between 5000 and 30000
            and ${table.holidayAllowance} in ('included', 'excluded'))`,
    ),
  ],
);
