import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations } from '../catalogue/schema.ts';
import { people } from '../identity/schema.ts';

export const importRunStatuses = ['running', 'done', 'failed'] as const;
export type ImportRunStatus = (typeof importRunStatuses)[number];

/**
 * One import of a partner's delivery file, from the command line or the web upload. The counts are updated
 * while it runs, so the run's page can show progress; `failure` is a message code for a file that could not
 * be read at all (wrong type, empty, wrong header), in which case nothing was imported.
 */
export const deliveryImportRuns = pgTable(
  'delivery_import_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provider: text('provider')
      .notNull()
      .references(() => organisations.key),
    fileName: text('file_name').notNull(),
    status: text('status').notNull().default('running'),
    failure: text('failure'),
    // Detail for the failure's message, e.g. the missing column names; never a value from the file.
    failureDetail: text('failure_detail'),
    bytesTotal: integer('bytes_total').notNull().default(0),
    bytesRead: integer('bytes_read').notNull().default(0),
    rowsRead: integer('rows_read').notNull().default(0),
    valid: integer('valid').notNull().default(0),
    invalid: integer('invalid').notNull().default(0),
    imported: integer('imported').notNull().default(0),
    duplicates: integer('duplicates').notNull().default(0),
    startedBy: uuid('started_by').references(() => people.id, { onDelete: 'set null' }),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    // Moves with every batch: a run that stays "running" without moving was cut off with its process.
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /**
     * The reach cells ("GM0363|2025") the run wrote rows into, noted with each batch: a run still running
     * (or cut off) may have rows there that no count has seen yet, so another import will not take its own
     * count of such a cell (decision 0007).
     */
    cells: text('cells')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
  },
  (table) => [
    check('delivery_import_runs_status', sql`${table.status} in ('running', 'done', 'failed')`),
    index('delivery_import_runs_provider').on(table.provider, table.startedAt),
  ],
);

/**
 * The rows of a run that could not be imported, for the validation report and the correction file. The raw
 * child fields (name, birth date, address) are never kept here: `values` holds them empty, or the child key
 * when the child's fields were right and something else in the row was wrong.
 */
export const deliveryImportRejects = pgTable(
  'delivery_import_rejects',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => deliveryImportRuns.id, { onDelete: 'cascade' }),
    line: integer('line').notNull(),
    values: jsonb('values').$type<Record<string, string>>().notNull(),
    issues: jsonb('issues').$type<{ field: string; code: string }[]>().notNull(),
  },
  (table) => [primaryKey({ columns: [table.runId, table.line] })],
);
