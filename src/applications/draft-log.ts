import type { Transaction } from '../platform/db.ts';
import { logProcessing, type ProcessingActor, type Pseudonymiser } from '../platform/processing-log/index.ts';
import type { TraceId } from '../platform/trace.ts';
import { draftActivity } from './activities.ts';

/** Who saves a draft, for the processing log: the family itself, or the intermediary working on it. */
export type DraftRecord = { actor: ProcessingActor; traceId: TraceId; pseudonymiser: Pseudonymiser };

export async function logDraftSave(tx: Transaction, draftId: string, record: DraftRecord): Promise<void> {
  await logProcessing(
    tx,
    {
      actor: record.actor,
      activity: draftActivity,
      action: 'update',
      subject: { kind: 'application-draft', id: draftId },
      traceId: record.traceId,
    },
    record.pseudonymiser,
  );
}
