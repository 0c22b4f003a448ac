import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { referenceDataVersionTable } from '../municipalities/index.ts';
import { lockForTransaction, type Database } from '../platform/db.ts';
import { definitionCodes, statusCodes } from './definitions.ts';
import { povertySeriesValues, povertyTargetPaths } from './schema.ts';
import { numberRevisions } from './series.ts';

const referenceFolder = new URL('../../data/reference/', import.meta.url);
const SERIES_FILE = 'nl_kinderen_armoede_reeks.csv';
const PATHS_FILE = 'armoede_streefpaden.csv';
const VERSION_NAME = 'poverty-trend';

const optionalNumber = z
  .string()
  .transform((text) => (text === '' ? null : Number(text)))
  .refine((value) => value === null || Number.isFinite(value));
const seriesRow = z.object({
  jaar: z.coerce.number().int(),
  definitie_code: z.enum(definitionCodes),
  aantal_kinderen_0_17: optionalNumber,
  percentage: optionalNumber,
  status: z.string().min(1),
  status_code: z.enum(statusCodes),
  gepubliceerd: z.string().regex(/^(\d{4}(-\d{2})?)?$/),
  bron_publicatie: z.string().min(1),
  bron_url: z.url(),
});
const pathRow = z.object({
  sleutel: z.string().regex(/^[a-z0-9-]+$/),
  naam: z.string().min(1),
  naam_en: z.string().min(1),
  definitie_code: z.enum(definitionCodes),
  startjaar: z.coerce.number().int(),
  startpercentage: z.coerce.number(),
  eindjaar: z.coerce.number().int(),
  eindpercentage: z.coerce.number(),
  vastgesteld: z.coerce.number().int(),
  bron: z.string().min(1),
});

async function readCsv(file: string) {
  const text = await readFile(new URL(file, referenceFolder), 'utf8');
  const rows = parse(text, { columns: true, skip_empty_lines: true, trim: true }) as unknown[];
  return { rows, hash: createHash('sha256').update(text).digest('hex') };
}

/**
 * Loads the shipped poverty series and target paths when they are new or changed (a content hash in
 * reference_data_versions), so a restart costs one small query. A malformed shipped file stops start-up.
 */
export async function ensurePovertyReferenceData(db: Database): Promise<{ loaded: boolean }> {
  const [seriesFile, pathsFile] = await Promise.all([readCsv(SERIES_FILE), readCsv(PATHS_FILE)]);
  const version = `${seriesFile.hash}:${pathsFile.hash}`;
  const loadedVersion = (q: Pick<Database, 'select'>) =>
    q
      .select({ hash: referenceDataVersionTable.contentHash })
      .from(referenceDataVersionTable)
      .where(eq(referenceDataVersionTable.name, VERSION_NAME))
      .then((rows) => rows[0]?.hash);
  if ((await loadedVersion(db)) === version) return { loaded: false };

  const series = numberRevisions(
    seriesFile.rows.map((raw) => {
      const row = seriesRow.parse(raw);
      return {
        year: row.jaar,
        definition: row.definitie_code,
        children: row.aantal_kinderen_0_17,
        percentage: row.percentage,
        status: row.status_code,
        statusNote: row.status,
        published: row.gepubliceerd || null,
        publication: row.bron_publicatie,
        sourceUrl: row.bron_url,
      };
    }),
  );
  const paths = pathsFile.rows.map((raw) => {
    const row = pathRow.parse(raw);
    return {
      key: row.sleutel,
      nameNl: row.naam,
      nameEn: row.naam_en,
      definition: row.definitie_code,
      startYear: row.startjaar,
      startPercentage: row.startpercentage,
      endYear: row.eindjaar,
      endPercentage: row.eindpercentage,
      setIn: row.vastgesteld,
      source: row.bron,
    };
  });

  return db.transaction(async (tx) => {
    await lockForTransaction(tx, 'reference-data');
    if ((await loadedVersion(tx)) === version) return { loaded: false }; // another process loaded it
    await tx.delete(povertySeriesValues);
    await tx.insert(povertySeriesValues).values(series);
    await tx.delete(povertyTargetPaths);
    await tx.insert(povertyTargetPaths).values(paths);
    await tx
      .insert(referenceDataVersionTable)
      .values({ name: VERSION_NAME, contentHash: version })
      .onConflictDoUpdate({
        target: referenceDataVersionTable.name,
        set: { contentHash: version, loadedAt: sql`now()` },
      });
    return { loaded: true };
  });
}
