import { and, asc, count, eq, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { Clock } from '../platform/clock.ts';
import type { Database, Transaction } from '../platform/db.ts';
import { mailOutbox } from '../platform/mail/schema.ts';
import { createPseudonymiser, logProcessingMany } from '../platform/processing-log/index.ts';
import { newTraceId } from '../platform/trace.ts';
import { retentionActivity } from './activities.ts';
import {
  applicationChildren,
  applicationDrafts,
  applicationEvents,
  applicationItems,
  applications,
  deliveries,
  itemStatuses,
} from './schema.ts';
import { isFinal } from './status.ts';

export const DEFAULT_RETENTION_MONTHS = 24;
// Small enough that one transaction (and its row locks) stays short with a years-long backlog.
const BATCH_SIZE = 200;
// Every app process runs the daily job; the first to take this lock does a batch, the others give up.
const LOCK_NAME = 'meedoen:applications-retention';

export type RetentionOptions = {
  now: Date;
  retentionMonths?: number;
  secret: string;
  /** Count what would be erased, change nothing. */
  dryRun?: boolean;
  batchSize?: number;
};

export type RetentionResult = {
  applications: number;
  children: number;
  drafts: number;
  /** Another process held the lock, so this run stopped early; the next run picks up the rest. */
  busy: boolean;
};

const finalStatuses = itemStatuses.filter(isFinal);
const inFinalStatuses = sql.join(
  finalStatuses.map((status) => sql`${status}`),
  sql`, `,
);

/** `months` calendar months before `moment`, on the last day of a shorter month rather than overflowing. */
export function monthsBefore(moment: Date, months: number): Date {
  const result = new Date(moment);
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() - months);
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}

/**
 * Closed: every item is in a final status, and the last of them got there before the cutoff. An
 * application with one item still open is never erased, however old it is.
 */
function closedBefore(cutoff: Date): SQL {
  const at = cutoff.toISOString();
  return and(
    isNull(applications.erasedAt),
    sql`not exists (select 1 from ${applicationItems} where ${applicationItems.applicationId} = ${applications.id} and (${applicationItems.finalAt} is null or ${applicationItems.status} not in (${inFinalStatuses})))`,
    sql`(select max(${applicationItems.finalAt}) from ${applicationItems} where ${applicationItems.applicationId} = ${applications.id}) < ${at}::timestamptz`,
  )!;
}

/**
 * Erases the personal data of applications closed longer than the retention term ago, and deletes
 * expired drafts. What stays is what identifies no one on its own: the municipality, household type and
 * income source, the statuses and their dates, the delivered value; the statistical delivery records are
 * not touched. Each batch is one transaction with one processing-log record per child. Running it again
 * erases nothing more.
 */
export async function eraseExpiredApplications(
  db: Database,
  options: RetentionOptions,
): Promise<RetentionResult> {
  const months = options.retentionMonths ?? DEFAULT_RETENTION_MONTHS;
  const cutoff = monthsBefore(options.now, months);
  if (options.dryRun) return countExpired(db, cutoff, options.now);

  const result: RetentionResult = { applications: 0, children: 0, drafts: 0, busy: false };
  const pseudonymiser = createPseudonymiser(options.secret);
  const batchSize = options.batchSize ?? BATCH_SIZE;
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      if (!(await tryLock(tx))) return null;
      return eraseBatch(tx, { cutoff, now: options.now, batchSize, pseudonymiser });
    });
    if (!batch) return { ...result, busy: true };
    result.applications += batch.applications;
    result.children += batch.children;
    if (batch.applications < batchSize) break;
  }
  for (;;) {
    const deleted = await db.transaction(async (tx) => {
      if (!(await tryLock(tx))) return null;
      const expired = tx
        .select({ id: applicationDrafts.id })
        .from(applicationDrafts)
        .where(lt(applicationDrafts.expiresAt, options.now))
        .limit(batchSize);
      const rows = await tx
        .delete(applicationDrafts)
        .where(inArray(applicationDrafts.id, expired))
        .returning({ id: applicationDrafts.id });
      return rows.length;
    });
    if (deleted === null) return { ...result, busy: true };
    result.drafts += deleted;
    if (deleted < batchSize) break;
  }
  return result;
}

async function tryLock(tx: Transaction): Promise<boolean> {
  const { rows } = (await tx.execute(
    sql`select pg_try_advisory_xact_lock(hashtext(${LOCK_NAME})) as locked`,
  )) as unknown as { rows: { locked: boolean }[] };
  return rows[0]?.locked === true;
}

