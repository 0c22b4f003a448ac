import { ensureReferenceData } from '../../src/municipalities/index.ts';
import { openDatabase, type DatabaseHandle } from '../../src/platform/db.ts';

export type DatabaseUnderTest = { name: 'pglite' | 'postgresql'; open(): Promise<DatabaseHandle> };

async function prepared(database: DatabaseHandle): Promise<DatabaseHandle> {
  await database.migrate();
  await ensureReferenceData(database.db);
  return database;
}

/**
 * Integration tests run on the embedded database always, and on PostgreSQL too when TEST_DATABASE_URL
 * is set. Each PGlite database is a fresh one in memory; PostgreSQL is shared, so tests create their own
 * organisations and provisions with unique keys and never rely on what else is there.
 */
export function databasesUnderTest(): DatabaseUnderTest[] {
  const list: DatabaseUnderTest[] = [
    { name: 'pglite', open: () => openDatabase({ kind: 'pglite', dataDir: null }).then(prepared) },
  ];
  const url = process.env.TEST_DATABASE_URL;
  if (url)
    list.push({ name: 'postgresql', open: () => openDatabase({ kind: 'postgresql', url }).then(prepared) });
  return list;
}
