import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { loadParameters } from '../../src/eligibility/load-parameters.ts';
import { systemClock, type Clock } from '../../src/platform/clock.ts';
import { loadConfig } from '../../src/platform/config.ts';
import type { DatabaseHandle } from '../../src/platform/db.ts';

/** The real app on a given database, quiet, for app.inject() or a listening test server. */
export async function buildTestApp(
  database: DatabaseHandle,
  options: { clock?: Clock; env?: Record<string, string> } = {},
): Promise<FastifyInstance> {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PORT: '0',
    HOST: '127.0.0.1',
    ...options.env,
  });
  return buildApp({
    config,
    database,
    parameters: await loadParameters(),
    clock: options.clock ?? systemClock,
  });
}
