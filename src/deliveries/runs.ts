import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Queryable, Transaction } from '../platform/db.ts';
import { defineActivity, logProcessing, NO_SUBJECT } from '../platform/processing-log/index.ts';
import type { ProcessingActor } from '../platform/processing-log/index.ts';
import type { TraceId } from '../platform/trace.ts';
import { deliveryImportRejects, deliveryImportRuns, type ImportRunStatus } from './schema.ts';

export const deliveryImportActivity = defineActivity({
  code: 'deliveries.import',
  purpose: {
    nl: 'Bereik meten: leveringen van partners aan kinderen tellen, één keer per kind over alle organisaties, met een sleutel in plaats van naam en adres',
    en: 'Measuring reach: counting partners’ deliveries to children, once per child across all organisations, with a key instead of name and address',
  },
  legalBasis: {
    nl: 'Taak van algemeen belang: armoedebeleid en de monitoring daarvan (AVG art. 6 lid 1 e)',
    en: 'Task in the public interest: anti-poverty policy and its monitoring (GDPR art. 6(1)(e))',
  },
  subjectKind: 'child',
});

export type ImportRun = typeof deliveryImportRuns.$inferSelect & { status: ImportRunStatus };
export type RejectedRow = {
  line: number;
  values: Record<string, string>;
  issues: { field: string; code: string }[];
};

/**
 * Starts a run and writes its one processing record: the file's children are processed as a whole by this
 * run (raw fields keyed on arrival), not one by one, and they are pseudonymous keys from here on.
 */
export async function startImportRun(
  tx: Transaction,
  input: {
    provider: string;
    fileName: string;
    bytesTotal: number;
    startedBy: string | null;
    actor: ProcessingActor;
    traceId: TraceId;
  },
): Promise<string> {
  const [run] = await tx
    .insert(deliveryImportRuns)
    .values({
      provider: input.provider,
      fileName: input.fileName.slice(0, 200),
      bytesTotal: input.bytesTotal,
      startedBy: input.startedBy,
    })
    .returning({ id: deliveryImportRuns.id });
  await logProcessing(tx, {
    actor: input.actor,
    activity: deliveryImportActivity,
    action: 'create',
    subject: NO_SUBJECT,
    traceId: input.traceId,
  });
  return run!.id;
}

export type BatchCounts = {
  bytesRead: number;
  rowsRead: number;
  valid: number;
  invalid: number;
  imported: number;
  duplicates: number;
};

/**
 * Adds one batch's counts and its rejected rows, in the batch's transaction. `newCells`: the reach cells
 * this batch is the run's first to write rows into ("GM0363|2025").
 */
export async function recordBatch(
  tx: Transaction,
  runId: string,
  counts: BatchCounts,
  rejects: RejectedRow[],
  newCells: string[] = [],
) {
  if (rejects.length > 0)
    await tx.insert(deliveryImportRejects).values(rejects.map((reject) => ({ runId, ...reject })));
  await tx
    .update(deliveryImportRuns)
    .set({
      bytesRead: counts.bytesRead,
      rowsRead: sql`${deliveryImportRuns.rowsRead} + ${counts.rowsRead}`,
      valid: sql`${deliveryImportRuns.valid} + ${counts.valid}`,
      invalid: sql`${deliveryImportRuns.invalid} + ${counts.invalid}`,
      imported: sql`${deliveryImportRuns.imported} + ${counts.imported}`,
      duplicates: sql`${deliveryImportRuns.duplicates} + ${counts.duplicates}`,
      updatedAt: sql`now()`,
      ...(newCells.length > 0 && {
        cells: sql`${deliveryImportRuns.cells} || ${sql.param(newCells)}::text[]`,
      }),
    })
    .where(eq(deliveryImportRuns.id, runId));
}

export async function finishImportRun(
  db: Queryable,
  runId: string,
  outcome: { failure: string; detail: string | null } | null,
  now: Date,
) {
  await db
    .update(deliveryImportRuns)
    .set({
      status: outcome ? 'failed' : 'done',
      failure: outcome?.failure ?? null,
      failureDetail: outcome?.detail ?? null,
      bytesRead: outcome ? deliveryImportRuns.bytesRead : deliveryImportRuns.bytesTotal,
      finishedAt: now,
    })
    .where(eq(deliveryImportRuns.id, runId));
}

/** A run of this organisation, or null: another organisation's run does not exist for the asker. */
export async function findImportRun(
  db: Queryable,
  provider: string,
  runId: string,
): Promise<ImportRun | null> {
  if (!/^[0-9a-f-]{36}$/i.test(runId)) return null;
  const [run] = await db
    .select()
    .from(deliveryImportRuns)
    .where(and(eq(deliveryImportRuns.id, runId), eq(deliveryImportRuns.provider, provider)));
  return (run as ImportRun | undefined) ?? null;
}

export async function recentImportRuns(db: Queryable, provider: string, limit = 20): Promise<ImportRun[]> {
  const runs = await db
    .select()
    .from(deliveryImportRuns)
    .where(eq(deliveryImportRuns.provider, provider))
    .orderBy(desc(deliveryImportRuns.startedAt))
    .limit(limit);
  return runs as ImportRun[];
}

/** The run's rejected rows in file order, a page at a time (the report page and the correction file). */
export async function rejectedRows(db: Queryable, runId: string, afterLine: number, limit: number) {
  const rows = await db
    .select({
      line: deliveryImportRejects.line,
      values: deliveryImportRejects.values,
      issues: deliveryImportRejects.issues,
    })
    .from(deliveryImportRejects)
    .where(and(eq(deliveryImportRejects.runId, runId), sql`${deliveryImportRejects.line} > ${afterLine}`))
    .orderBy(asc(deliveryImportRejects.line))
    .limit(limit);
  return rows as RejectedRow[];
}
