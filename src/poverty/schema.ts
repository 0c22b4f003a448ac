import { integer, numeric, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The national series of children (0-17) in low-income households, as shipped in
 * data/reference/nl_kinderen_armoede_reeks.csv. One row per publication of a year's figure in a definition:
 * a revision is a new row (revision 2, 3, …), so earlier values stay visible.
 */
export const povertySeriesValues = pgTable(
  'poverty_series_values',
  {
    year: integer('year').notNull(),
    definition: text('definition').notNull(),
    /** 1 for the first publication of this year and definition, counting up with each later one. */
    revision: integer('revision').notNull(),
    children: integer('children'),
    percentage: numeric('percentage', { precision: 4, scale: 1, mode: 'number' }),
    status: text('status').notNull(),
    /** The source's own words about the status, e.g. "afgeleid: 2020-cijfer 221k + …". */
    statusNote: text('status_note').notNull(),
    /** YYYY or YYYY-MM; unknown for some secondary sources. */
    published: text('published'),
    publication: text('publication').notNull(),
    sourceUrl: text('source_url').notNull(),
  },
  (table) => [primaryKey({ columns: [table.year, table.definition, table.revision] })],
);

/** Target paths as data (data/reference/armoede_streefpaden.csv): a straight line between two figures. */
export const povertyTargetPaths = pgTable('poverty_target_paths', {
  key: text('key').primaryKey(),
  nameNl: text('name_nl').notNull(),
  nameEn: text('name_en').notNull(),
  /** The definition the path is measured in; gaps are computed only against figures of this definition. */
  definition: text('definition').notNull(),
  startYear: integer('start_year').notNull(),
  startPercentage: numeric('start_percentage', { precision: 4, scale: 1, mode: 'number' }).notNull(),
  endYear: integer('end_year').notNull(),
  endPercentage: numeric('end_percentage', { precision: 4, scale: 1, mode: 'number' }).notNull(),
  setIn: integer('set_in').notNull(),
  source: text('source').notNull(),
});

/**
 * Households with children in poverty by main income source (work, social assistance, other), per year and
 * definition. Nothing ships: figures come in with `meedoen import labour-participation`.
 */
export const povertyLabourParticipation = pgTable(
  'poverty_labour_participation',
  {
    year: integer('year').notNull(),
    definition: text('definition').notNull(),
    incomeSource: text('income_source').notNull(),
    households: integer('households'),
    /** Share of the households with children in poverty (this definition, this year) with this source. */
    percentage: numeric('percentage', { precision: 4, scale: 1, mode: 'number' }),
    status: text('status').notNull(),
    source: text('source').notNull(),
    sourceUrl: text('source_url'),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.year, table.definition, table.incomeSource] })],
);
