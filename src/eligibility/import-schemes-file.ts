import { existingMunicipalityCodes, existingOrganisationKeys } from '../catalogue/index.ts';
import type { Database } from '../platform/db.ts';
import { exampleSchemesFile, readSchemesFile, type SchemesFile } from './scheme-file.ts';
import { countSchemes, importSchemes, SchemeConflictError, type SchemeImport } from './scheme-store.ts';

export type SchemesFileLoad = ({ ok: true } & SchemeImport) | { ok: false; errors: string[] };

/** References the database would refuse, named per scheme instead of as a constraint violation. */
async function danglingReferences(db: Database, file: SchemesFile): Promise<string[]> {
  const owners = file.schemes.flatMap((s) => (s.owner ? [s.owner] : []));
  const knownOwners = await existingOrganisationKeys(db, owners);
  const knownMunicipalities = await existingMunicipalityCodes(db);
  return file.schemes.flatMap((s) => [
    ...(s.owner && !knownOwners.has(s.owner)
      ? [`${s.key}: owner ${s.owner} is not a known organisation`]
      : []),
    ...(s.municipality && !knownMunicipalities.has(s.municipality)
      ? [`${s.key}: municipality ${s.municipality} is not a known CBS code`]
      : []),
  ]);
}

async function importWhole(db: Database, file: SchemesFile): Promise<SchemesFileLoad> {
  const errors = await danglingReferences(db, file);
  if (errors.length > 0) return { ok: false, errors };
  try {
    return { ok: true, ...(await db.transaction((tx) => importSchemes(tx, file))) };
  } catch (error) {
    if (error instanceof SchemeConflictError) return { ok: false, errors: error.conflicts };
    throw error;
  }
}

/** `meedoen schemes import FILE`: the whole file or nothing, with every problem named. */
export async function importSchemesFile(db: Database, path: string): Promise<SchemesFileLoad> {
  let file: SchemesFile;
  try {
    file = await readSchemesFile(path);
  } catch (error) {
    return { ok: false, errors: [(error as Error).message] };
  }
  return importWhole(db, file);
}

/**
 * The example rules that go with the example catalogue. By default only into a database without schemes,
 * so a later change of the example file cannot clash with versions coordinators added. An owner that is not
 * in this database (a test's own catalogue) leaves the scheme to the platform's keeping.
 */
export async function seedExampleSchemes(
  db: Database,
  options: { evenIfSchemesExist?: boolean } = {},
): Promise<SchemesFileLoad | null> {
  if (!options.evenIfSchemesExist && (await countSchemes(db)) > 0) return null;
  const file = await readSchemesFile(exampleSchemesFile);
  const owners = await existingOrganisationKeys(
    db,
    file.schemes.flatMap((s) => (s.owner ? [s.owner] : [])),
  );
  const schemes = file.schemes.map((s) => ({ ...s, owner: s.owner && owners.has(s.owner) ? s.owner : null }));
  return importWhole(db, { ...file, schemes });
}
