import { and, asc, eq, isNull, lt, lte } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Clock } from '../clock.ts';
import type { Database } from '../db.ts';
import { nextAttemptDelayMs } from './backoff.ts';
import { MAX_ATTEMPTS } from './outbox.ts';
import { mailOutbox } from './schema.ts';
import { withoutSingleUseLinks } from './single-use-links.ts';

export type MailLog = { warn(message: string): void; error(message: string): void };

export type MailSender = {
  /** Sends what is due now, one message at a time; without SMTP it leaves everything in the outbox. */
  sendDue(options?: { limit?: number }): Promise<{ sent: number; failed: number }>;
  start(options: { intervalMs: number }): void;
  stop(): Promise<void>;
};

export type MailSenderOptions = {
  db: Database;
  smtpUrl: string | null;
  from: string;
  clock: Clock;
  log: MailLog;
  /** How long a claimed message is hidden from other senders (default 5 minutes); tests shorten it. */
  leaseMs?: number;
};

// A claimed message is hidden from other processes this long, longer than one delivery can take with the
// timeouts below; if this process dies mid-send, another sends it again afterwards (same Message-ID).
const LEASE_MS = 5 * 60_000;
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 60_000 };

type Claimed = {
  id: number;
  purpose: string;
  recipient: string;
  subject: string;
  body: string;
  attempts: number;
  createdAt: Date;
};

export function createMailSender({
  db,
  smtpUrl,
  from,
  clock,
  log,
  leaseMs = LEASE_MS,
}: MailSenderOptions): MailSender {
  const transport = smtpUrl ? nodemailer.createTransport({ url: smtpUrl, ...TIMEOUTS }) : null;

  // The claim commits before sending, so no transaction (and, on PGlite, no connection) waits on SMTP.
  async function claimNext(): Promise<Claimed | null> {
    const now = clock.now();
    return db.transaction(async (tx) => {
      const [row] = await tx
        .select({
          id: mailOutbox.id,
          purpose: mailOutbox.purpose,
          recipient: mailOutbox.recipient,
          subject: mailOutbox.subject,
          body: mailOutbox.body,
          attempts: mailOutbox.attempts,
          createdAt: mailOutbox.createdAt,
        })
        .from(mailOutbox)
        .where(
          and(
            isNull(mailOutbox.sentAt),
            lte(mailOutbox.nextAttemptAt, now),
            lt(mailOutbox.attempts, MAX_ATTEMPTS),
          ),
        )
        .orderBy(asc(mailOutbox.nextAttemptAt), asc(mailOutbox.id))
        .limit(1)
        .for('update', { skipLocked: true });
      if (!row) return null;
      // Counted at the claim, so a message that crashes the process still runs out of attempts.
      const attempts = row.attempts + 1;
      await tx
        .update(mailOutbox)
        .set({ attempts, nextAttemptAt: new Date(now.getTime() + leaseMs) })
        .where(eq(mailOutbox.id, row.id));
      return { ...row, attempts };
    });
  }

  async function deliver(smtp: Transporter, mail: Claimed): Promise<boolean> {
    try {
      await smtp.sendMail({
        from,
        to: mail.recipient,
        subject: mail.subject,
        text: mail.body,
        messageId: messageIdFor(mail, from),
      });
    } catch (error) {
      const lastError = describeFailure(error);
      const retryAt = new Date(clock.now().getTime() + nextAttemptDelayMs(mail.attempts));
      await db
        .update(mailOutbox)
        .set({ lastError, nextAttemptAt: retryAt })
        .where(and(eq(mailOutbox.id, mail.id), isNull(mailOutbox.sentAt)));
      log.warn(`mail ${mail.id} not sent (attempt ${mail.attempts}): ${lastError}`);
      return false;
    }
    // A sent message is never sent again (only an unsent claim is retried), so its single-use links have
    // no further use here; the recipient's copy is the one that counts.
    const body = withoutSingleUseLinks(mail.purpose, mail.body);
    await db
      .update(mailOutbox)
      .set({ sentAt: clock.now(), lastError: null, ...(body !== mail.body && { body }) })
      .where(eq(mailOutbox.id, mail.id));
    return true;
  }

  async function sendDue({ limit = 50 }: { limit?: number } = {}) {
    const result = { sent: 0, failed: 0 };
    if (!transport) return result;
    while (result.sent + result.failed < limit) {
      const mail = await claimNext();
      if (!mail) break;
      if (await deliver(transport, mail)) result.sent++;
      else result.failed++;
    }
    return result;
  }

  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = true;

  // A chain of timeouts rather than an interval, so a slow run never overlaps the next.
  function start({ intervalMs }: { intervalMs: number }) {
    if (!stopped) return;
    stopped = false;
    const schedule = () => {
      timer = setTimeout(tick, intervalMs);
      timer.unref();
    };
    const tick = () => {
      running = sendDue()
        .then(
          () => undefined,
          (error: unknown) => {
            try {
              log.error(`mail sender: ${describeFailure(error)}`);
            } catch {
              // Nothing left to report to; the next run tries again.
            }
          },
        )
        .finally(() => {
          running = null;
          if (!stopped) schedule();
        });
    };
    schedule();
  }

  async function stop() {
    stopped = true;
    if (timer) clearTimeout(timer);
    timer = null;
    await running;
  }

  return { sendDue, start, stop };
}

/** Stable per outbox row, so a message sent again after a crash is recognisably the same one. */
export function messageIdFor(mail: { id: number; createdAt: Date }, from: string): string {
  const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1] ?? 'meedoen';
  // The creation time keeps ids apart between installations that share a sender domain.
  return `<outbox-${mail.id}.${mail.createdAt.getTime().toString(36)}@${domain}>`;
}

/** A short reason without personal data: SMTP replies may quote the address, so only codes are kept. */
export function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown error';
  const { code, responseCode, response } = error as Error & Record<string, unknown>;
  const parts = [typeof code === 'string' ? code : error.name];
  if (typeof responseCode === 'number') parts.push(String(responseCode));
  const enhanced = typeof response === 'string' ? /\b[245]\.\d{1,3}\.\d{1,3}\b/.exec(response) : null;
  if (enhanced) parts.push(enhanced[0]);
  return parts.join(' ').slice(0, 100);
}
