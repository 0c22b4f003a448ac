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
  uuid,
} from 'drizzle-orm/pg-core';
import { municipalityTable as municipalities } from '../municipalities/index.ts';

/**
 * A portrait (a child's situation told in depth) or a signal (a short observation), never with a name.
 * Only the municipality locates it; the quote is kept only when the child or parent agreed to it.
 */
export const insightRecords = pgTable(
  'insight_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(), // 'portrait' | 'signal'
    organisationKey: text('organisation_key').notNull(),
    municipalityCode: text('municipality_code')
      .notNull()
      .references(() => municipalities.code),
    observedOn: date('observed_on', { mode: 'string' }).notNull(),
    ageGroup: text('age_group').notNull(),
    story: text('story').notNull(),
    quote: text('quote'),
    quoteConsent: boolean('quote_consent').notNull().default(false),
    supportConnected: text('support_connected'),
    supportMissing: text('support_missing'),
    recordedBy: uuid('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('insight_records_by_date').on(table.observedOn),
    check('insight_records_kind', sql`${table.kind} in ('portrait', 'signal')`),
    check('insight_records_quote', sql`${table.quote} is null or ${table.quoteConsent}`),
  ],
);

/** The life domains a record touches, each with how hard it weighs (1 light, 2 considerable, 3 severe). */
export const insightRecordDomains = pgTable(
  'insight_record_domains',
  {
    recordId: uuid('record_id')
      .notNull()
      .references(() => insightRecords.id, { onDelete: 'cascade' }),
    domain: text('domain').notNull(),
    severity: integer('severity').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.recordId, table.domain] }),
    index('insight_record_domains_by_domain').on(table.domain),
    check('insight_record_domains_severity', sql`${table.severity} between 1 and 3`),
  ],
);

/**
 * A child's answers to the questionnaire after a provision. Nothing that leads back to the child: the
 * municipality, the kind of provision and the quarter only, so the answer cannot be matched to a delivery.
 */
export const childAnswers = pgTable(
  'child_answers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityCode: text('municipality_code')
      .notNull()
      .references(() => municipalities.code),
    provisionCategory: text('provision_category').notNull(),
    quarter: text('quarter').notNull(),
    liked: text('liked').notNull(),
    meant: text('meant').array().notNull(),
    missing: text('missing'),
    filledInBy: text('filled_in_by').notNull(),
  },
  (table) => [index('child_answers_by_municipality').on(table.municipalityCode, table.quarter)],
);

/** Which deliveries' questionnaires were used, by a keyed hash only, so each link answers once. */
export const childQuestionnairesUsed = pgTable('child_questionnaires_used', {
  deliveryHash: text('delivery_hash').primaryKey(),
});
