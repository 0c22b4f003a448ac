import type { FastifyInstance } from 'fastify';
import { ensureReferenceData } from '../../../src/municipalities/index.ts';
import { seedDemoData } from '../../../src/setup.ts';
import { openDatabase, type DatabaseHandle } from '../../../src/platform/db.ts';
import { buildTestApp } from '../../support/app.ts';

export type RunningApp = { baseUrl: string; database: DatabaseHandle; close(): Promise<void> };

/**
 * The real app on a fresh in-memory database with the CBS reference data and the demo catalogue, listening
 * on a free port of the loopback interface, so a real browser can use it.
 */
export async function startApp(
  options: { port?: number; env?: Record<string, string> } = {},
): Promise<RunningApp> {
  const database: DatabaseHandle = await openDatabase({ kind: 'pglite', dataDir: null });
  let app: FastifyInstance | undefined;
  try {
    await database.migrate();
    await ensureReferenceData(database.db);
    await seedDemoData(database, () => undefined, { clock: { now: () => new Date('2026-01-01T12:00:00Z') } });
    app = await buildTestApp(database, { env: options.env });
    const address = await app.listen({ host: '127.0.0.1', port: options.port ?? 0 });
    const started = app;
    return {
      baseUrl: address,
      database,
      async close() {
        await started.close();
        await database.close();
      },
    };
  } catch (error) {
    await app?.close().catch(() => undefined);
    await database.close().catch(() => undefined);
    throw error;
  }
}
