import assert from 'node:assert/strict';
import { once } from 'node:events';
import { test } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../src/platform/db.ts';

const url = process.env.TEST_DATABASE_URL;

// A server restart or an administrator ends idle connections; the app must go on with new ones, not fall over.
test(
  'an idle connection the server ends does not end the process, and the next query works',
  { skip: url ? false : 'TEST_DATABASE_URL is not set', timeout: 30_000 },
  async () => {
    const database = await openDatabase({ kind: 'postgresql', url: url! });
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      const before = (await database.db.execute(sql`select pg_backend_pid() as pid`)) as unknown as {
        rows: { pid: number }[];
      };
      const pid = before.rows[0]!.pid;
      const warned = Promise.race([
        once(process, 'warning'),
        delay(5_000).then(() => Promise.reject(new Error('the ended connection went unnoticed'))),
      ]);
      await admin.query('select pg_terminate_backend($1)', [pid]);
      const [warning] = (await warned) as [Error];
      assert.match(warning.message, /database connection ended while idle/);

      const after = (await database.db.execute(sql`select pg_backend_pid() as pid`)) as unknown as {
        rows: { pid: number }[];
      };
      assert.notEqual(after.rows[0]!.pid, pid, 'a new connection answers');
    } finally {
      await admin.end();
      await database.close();
    }
  },
);
