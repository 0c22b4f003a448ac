import { seedDemoCatalogue } from './catalogue/demo.ts';
import { ensureReferenceData } from './municipalities/index.ts';
import type { Config } from './platform/config.ts';
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
    return database;
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
}

export async function seedDemoData(
  database: DatabaseHandle,
  log: Log,
  options: { force?: boolean; clock?: Clock; schemeKeys?: ReadonlySet<string> } = {},
): Promise<void> {
  const today = isoDateInAmsterdam((options.clock ?? systemClock).now());
  const result = await seedDemoCatalogue(database.db, today, {
    force: options.force,
    schemeKeys: options.schemeKeys,
  });
  if (result.seeded) {
    log(`example catalogue seeded: ${result.organisations} organisations, ${result.provisions} provisions`);
  }
}
