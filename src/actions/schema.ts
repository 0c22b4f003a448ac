import { sql } from 'drizzle-orm';
import { bigserial, check, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** One action of the ministry's programme, under one of its four ambitions. */
export const programmeActions = pgTable(
  'programme_actions',
  {
    key: text('key').primaryKey(), // e.g. '2019-a1-01': stable, so the seed can run again
    ambition: integer('ambition').notNull(),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    leadOrganisation: text('lead_organisation'),
    // The parliamentary motion the action carries out, as the source names it ("motie Bruins").
    motion: text('motion'),
    source: text('source').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [check('programme_actions_ambition', sql`${table.ambition} between 1 and 4`)],
);

/**
 * How an action stands, as reported at one moment. Only ever added: the latest is the current status, the
 * earlier ones are the history parliament can read back.
 */
export const actionStatusUpdates = pgTable(
  'action_status_updates',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    actionKey: text('action_key')
      .notNull()
      .references(() => programmeActions.key),
    statusText: text('status_text').notNull(),
    // The timing in the reporter's words ("Start Q3 2019 looptijd tot eind 2020"), and as quarters.
    whenText: text('when_text').notNull(),
    startQuarter: text('start_quarter'),
    endQuarter: text('end_quarter'),
    reportedOn: date('reported_on', { mode: 'string' }).notNull(),
    source: text('source').notNull(),
    recordedBy: uuid('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('action_status_updates_by_action').on(table.actionKey, table.id),
    check(
      'action_status_updates_quarters',
      sql`${table.startQuarter} ~ '^[0-9]{4}-Q[1-4]$' or ${table.startQuarter} is null`,
    ),
  ],
);
