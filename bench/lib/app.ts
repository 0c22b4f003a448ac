// How the benchmarks start Meedoen itself: exactly as an operator would, `node bin/meedoen.mjs serve`,
// in production mode (with a secret made up for the run).
import { randomBytes } from 'node:crypto';
import { startServer, type ChildServer } from './server.ts';

export type AppDatabase = { kind: 'pglite'; dataDir: string } | { kind: 'postgresql'; url: string };

const secret = randomBytes(32).toString('hex');
const childKeySecret = randomBytes(32).toString('hex');

/** The environment the app runs with in every benchmark. */
export function appEnvironment(database: AppDatabase): Record<string, string> {
  return {
    NODE_ENV: 'production',
    MEEDOEN_SECRET: secret,
    MEEDOEN_CHILD_KEY_SECRET: childKeySecret,
    LOG_LEVEL: 'warn',
    ...(database.kind === 'pglite' ? { MEEDOEN_DATA_DIR: database.dataDir } : { DATABASE_URL: database.url }),
  };
}

export function startApp(database: AppDatabase, label: string): Promise<ChildServer> {
  return startServer({ label, args: ['bin/meedoen.mjs', 'serve'], env: appEnvironment(database) });
}

/** The app's own "ready ... in N ms" line: from the start of serve() to listening, so without module loading. */
export const READY_LINE = /ready on \S+ .* in (\d+) ms/;
