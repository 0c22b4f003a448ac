import { desc, eq, inArray, sql } from 'drizzle-orm';
import {
  defineActivity,
  logProcessing,
  logProcessingMany,
  type ProcessingActor,
  type Pseudonymiser,
} from '../platform/processing-log/index.ts';
import type { Queryable, Transaction } from '../platform/db.ts';
import type { TraceId } from '../platform/trace.ts';
import { quarterOf, type RecordFacts } from './aggregate.ts';
import type { RecordInput } from './record-form.ts';
import { insightRecordDomains, insightRecords } from './schema.ts';

// A portrait has no name, but a situation told in depth can still point to a child: treated as personal.
export const insightActivity = defineActivity({
  code: 'insight.portraits',
  purpose: {
    nl: 'Kwalitatief inzicht in hoe armoede het leven van kinderen raakt (ambitie 3): portretten en signalen vastleggen en lezen',
    en: 'Qualitative insight into how poverty touches children’s lives (ambition 3): recording and reading portraits and signals',
  },
  legalBasis: {
    nl: 'Wetenschappelijk onderzoek en statistiek in het algemeen belang (AVG art. 6 lid 1 sub e, art. 89)',
    en: 'Scientific research and statistics in the public interest (GDPR art. 6(1)(e), art. 89)',
  },
  subjectKind: 'insight-record',
});

type Context = { actor: ProcessingActor; traceId: TraceId; pseudonymiser: Pseudonymiser };

export async function insertRecord(
  tx: Transaction,
  input: { record: RecordInput; organisationKey: string; recordedBy: string },
  context: Context,
): Promise<string> {
  const { severity, quoteConsent, quote, supportConnected, supportMissing, municipality, ...rest } =
    input.record;
  const [row] = await tx
    .insert(insightRecords)
    .values({
      ...rest,
      municipalityCode: municipality,
      organisationKey: input.organisationKey,
      recordedBy: input.recordedBy,
      quote: quote || null,
      quoteConsent: quote ? quoteConsent : false,
      supportConnected: supportConnected || null,
      supportMissing: supportMissing || null,
    })
    .returning({ id: insightRecords.id });
  await tx.insert(insightRecordDomains).values(severity.map((s) => ({ ...s, recordId: row!.id })));
  const subject = { kind: 'insight-record', id: row!.id };
  await logProcessing(
    tx,
    { ...context, activity: insightActivity, action: 'create', subject },
    context.pseudonymiser,
  );
  return row!.id;
}

/** When, where and which domains of every record: all aggregation needs, nothing of the story. */
export async function recordFacts(db: Queryable): Promise<RecordFacts[]> {
  const rows = await db
    .select({
      observedOn: insightRecords.observedOn,
      municipality: insightRecords.municipalityCode,
      domains: sql<string[]>`coalesce(array_agg(${insightRecordDomains.domain}::text), '{}')`,
    })
    .from(insightRecords)
    .leftJoin(insightRecordDomains, eq(insightRecordDomains.recordId, insightRecords.id))
    .groupBy(insightRecords.id);
  return rows.map((r) => ({
    quarter: quarterOf(r.observedOn),
    municipality: r.municipality,
    domains: r.domains,
  }));
}

export async function countRecordsOf(db: Queryable, organisationKey: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(insightRecords)
    .where(eq(insightRecords.organisationKey, organisationKey));
  return row?.n ?? 0;
}

export type ReadableRecord = {
  id: string;
  kind: string;
  municipalityCode: string;
  observedOn: string;
  ageGroup: string;
  story: string;
  quote: string | null;
  supportConnected: string | null;
  supportMissing: string | null;
  domains: { domain: string; severity: number }[];
};

/** The newest records for researchers and analysts; each read is logged in the caller's transaction. */
export async function readNewestRecords(
  tx: Transaction,
  limit: number,
  context: Context,
): Promise<ReadableRecord[]> {
  const rows = await tx
    .select({
      id: insightRecords.id,
      kind: insightRecords.kind,
      municipalityCode: insightRecords.municipalityCode,
      observedOn: insightRecords.observedOn,
      ageGroup: insightRecords.ageGroup,
      story: insightRecords.story,
      quote: insightRecords.quote,
      supportConnected: insightRecords.supportConnected,
      supportMissing: insightRecords.supportMissing,
    })
    .from(insightRecords)
    .orderBy(desc(insightRecords.recordedAt))
    .limit(limit);
  if (rows.length === 0) return [];
  const domains = await tx
    .select()
    .from(insightRecordDomains)
    .where(
      inArray(
        insightRecordDomains.recordId,
        rows.map((r) => r.id),
      ),
    );
  await logProcessingMany(
    tx,
    rows.map((r) => ({
      ...context,
      activity: insightActivity,
      action: 'read' as const,
      subject: { kind: 'insight-record', id: r.id },
    })),
    context.pseudonymiser,
  );
  return rows.map((r) => ({
    ...r,
    domains: domains
      .filter((d) => d.recordId === r.id)
      .map((d) => ({ domain: d.domain, severity: d.severity })),
  }));
}
