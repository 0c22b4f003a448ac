import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { eq, sql } from 'drizzle-orm';
import { lockForTransaction, type Database } from '../platform/db.ts';
import { municipalities, postcodeAreas, referenceDataVersions } from './schema.ts';

const referenceFolder = new URL('../../data/reference/', import.meta.url);
const MUNICIPALITIES_FILE = 'gemeenten_2025.csv';
const POSTCODES_FILE = 'pc4_gemeente_2023.csv';
// The CBS division lists "Buitenland" (abroad) with a GM code; it is not a municipality.
const NOT_A_MUNICIPALITY = new Set(['GM0998']);
const BATCH = 1000;

type MunicipalityRow = { gm_code: string; gemeentenaam: string };
type PostcodeRow = { pc4: string; gm_code: string; adressen: string; aandeel_adressen_pc4: string };

async function readCsv<T>(file: string): Promise<{ rows: T[]; hash: string }> {
  const text = await readFile(new URL(file, referenceFolder), 'utf8');
  return {
    rows: parse(text, { columns: true, skip_empty_lines: true, trim: true }) as T[],
    hash: createHash('sha256').update(text).digest('hex'),
  };
}

/**
 * Loads the shipped municipality and postcode files when they are new or changed; otherwise does nothing,
 * so a restart on an existing database costs one small query.
 */
export async function ensureReferenceData(db: Database): Promise<{ loaded: boolean }> {
  const [municipalityFile, postcodeFile] = await Promise.all([
    readCsv<MunicipalityRow>(MUNICIPALITIES_FILE),
    readCsv<PostcodeRow>(POSTCODES_FILE),
  ]);
  const version = `${municipalityFile.hash}:${postcodeFile.hash}`;
  const current = await db
    .select({ hash: referenceDataVersions.contentHash })
    .from(referenceDataVersions)
    .where(eq(referenceDataVersions.name, 'municipalities'));
  if (current[0]?.hash === version) return { loaded: false };

  return db.transaction(async (tx) => {
    await lockForTransaction(tx, 'reference-data');
    const again = await tx
      .select({ hash: referenceDataVersions.contentHash })
      .from(referenceDataVersions)
      .where(eq(referenceDataVersions.name, 'municipalities'));
    if (again[0]?.hash === version) return { loaded: false }; // another process loaded it meanwhile

    const municipalityRows = municipalityFile.rows
      .filter((row) => !NOT_A_MUNICIPALITY.has(row.gm_code))
      .map((row) => ({ code: row.gm_code, name: row.gemeentenaam }));
    await tx
      .insert(municipalities)
      .values(municipalityRows)
      .onConflictDoUpdate({ target: municipalities.code, set: { name: sql`excluded.name` } });

    await tx.delete(postcodeAreas);
    const postcodeRows = postcodeFile.rows.map((row) => ({
      pc4: row.pc4,
      municipalityCode: row.gm_code,
      addresses: Number(row.adressen),
      addressShare: Number(row.aandeel_adressen_pc4),
    }));
    for (let start = 0; start < postcodeRows.length; start += BATCH) {
      await tx.insert(postcodeAreas).values(postcodeRows.slice(start, start + BATCH));
    }
    await tx
      .insert(referenceDataVersions)
      .values({ name: 'municipalities', contentHash: version })
      .onConflictDoUpdate({
        target: referenceDataVersions.name,
        set: { contentHash: version, loadedAt: sql`now()` },
      });
    return { loaded: true };
  });
}
