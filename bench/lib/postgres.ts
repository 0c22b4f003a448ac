// Throwaway databases on the PostgreSQL server named by BENCH_DATABASE_URL, dropped when done.
import pg from 'pg';
import { deferCleanup } from './cleanup.ts';

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export type ThrowawayDatabase = { name: string; url: string; drop(): Promise<void> };

/** The benchmarks put load on the database too, so they only ever use one on this machine. */
export function checkLocal(serverUrl: string): URL {
  const url = new URL(serverUrl);
  if (!LOCAL_HOSTS.has(url.hostname)) {
    throw new Error(`BENCH_DATABASE_URL must point at this machine (127.0.0.1), not ${url.hostname}`);
  }
  return url;
}

async function asAdmin<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

let counter = 0;

export async function createThrowawayDatabase(serverUrl: string, label: string): Promise<ThrowawayDatabase> {
  const base = checkLocal(serverUrl);
  counter += 1;
  const name = `meedoen_bench_${label}_${process.pid}_${counter}`.replace(/[^a-z0-9_]/g, '_');
  await asAdmin(serverUrl, (client) => client.query(`create database "${name}"`));
  const drop = deferCleanup(`drop database ${name}`, async () => {
    await asAdmin(serverUrl, (client) => client.query(`drop database if exists "${name}" with (force)`));
  });
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { name, url: url.toString(), drop };
}
