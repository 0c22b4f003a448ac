import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import pg from 'pg';
import { formatSummary, runCrashTest, type CrashTestOptions } from '../../scripts/crash-test.ts';

// The short version of scripts/crash-test.ts (50 rounds): 3 rounds of load, SIGKILL and restart.
const rounds = 3;
const quiet = { clients: 4, killAfterMs: [300, 1200] as [number, number], log: () => undefined };

async function check(database: CrashTestOptions['database']) {
  const summary = await runCrashTest({ rounds, ...quiet, database });
  assert.ok(summary.ok, formatSummary(summary));
  assert.ok(summary.answered201 > 0, 'some applications were answered');
  assert.equal(summary.applicationsInDatabase >= summary.answered201, true, formatSummary(summary));
}

describe('nothing lost, nothing twice: submissions while the server is killed', () => {
  test(`${rounds} rounds on the embedded database`, { timeout: 180_000 }, async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'meedoen-crash-'));
    try {
      await check({ kind: 'pglite', dataDir: path.join(folder, 'db') });
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  const serverUrl = process.env.TEST_DATABASE_URL;
  test(
    `${rounds} rounds on PostgreSQL`,
    { timeout: 180_000, skip: serverUrl ? false : 'TEST_DATABASE_URL is not set' },
    async () => {
      // A database of its own: the server seeds the demo catalogue, which the shared test database must not get.
      const name = `meedoen_crash_${process.pid}_${Date.now()}`;
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      try {
        await admin.query(`create database "${name}"`);
        const url = new URL(serverUrl!);
        url.pathname = `/${name}`;
        await check({ kind: 'postgresql', url: url.toString() });
      } finally {
        await admin.query(`drop database if exists "${name}" with (force)`);
        await admin.end();
      }
    },
  );
});
