// A mail worker in its own process, for the crash test (test/integration/mail-crash.test.ts): it sends
// from the outbox until nothing is left to send, then exits. The test kills it with SIGKILL mid-send.
import { and, count, isNull, lt } from 'drizzle-orm';
import { systemClock } from '../../src/platform/clock.ts';
import { openDatabase, type DatabaseHandle } from '../../src/platform/db.ts';
import { createMailSender, MAX_ATTEMPTS } from '../../src/platform/mail/index.ts';
import { mailOutbox } from '../../src/platform/mail/schema.ts';

const { WORKER_DATABASE_URL, WORKER_DATA_DIR, WORKER_SMTP_URL, WORKER_LEASE_MS } = process.env;

const database: DatabaseHandle = WORKER_DATABASE_URL
  ? await openDatabase({ kind: 'postgresql', url: WORKER_DATABASE_URL })
  : await openDatabase({ kind: 'pglite', dataDir: WORKER_DATA_DIR! });
const sender = createMailSender({
  db: database.db,
  smtpUrl: WORKER_SMTP_URL!,
  from: 'Meedoen <noreply@meedoen.test>',
  clock: systemClock,
  log: { warn: (message) => console.error(message), error: (message) => console.error(message) },
  leaseMs: Number(WORKER_LEASE_MS),
});

const unsent = async () => {
  const [row] = await database.db
    .select({ n: count() })
    .from(mailOutbox)
    .where(and(isNull(mailOutbox.sentAt), lt(mailOutbox.attempts, MAX_ATTEMPTS)));
  return row?.n ?? 0;
};

// Messages another (killed) worker claimed stay leased for a while: keep polling until they are sent too.
while ((await unsent()) > 0) {
  await sender.sendDue({ limit: 1000 });
  await new Promise((resolve) => setTimeout(resolve, 100));
}
await database.close();
