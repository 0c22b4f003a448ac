import { integer, numeric, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

export const municipalities = pgTable('municipalities', {
  code: text('code').primaryKey(), // CBS code, e.g. GM0344
  name: text('name').notNull(),
});

/** One row per 4-digit postcode and municipality; a PC4 that spans two municipalities has two rows. */
export const postcodeAreas = pgTable(
  'postcode_areas',
  {
    pc4: text('pc4').notNull(),
    municipalityCode: text('municipality_code')
      .notNull()
      .references(() => municipalities.code),
    addresses: integer('addresses').notNull(),
    addressShare: numeric('address_share', { precision: 5, scale: 4, mode: 'number' }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.pc4, table.municipalityCode] })],
);

/** Which version of each shipped reference file is loaded, so start-up reloads only what changed. */
export const referenceDataVersions = pgTable('reference_data_versions', {
  name: text('name').primaryKey(),
  contentHash: text('content_hash').notNull(),
  loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull().defaultNow(),
});
