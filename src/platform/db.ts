import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import type { Config } from './config.ts';
import { lockDataDir } from './data-dir-lock.ts';

export type Database = PgDatabase<PgQueryResultHKT>;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
/** Queries take either, so a command can run inside the caller's transaction. */
export type Queryable = Database | Transaction;

export type DatabaseKind = 'pglite' | 'postgresql';

export type MigrationState = { applied: number; known: number; pending: number; latest: string | null };

export type DatabaseHandle = {
  db: Database;
  kind: DatabaseKind;
  migrate(): Promise<void>;
  migrationState(): Promise<MigrationState>;
  close(): Promise<void>;
};

const migrationsFolder = fileURLToPath(new URL('../../migrations', import.meta.url));
// One constant for every process of this platform, so concurrent start-ups migrate one at a time.
const MIGRATION_LOCK_ID = 7_351_274_001;

export async function openDatabase(config: Config['database']): Promise<DatabaseHandle> {
  return config.kind === 'postgresql' ? openPostgres(config.url) : openPglite(config.dataDir);
}

/**
 * PGlite is loaded only when it is used: on PostgreSQL its ~40 MB would be held for nothing (a partner import
 * measured 200 MB before its first row with it loaded).
 */
async function openPglite(dataDir: string | null): Promise<DatabaseHandle> {
  const [{ PGlite }, { drizzle: drizzlePglite }, { migrate: migratePglite }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('drizzle-orm/pglite'),
    import('drizzle-orm/pglite/migrator'),
  ]);
  const unlock = dataDir ? await lockDataDir(dataDir) : () => undefined;
  const client = await (dataDir ? PGlite.create(dataDir) : PGlite.create()).catch((error: unknown) => {
    unlock();
    throw error;
  });
  const db = drizzlePglite(client) as unknown as Database;
  return {
    db,
    kind: 'pglite',
    // PGlite is single-connection, and its folder is held by one process: nobody else can migrate meanwhile.
    migrate: () => migratePglite(drizzlePglite(client), { migrationsFolder }),
    migrationState: () => readMigrationState(db),
    async close() {
      await client.close();
      unlock();
    },
  };
}

async function openPostgres(url: string): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection the server ends (a restart, a dropped database, an administrator) must not end this
  // process: the pool drops that connection and opens a new one when asked. Without a listener, Node would
  // throw the pool's 'error' event as an uncaught exception.
  pool.on('error', (error) => {
    process.emitWarning(`database connection ended while idle: ${error.message}`, 'DatabaseWarning');
  });
  const db = drizzlePostgres(pool) as unknown as Database;
  return {
    db,
    kind: 'postgresql',
    async migrate() {
      const connection = await pool.connect();
      try {
        await connection.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
        await migratePostgres(drizzlePostgres(connection), { migrationsFolder });
      } finally {
        await connection.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => undefined);
        connection.release();
      }
    },
    migrationState: () => readMigrationState(db),
    close: () => pool.end(),
  };
}

type Journal = { entries: { tag: string }[] };

async function readMigrationState(db: Database): Promise<MigrationState> {
  const journal = JSON.parse(await readFile(`${migrationsFolder}/meta/_journal.json`, 'utf8')) as Journal;
  const known = journal.entries.length;
  let applied = 0;
  try {
    const result = (await db.execute(
      sql`select count(*)::int as count from drizzle.__drizzle_migrations`,
    )) as {
      rows: { count: number }[];
    };
    applied = Number(result.rows[0]?.count ?? 0);
  } catch {
    applied = 0; // the migrations table does not exist before the first migration
  }
  return {
    applied,
    known,
    pending: Math.max(known - applied, 0),
    latest: applied > 0 ? (journal.entries[applied - 1]?.tag ?? null) : null,
  };
}

/**
 * Whether a statement failed on a unique constraint (optionally the one named), on either database: Drizzle
 * wraps the driver's error, so its code is on the error or on its cause.
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const candidates = [error, (error as { cause?: unknown }).cause] as {
    code?: string;
    constraint?: string;
  }[];
  return candidates.some(
    (failed) => failed?.code === '23505' && (constraint === undefined || failed.constraint === constraint),
  );
}

/** Serialises work that several app processes could start at once (reference loads, seeding). */
export async function lockForTransaction(tx: Transaction, name: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${name}))`);
}
