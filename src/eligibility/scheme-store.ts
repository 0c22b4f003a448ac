import { asc, count, eq, inArray, sql } from 'drizzle-orm';
import { lockForTransaction, type Queryable, type Transaction } from '../platform/db.ts';
import type { IncomeTest, Scheme, SchemeVersion } from './parameters.ts';
import type { SchemesFile } from './scheme-file.ts';
import { schemes, schemeVersions } from './schema.ts';

export type StoredScheme = Scheme & { owner: string | null; isExample: boolean };

type VersionRow = typeof schemeVersions.$inferSelect;

function incomeTestOf(row: VersionRow): IncomeTest {
  if (row.incomeTest === 'none') return { kind: 'none' };
  return {
    kind: 'percent_of_norm',
    percent: row.percentHundredths! / 100,
    holidayAllowance: row.holidayAllowance as 'included' | 'excluded',
  };
}

const versionOf = (row: VersionRow): SchemeVersion => ({
  version: row.version,
  validFrom: row.validFrom,
  incomeTest: incomeTestOf(row),
  assetTest: row.assetTest,
  source: row.source,
});

function versionColumns(version: SchemeVersion) {
  const test = version.incomeTest;
  return {
    version: version.version,
    validFrom: version.validFrom,
    incomeTest: test.kind,
    percentHundredths: test.kind === 'percent_of_norm' ? Math.round(test.percent * 100) : null,
    holidayAllowance: test.kind === 'percent_of_norm' ? test.holidayAllowance : null,
    assetTest: version.assetTest,
    source: version.source,
  };
}

async function withVersions(db: Queryable, rows: (typeof schemes.$inferSelect)[]): Promise<StoredScheme[]> {
  if (rows.length === 0) return [];
  const versions = await db
    .select()
    .from(schemeVersions)
    .where(
      inArray(
        schemeVersions.schemeKey,
        rows.map((r) => r.key),
      ),
    )
    .orderBy(asc(schemeVersions.validFrom));
  return rows.map((row) => ({
    key: row.key,
    name: { nl: row.nameNl, en: row.nameEn },
    municipality: row.municipalityCode,
    owner: row.owner,
    isExample: row.isExample,
    versions: versions.filter((v) => v.schemeKey === row.key).map(versionOf),
  }));
}

/** The rules of the schemes a check needs, by key; a key without a stored scheme is simply absent. */
export async function loadSchemes(db: Queryable, keys: readonly string[]): Promise<Map<string, Scheme>> {
  const unique = [...new Set(keys)];
  if (unique.length === 0) return new Map();
  const rows = await db.select().from(schemes).where(inArray(schemes.key, unique));
  return new Map((await withVersions(db, rows)).map((s) => [s.key, s]));
}

export async function findScheme(db: Queryable, key: string): Promise<StoredScheme | null> {
  const rows = await db.select().from(schemes).where(eq(schemes.key, key));
  return (await withVersions(db, rows))[0] ?? null;
}

export async function schemesOwnedBy(db: Queryable, organisationKey: string): Promise<StoredScheme[]> {
  const rows = await db
    .select()
    .from(schemes)
    .where(eq(schemes.owner, organisationKey))
    .orderBy(asc(schemes.nameNl));
  return withVersions(db, rows);
}

export async function allSchemeKeys(db: Queryable): Promise<string[]> {
  const rows = await db.select({ key: schemes.key }).from(schemes).orderBy(asc(schemes.key));
  return rows.map((r) => r.key);
}

export async function countSchemes(db: Queryable): Promise<number> {
  const [row] = await db.select({ n: count() }).from(schemes);
  return row?.n ?? 0;
}

export type NewScheme = Pick<Scheme, 'key' | 'name' | 'municipality'> & { owner: string | null };

export async function insertScheme(tx: Transaction, scheme: NewScheme, isExample: boolean): Promise<void> {
  await tx.insert(schemes).values({
    key: scheme.key,
    nameNl: scheme.name.nl,
    nameEn: scheme.name.en,
    municipalityCode: scheme.municipality,
    owner: scheme.owner,
    isExample,
  });
}

export async function addSchemeVersion(
  tx: Transaction,
  schemeKey: string,
  version: SchemeVersion,
  createdBy: string | null,
): Promise<void> {
  await tx.insert(schemeVersions).values({ schemeKey, ...versionColumns(version), createdBy });
  await tx
    .update(schemes)
    .set({ updatedAt: sql`now()` })
    .where(eq(schemes.key, schemeKey));
}

export type SchemeImport = { schemes: number; versionsAdded: number };

/** A file that would change a stored version; nothing of that file is imported. */
export class SchemeConflictError extends Error {
  constructor(readonly conflicts: string[]) {
    super(conflicts.join('\n'));
  }
}

const sameVersion = (a: SchemeVersion, b: SchemeVersion) =>
  JSON.stringify(versionColumns(a)) === JSON.stringify(versionColumns(b));

/**
 * Adds a file's schemes and versions to the stored ones. Names, municipality and owner follow the file; a
 * version already stored must be identical, because outcomes may already name it: a change is a new version.
 * Throws SchemeConflictError otherwise, so the caller's transaction rolls back.
 */
export async function importSchemes(tx: Transaction, file: SchemesFile): Promise<SchemeImport> {
  // Two imports at once would both see a version missing and both add it.
  await lockForTransaction(tx, 'scheme-import');
  const stored = new Map(
    (
      await loadSchemes(
        tx,
        file.schemes.map((s) => s.key),
      )
    ).entries(),
  );
  const conflicts: string[] = [];
  let versionsAdded = 0;
  for (const scheme of file.schemes) {
    const values = {
      nameNl: scheme.name.nl,
      nameEn: scheme.name.en,
      municipalityCode: scheme.municipality,
      owner: scheme.owner,
      isExample: file.example,
      updatedAt: sql`now()`,
    };
    await tx
      .insert(schemes)
      .values({ key: scheme.key, ...values })
      .onConflictDoUpdate({ target: schemes.key, set: values });
    const existing = stored.get(scheme.key)?.versions ?? [];
    for (const version of scheme.versions) {
      const same = existing.find((v) => v.version === version.version || v.validFrom === version.validFrom);
      if (same && sameVersion(same, version)) continue;
      if (same) {
        conflicts.push(
          `${scheme.key}: version ${version.version} (${version.validFrom}) differs from the stored version ${same.version} (${same.validFrom}); add a new version instead`,
        );
        continue;
      }
      await tx.insert(schemeVersions).values({ schemeKey: scheme.key, ...versionColumns(version) });
      versionsAdded += 1;
    }
  }
  if (conflicts.length > 0) throw new SchemeConflictError(conflicts);
  return { schemes: file.schemes.length, versionsAdded };
}
