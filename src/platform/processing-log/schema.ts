import { bigserial, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * One row per processing of a person's data (AVG art. 30; the government standard "Logboek
 * dataverwerkingen"): who, which registered activity, which pseudonymised subject, what and when. Never the
 * data itself. Rows are appended, never changed.
 */
export const processingLog = pgTable(
  'processing_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorPersonId: text('actor_person_id'),
    actorRole: text('actor_role').notNull(),
    actorOrganisation: text('actor_organisation'),
    activity: text('activity').notNull(),
    action: text('action').notNull(),
    subjectPseudonym: text('subject_pseudonym').notNull(),
    traceId: text('trace_id').notNull(),
  },
  (table) => [
    index('processing_log_by_subject').on(table.subjectPseudonym, table.at),
    index('processing_log_by_actor').on(table.actorPersonId, table.at),
    index('processing_log_by_activity').on(table.activity, table.at),
  ],
);
