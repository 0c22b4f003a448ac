import { seedDemoCatalogue } from './catalogue/demo.ts';
import { seedExampleSchemes } from './eligibility/import-schemes-file.ts';
import { exampleSchemesFile, readSchemesFile } from './eligibility/scheme-file.ts';
import { allSchemeKeys } from './eligibility/scheme-store.ts';
import { ensureReferenceData } from './municipalities/index.ts';
import { ensurePovertyReferenceData } from './poverty/index.ts';
import { readActionsFile, seedActions } from './actions/index.ts';
import type { Config } from './platform/config.ts';
import { ensureReachReferenceData } from './reach/index.ts';
import { isoDateInAmsterdam, systemClock, type Clock } from './platform/clock.ts';
import { openDatabase, type DatabaseHandle } from './platform/db.ts';

type Log = (message: string) => void;

/** Opens the configured database and brings it up to date: migrations, then the shipped reference data. */
export async function openPreparedDatabase(config: Config, log: Log): Promise<DatabaseHandle> {
  const database = await openDatabase(config.database);
  try {
    await database.migrate();
    const reference = await ensureReferenceData(database.db);
    if (reference.loaded) log('reference data loaded: municipalities 2025 and postcode areas (Bron: CBS)');
    const poverty = await ensurePovertyReferenceData(database.db);
    if (poverty.loaded)
      log('reference data loaded: children in poverty series and target paths (Bron: CBS / SCP)');
    const actionsFile = await readActionsFile();
    const actions = await database.db.transaction((tx) => seedActions(tx, actionsFile));
    if (actions > 0) log(`action tracker seeded: ${actions} actions of ${actionsFile.source.date}`);
    const reach = await ensureReachReferenceData(database.db);
    if (reach.loaded) log('reference data loaded: municipal mergers and target-group estimates (Bron: CBS)');
    return database;
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
}

/**
 * The example catalogue and the example scheme rules its provisions name, into a database without a
 * catalogue (or over it, with force). Provisions are checked against the example rules before either is
 * written; the rules follow the catalogue because their owners are its organisations.
 */
export async function seedDemoData(
  database: DatabaseHandle,
  log: Log,
  options: { force?: boolean; clock?: Clock } = {},
): Promise<void> {
  const today = isoDateInAmsterdam((options.clock ?? systemClock).now());
  const exampleRules = await readSchemesFile(exampleSchemesFile);
  const schemeKeys = new Set([
    ...(await allSchemeKeys(database.db)),
    ...exampleRules.schemes.map((s) => s.key),
  ]);
  const result = await seedDemoCatalogue(database.db, today, { force: options.force, schemeKeys });
  if (result.seeded) {
    log(`example catalogue seeded: ${result.organisations} organisations, ${result.provisions} provisions`);
  }
  const rules = await seedExampleSchemes(database.db);
  if (rules && !rules.ok)
    throw new Error(`The example scheme rules are invalid:\n${rules.errors.join('\n')}`);
  if (rules?.ok)
    log(`example scheme rules seeded: ${rules.schemes} schemes, ${rules.versionsAdded} versions`);
}
