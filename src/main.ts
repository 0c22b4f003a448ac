import { buildApp } from './app.ts';
import type { Config } from './platform/config.ts';
import { loadParameters } from './eligibility/load-parameters.ts';
import { createMailSender } from './platform/mail/index.ts';
import { systemClock } from './platform/clock.ts';
import { openPreparedDatabase, seedDemoData } from './setup.ts';
import { scheduleRetention } from './applications/retention.ts';

/** Starts the server and stops it cleanly on SIGINT/SIGTERM, finishing requests in flight. */
export async function serve(config: Config): Promise<void> {
  const started = performance.now();
  const say = (message: string) => console.log(`meedoen: ${message}`);
  const parameters = await loadParameters();
  const database = await openPreparedDatabase(config, say);
  if (config.seedDemoData) await seedDemoData(database, say);
  const app = await buildApp({ config, database, parameters, clock: systemClock });
  // Without SMTP, mail waits in the outbox (the platform admin's page); with it, every process helps send.
  const mailSender = createMailSender({
    db: database.db,
    smtpUrl: config.mail.smtpUrl,
    from: config.mail.from,
    clock: systemClock,
    log: { warn: (message) => app.log.warn(message), error: (message) => app.log.error(message) },
  });
  if (config.mail.smtpUrl) mailSender.start({ intervalMs: 5_000 });
  // Personal data of closed applications is erased daily after the retention term (docs/applications.md).
  const retention = scheduleRetention({
    db: database.db,
    clock: systemClock,
    secret: config.secret,
    retentionMonths: config.retentionMonths,
    log: { info: (message) => app.log.info(message), error: (message) => app.log.error(message) },
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'stopping');
    await mailSender.stop();
    await retention.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  await app.listen({ host: config.host, port: config.port });
  const where =
    config.database.kind === 'pglite' ? `embedded database in ${config.database.dataDir}` : 'PostgreSQL';
  say(
    `ready on http://${config.host}:${config.port} (${where}) in ${Math.round(performance.now() - started)} ms`,
  );
}
