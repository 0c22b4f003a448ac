import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { eq, sql } from 'drizzle-orm';
import { lockForTransaction, type Database } from '../platform/db.ts';
import { referenceDataVersions } from '../municipalities/schema.ts';
import { estimateSource, estimateTargetGroups } from './estimates.ts';
import { municipalityMergers, targetGroups } from './schema.ts';

const referenceFolder = new URL('../../data/reference/', import.meta.url);
const MERGERS_FILE = 'gemeentelijke_herindelingen.csv';
const PROFILES_FILE = 'gemeente_pc4_afgeleid_2023.csv';
const VERSION_NAME = 'reach';

type MergerRow = {
  ingangsdatum: string;
  oude_gm_code: string;
  oude_naam: string;
  nieuwe_gm_code: string;
  nieuwe_naam: string;
};
type ProfileRow = {
  gm_code: string;
  aantal_inwoners_geschat: string;
  aantal_inwoners_0_tot_15_jaar_geschat: string;
  aantal_personen_met_uitkering_onder_aowlft_geschat: string;
};

async function readCsv<T>(file: string) {
  const text = await readFile(new URL(file, referenceFolder), 'utf8');
  return {
    rows: parse(text, { columns: true, skip_empty_lines: true, trim: true }) as T[],
    hash: createHash('sha256').update(text).digest('hex'),
  };
}

/**
 * Loads the mergers and the target-group estimates when the shipped files (or the estimate method's
 * version) changed. Estimates are replaced wholesale; imported figures are never touched.
 */
export async function ensureReachReferenceData(db: Database): Promise<{ loaded: boolean }> {
  const [mergerFile, profileFile] = await Promise.all([
    readCsv<MergerRow>(MERGERS_FILE),
    readCsv<ProfileRow>(PROFILES_FILE),
  ]);
  // Bump the method tag when estimates.ts changes, so existing databases get the new estimates.
  const version = `estimates-v1:${mergerFile.hash}:${profileFile.hash}`;
  const isCurrent = async (queryable: Pick<Database, 'select'>) =>
    (
      await queryable
        .select({ hash: referenceDataVersions.contentHash })
        .from(referenceDataVersions)
        .where(eq(referenceDataVersions.name, VERSION_NAME))
    )[0]?.hash === version;
  if (await isCurrent(db)) return { loaded: false };

  return db.transaction(async (tx) => {
    await lockForTransaction(tx, 'reference-data');
    if (await isCurrent(tx)) return { loaded: false };
    await tx.delete(municipalityMergers);
    await tx.insert(municipalityMergers).values(
      mergerFile.rows.map((row) => ({
        oldCode: row.oude_gm_code,
        oldName: row.oude_naam,
        newCode: row.nieuwe_gm_code,
        newName: row.nieuwe_naam,
        effectiveOn: row.ingangsdatum,
      })),
    );
    const estimates = estimateTargetGroups(
      profileFile.rows.map((row) => ({
        code: row.gm_code,
        inhabitants: Number(row.aantal_inwoners_geschat),
        childrenUnder15: Number(row.aantal_inwoners_0_tot_15_jaar_geschat),
        peopleWithBenefit: Number(row.aantal_personen_met_uitkering_onder_aowlft_geschat),
      })),
    );
    await tx.delete(targetGroups).where(eq(targetGroups.kind, 'estimate'));
    await tx.insert(targetGroups).values(
      estimates.map((estimate) => ({
        ...estimate,
        kind: 'estimate',
        source: estimateSource(estimate.incomeGroup as 'bijstand' | 'work'),
      })),
    );
    await tx
      .insert(referenceDataVersions)
      .values({ name: VERSION_NAME, contentHash: version })
      .onConflictDoUpdate({
        target: referenceDataVersions.name,
        set: { contentHash: version, loadedAt: sql`now()` },
      });
    return { loaded: true };
  });
}
