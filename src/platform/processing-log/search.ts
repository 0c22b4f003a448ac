import { and, count, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../db.ts';
import type { TraceId } from '../trace.ts';
import { findActivity, type ProcessingActivity } from './activities.ts';
import { csvLine } from './csv.ts';
import type { ProcessingActor } from './log.ts';
import type { Pseudonymiser } from './pseudonym.ts';
import { processingLog } from './schema.ts';

/** What the log holds about one processing; never the subject's id nor the data processed. */
export type ProcessingRecord = {
  id: number;
  at: Date;
  actor: ProcessingActor;
  activity: string;
  action: string;
  subjectPseudonym: string;
  traceId: TraceId;
};

export type ProcessingLogFilter = {
  subjectPseudonym?: string;
  actorPersonId?: string;
  activity?: string;
  /** Inclusive. */
  from?: Date;
  /** Exclusive. */
  to?: Date;
};

const recordColumns = {
  id: processingLog.id,
  at: processingLog.at,
  personId: processingLog.actorPersonId,
  role: processingLog.actorRole,
  organisation: processingLog.actorOrganisation,
  activity: processingLog.activity,
  action: processingLog.action,
  subjectPseudonym: processingLog.subjectPseudonym,
  traceId: processingLog.traceId,
};

type RecordRow = Omit<ProcessingRecord, 'actor'> & ProcessingActor;

function present({ personId, role, organisation, ...rest }: RecordRow): ProcessingRecord {
  return { ...rest, actor: { personId, role, organisation } };
}

function conditions(filter: ProcessingLogFilter): SQL[] {
  const where: SQL[] = [];
  if (filter.subjectPseudonym !== undefined)
    where.push(eq(processingLog.subjectPseudonym, filter.subjectPseudonym));
  if (filter.actorPersonId !== undefined) where.push(eq(processingLog.actorPersonId, filter.actorPersonId));
  if (filter.activity !== undefined) where.push(eq(processingLog.activity, filter.activity));
  if (filter.from) where.push(gte(processingLog.at, filter.from));
  if (filter.to) where.push(lt(processingLog.at, filter.to));
  return where;
}

const newestFirst = [desc(processingLog.at), desc(processingLog.id)];
export const MAX_PAGE_SIZE = 500;

/** One page, newest first, with how many records match in all. */
export async function searchProcessingLog(
  db: Queryable,
  filter: ProcessingLogFilter & { limit: number; offset: number },
): Promise<{ total: number; records: ProcessingRecord[] }> {
  const { limit, offset } = filter;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE)
    throw new RangeError(`limit must be 1 to ${MAX_PAGE_SIZE}`);
  if (!Number.isInteger(offset) || offset < 0) throw new RangeError('offset must be 0 or more');
  const where = and(...conditions(filter));
  const [rows, [counted]] = await Promise.all([
    db
      .select(recordColumns)
      .from(processingLog)
      .where(where)
      .orderBy(...newestFirst)
      .limit(limit)
      .offset(offset),
    db.select({ total: count() }).from(processingLog).where(where),
  ]);
  return { total: counted?.total ?? 0, records: rows.map(present) };
}

const CSV_HEADER = [
  'id',
  'at',
  'actor_person_id',
  'actor_role',
  'actor_organisation',
  'activity',
  'action',
  'subject_pseudonym',
  'trace_id',
];
const EXPORT_PAGE = 1000;

/**
 * The matching records as CSV lines (header first, CRLF endings), newest first. It reads a page at a time
 * after the last record seen, so a large log is never held in memory and rows written meanwhile do not
 * shift the pages. The cursor keeps microseconds, which a JavaScript Date would lose.
 */
export async function* exportProcessingLogCsv(db: Queryable, filter: ProcessingLogFilter) {
  yield csvLine(CSV_HEADER);
  const cursorAt = sql<string>`to_char(${processingLog.at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
  let after: { at: string; id: number } | null = null;
  for (;;) {
    const where = [...conditions(filter)];
    if (after)
      where.push(sql`(${processingLog.at}, ${processingLog.id}) < (${after.at}::timestamptz, ${after.id})`);
    const rows = await db
      .select({ ...recordColumns, cursorAt })
      .from(processingLog)
      .where(and(...where))
      .orderBy(...newestFirst)
      .limit(EXPORT_PAGE);
    for (const r of rows)
      yield csvLine([
        r.id,
        r.at.toISOString(),
        r.personId,
        r.role,
        r.organisation,
        r.activity,
        r.action,
        r.subjectPseudonym,
        r.traceId,
      ]);
    const last = rows.at(-1);
    if (!last || rows.length < EXPORT_PAGE) return;
    after = { at: last.cursorAt, id: last.id };
  }
}

export type ProcessingAbout = {
  at: Date;
  activity: string;
  purpose: ProcessingActivity['purpose'] | null;
  legalBasis: ProcessingActivity['legalBasis'] | null;
  action: string;
  role: string;
  organisation: string | null;
};

/**
 * Every processing of one person's data, newest first, with purpose and legal basis, to answer their
 * request (AVG art. 15). Staff are named by role and organisation only: who they are is their own data.
 */
export async function processingsAbout(
  db: Queryable,
  pseudonymiser: Pseudonymiser,
  subject: { kind: string; id: string },
): Promise<ProcessingAbout[]> {
  const rows = await db
    .select(recordColumns)
    .from(processingLog)
    .where(eq(processingLog.subjectPseudonym, pseudonymiser.pseudonym(subject.kind, subject.id)))
    .orderBy(...newestFirst);
  return rows.map(({ at, activity, action, role, organisation }) => {
    const registered = findActivity(activity);
    return {
      at,
      activity,
      purpose: registered?.purpose ?? null,
      legalBasis: registered?.legalBasis ?? null,
      action,
      role,
      organisation,
    };
  });
}
