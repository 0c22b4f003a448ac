import { sql } from 'drizzle-orm';
import { bigint, check, date, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** The reach groups: the applications' five income sources fold into three (see docs/reach.md). */
export const incomeGroups = ['bijstand', 'work', 'other'] as const;
export type IncomeGroup = (typeof incomeGroups)[number];

export const targetGroupKinds = ['estimate', 'cbs', 'imported'] as const;
export type TargetGroupKind = (typeof targetGroupKinds)[number];

const inList = (values: readonly string[]) => sql.raw(values.map((value) => `'${value}'`).join(', '));

/**
 * Unique children reached, kept current by refreshReach. One row per municipality × year × breakdown value:
 * dimension 'total' (value ''), 'income' (a group), 'category' or 'provider' (an organisation key). A child
 * counts once in every value they had a delivery in, and once in the total. Rows with boundaries 'today'
 * exist only for municipalities that absorbed others: elsewhere today's boundaries are the recorded ones.
 */
export const reachCounts = pgTable(
  'reach_counts',
  {
    boundaries: text('boundaries').notNull(),
    municipalityCode: text('municipality_code').notNull(),
    year: integer('year').notNull(),
    dimension: text('dimension').notNull(),
    value: text('value').notNull(),
    reached: integer('reached').notNull(),
  },
  (table) => [
    primaryKey({
      columns: [table.boundaries, table.year, table.municipalityCode, table.dimension, table.value],
    }),
    check('reach_counts_boundaries', sql`${table.boundaries} in ('recorded', 'today')`),
    check('reach_counts_dimension', sql`${table.dimension} in ('total', 'income', 'category', 'provider')`),
  ],
);

/**
 * Children in the target group. Estimates ship with the product; an imported figure (from CBS or the
 * municipality) for the same municipality, year and group takes precedence and is replaced by a re-import.
 */
export const targetGroups = pgTable(
  'target_groups',
  {
    municipalityCode: text('municipality_code').notNull(),
    year: integer('year').notNull(),
    incomeGroup: text('income_group').notNull(),
    kind: text('kind').notNull(),
    children: integer('children').notNull(),
    source: text('source').notNull(),
    loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.municipalityCode, table.year, table.incomeGroup, table.kind] }),
    check('target_groups_income_group', sql`${table.incomeGroup} in (${inList(incomeGroups)})`),
    check('target_groups_kind', sql`${table.kind} in (${inList(targetGroupKinds)})`),
    check('target_groups_children', sql`${table.children} >= 0`),
  ],
);

/** A municipality's own reach target for a year and group, instead of the national 100% / 70%. */
export const reachTargets = pgTable(
  'reach_targets',
  {
    municipalityCode: text('municipality_code').notNull(),
    year: integer('year').notNull(),
    incomeGroup: text('income_group').notNull(),
    targetPercent: integer('target_percent').notNull(),
    setAt: timestamp('set_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.municipalityCode, table.year, table.incomeGroup] }),
    check('reach_targets_income_group', sql`${table.incomeGroup} in (${inList(incomeGroups)})`),
    check('reach_targets_percent', sql`${table.targetPercent} between 0 and 100`),
  ],
);

/** Municipal mergers: from the effective date, the old code's area is part of the new code's. */
export const municipalityMergers = pgTable('municipality_mergers', {
  oldCode: text('old_code').primaryKey(),
  oldName: text('old_name').notNull(),
  newCode: text('new_code').notNull(),
  newName: text('new_name').notNull(),
  effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
});

/**
 * Change counters for the answers kept in memory (src/reach/answer-cache.ts), bumped by triggers (migration
 * reach_change_triggers) in the writer's own transaction, whoever writes. One row per municipality and year
 * whose counts ever changed, so writers of different cells never wait for each other; rows are never
 * deleted and versions only grow, so the sum over a year changes with every committed change of its counts.
 */
export const reachVersions = pgTable(
  'reach_versions',
  {
    year: integer('year').notNull(),
    municipalityCode: text('municipality_code').notNull(),
    version: bigint('version', { mode: 'number' }).notNull().default(1),
  },
  (table) => [primaryKey({ columns: [table.year, table.municipalityCode] })],
);

/** One row: bumped on any change of target groups, targets, mergers or municipalities (rare: imports). */
export const reachReferenceVersion = pgTable(
  'reach_reference_version',
  {
    id: integer('id').primaryKey(),
    version: bigint('version', { mode: 'number' }).notNull(),
  },
  (table) => [check('reach_reference_version_single', sql`${table.id} = 1`)],
);
