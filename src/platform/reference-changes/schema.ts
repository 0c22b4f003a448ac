import { sql } from 'drizzle-orm';
import { bigint, check, integer, pgTable } from 'drizzle-orm/pg-core';

/**
 * One row counting changes to the data a request is checked against (catalogue, schemes, routing, postcodes).
 * Triggers on those tables, created in the migration, add one per changing statement in the changing
 * transaction, so a process may keep such data in memory for as long as the counter it read stays the same.
 */
export const referenceChanges = pgTable(
  'reference_changes',
  {
    id: integer('id').primaryKey().default(1),
    generation: bigint('generation', { mode: 'number' }).notNull().default(0),
  },
  (table) => [check('reference_changes_one_row', sql`${table.id} = 1`)],
);