async function eraseBatch(
  tx: Transaction,
  {
    cutoff,
    now,
    batchSize,
    pseudonymiser,
  }: { cutoff: Date; now: Date; batchSize: number; pseudonymiser: ReturnType<typeof createPseudonymiser> },
): Promise<{ applications: number; children: number }> {
  // Locked and skipped when locked elsewhere: a handler still touching one, or a second run, never collides.
  const due = await tx
    .select({
      id: applications.id,
      reference: applications.reference,
      contactEmail: applications.contactEmail,
    })
    .from(applications)
    .where(closedBefore(cutoff))
    .orderBy(asc(applications.id))
    .limit(batchSize)
    .for('update', { of: applications, skipLocked: true });
  if (due.length === 0) return { applications: 0, children: 0 };
  const ids = due.map((row) => row.id);

  // The keys are read before they are erased: the log record must name the child the erasure was about.
  const children = await tx
    .select({ applicationId: applicationChildren.applicationId, childKey: applicationChildren.childKey })
    .from(applicationChildren)
    .where(inArray(applicationChildren.applicationId, ids));
  const items = tx
    .select({ id: applicationItems.id })
    .from(applicationItems)
    .where(inArray(applicationItems.applicationId, ids));

  await tx
    .update(applications)
    .set({
      postcode: null,
      houseNumber: null,
      netIncomeCents: null,
      contactEmail: null,
      contactPhone: null,
      erasedAt: now,
    })
    .where(inArray(applications.id, ids));
  await tx
    .update(applicationChildren)
    .set({ firstName: null, birthDate: null, childKey: null })
    .where(inArray(applicationChildren.applicationId, ids));
  // The self-check's snapshot holds the income as a percentage of a norm, which gives back the erased
  // income; only its outcome (eligible or not) is kept, for the figures.
  await tx
    .update(applicationItems)
    .set({ eligibility: sql`jsonb_build_object('outcome', ${applicationItems.eligibility} -> 'outcome')` })
    .where(inArray(applicationItems.applicationId, ids));
  // Free text typed by staff or the family may say anything about them; the reason codes stay.
  await tx.update(applicationEvents).set({ text: null }).where(inArray(applicationEvents.itemId, items));
  // The description is required, so it becomes empty rather than null: erased_at tells a page why, in
  // the reader's language, which a fixed marker in the data could not.
  await tx
    .update(deliveries)
    .set({ description: '', budgetOverrideReason: null })
    .where(inArray(deliveries.itemId, items));
  await eraseMails(tx, due);

  // One trace per application: the records of its children belong to one erasure.
  const traces = new Map(ids.map((id) => [id, newTraceId()]));
  await logProcessingMany(
    tx,
    children.flatMap(({ applicationId, childKey }) =>
      childKey
        ? [
            {
              actor: { personId: null, role: 'system', organisation: null },
              activity: retentionActivity,
              action: 'delete' as const,
              subject: { kind: 'child', id: childKey },
              traceId: traces.get(applicationId)!,
            },
          ]
        : [],
    ),
    pseudonymiser,
  );
  return { applications: due.length, children: children.length };
}

/**
 * The family's copies of the confirmation and status mails in the outbox hold their address next to the
 * reference: the outbox row would undo the erasure. They are found by recipient and reference.
 */
async function eraseMails(tx: Transaction, due: { reference: string; contactEmail: string | null }[]) {
  const withMail = due.filter((row) => row.contactEmail !== null);
  if (withMail.length === 0) return;
  const matches = withMail.map(
    (row) =>
      sql`(${mailOutbox.recipient} = ${row.contactEmail} and strpos(${mailOutbox.subject} || ' ' || ${mailOutbox.body}, ${row.reference}) > 0)`,
  );
  await tx
    .delete(mailOutbox)
    .where(and(sql`${mailOutbox.purpose} like 'application%'`, sql`(${sql.join(matches, sql` or `)})`));
}

async function countExpired(db: Database, cutoff: Date, now: Date): Promise<RetentionResult> {
  const [due] = await db.select({ n: count() }).from(applications).where(closedBefore(cutoff));
  const [kids] = await db
    .select({ n: count() })
    .from(applicationChildren)
    .innerJoin(applications, eq(applications.id, applicationChildren.applicationId))
    .where(closedBefore(cutoff));
  const [drafts] = await db
    .select({ n: count() })
    .from(applicationDrafts)
    .where(lt(applicationDrafts.expiresAt, now));
  return { applications: due?.n ?? 0, children: kids?.n ?? 0, drafts: drafts?.n ?? 0, busy: false };
}

export type RetentionJob = { stop(): Promise<void> };

/**
 * Runs the erasure a minute after start and then once a day, on every app process; the advisory lock
 * lets one of them do each batch. A failed run is reported and tried again the next day.
 */
export function scheduleRetention(options: {
  db: Database;
  clock: Clock;
  secret: string;
  retentionMonths: number;
  log: { info(message: string): void; error(message: string): void };
  firstRunMs?: number;
  intervalMs?: number;
}): RetentionJob {
  const { firstRunMs = 60_000, intervalMs = 24 * 60 * 60_000 } = options;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;

  const schedule = (delay: number) => {
    timer = setTimeout(run, delay);
    timer.unref();
  };
  const run = () => {
    running = eraseExpiredApplications(options.db, {
      now: options.clock.now(),
      retentionMonths: options.retentionMonths,
      secret: options.secret,
    })
      .then(
        (result) => {
          if (result.applications > 0 || result.drafts > 0)
            options.log.info(
              `retention: erased ${result.applications} applications, deleted ${result.drafts} drafts`,
            );
        },
        // The message names the statement or constraint; the rows' values are only in the error's detail.
        (error: unknown) => options.log.error(`retention: ${(error as Error)?.message ?? 'error'}`),
      )
      .finally(() => {
        running = null;
        if (!stopped) schedule(intervalMs);
      });
  };
  schedule(firstRunMs);

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
