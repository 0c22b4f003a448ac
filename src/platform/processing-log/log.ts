import type { Transaction } from '../db.ts';
import { isTraceId, type TraceId } from '../trace.ts';
import { isRegistered, type ProcessingActivity } from './activities.ts';
import type { Pseudonymiser } from './pseudonym.ts';
import { processingLog } from './schema.ts';

export const processingActions = ['read', 'create', 'update', 'delete', 'export'] as const;
export type ProcessingAction = (typeof processingActions)[number];

export type ProcessingActor = { personId: string | null; role: string; organisation: string | null };

export type ProcessingEntry = {
  actor: ProcessingActor;
  activity: ProcessingActivity;
  action: ProcessingAction;
  subject: { kind: string; id: string } | { pseudonym: string };
  traceId: TraceId;
};

const PSEUDONYM = /^[0-9a-f]{64}$/;

/**
 * The subject of a processing about no one in particular, such as a search of the log by activity or date.
 * Every record names a subject; a keyed hash is all zeros for nobody in practice, so this reads as "none".
 */
export const NO_SUBJECT: { readonly pseudonym: string } = Object.freeze({ pseudonym: '0'.repeat(64) });

/**
 * Writes one record in the caller's transaction, so the record exists exactly when the processing does.
 * Throws, and so rolls the caller back, when the entry is not one the register can account for.
 */
export async function logProcessing(tx: Transaction, entry: ProcessingEntry, pseudonymiser?: Pseudonymiser) {
  await tx.insert(processingLog).values(toRow(entry, pseudonymiser));
}

/** One statement for a list, so showing a hundred children costs one insert, not a hundred. */
export async function logProcessingMany(
  tx: Transaction,
  entries: ProcessingEntry[],
  pseudonymiser?: Pseudonymiser,
) {
  if (entries.length > 0) await tx.insert(processingLog).values(processingLogRows(entries, pseudonymiser));
}

/**
 * The checked rows for a list, for a command that writes several tables in one statement and so inserts
 * them itself: the records still exist exactly when the processing does. Throws as logProcessing does.
 */
export function processingLogRows(entries: ProcessingEntry[], pseudonymiser?: Pseudonymiser) {
  return entries.map((e) => toRow(e, pseudonymiser));
}

function toRow(
  { actor, activity, action, subject, traceId }: ProcessingEntry,
  pseudonymiser?: Pseudonymiser,
) {
  if (!isRegistered(activity)) throw new Error(`Processing activity "${activity.code}" is not registered`);
  if (!processingActions.includes(action)) throw new Error(`Unknown processing action "${action}"`);
  if (!actor.role) throw new Error('A processing needs the actor’s role');
  if (!isTraceId(traceId)) throw new Error('A processing needs a valid W3C trace id');
  let subjectPseudonym: string;
  if ('pseudonym' in subject) {
    if (!PSEUDONYM.test(subject.pseudonym)) throw new Error('Not a subject pseudonym');
    subjectPseudonym = subject.pseudonym;
  } else {
    if (subject.kind !== activity.subjectKind)
      throw new Error(
        `Activity "${activity.code}" is about a ${activity.subjectKind}, not a ${subject.kind}`,
      );
    if (!pseudonymiser) throw new Error('A subject given by id needs the pseudonymiser');
    subjectPseudonym = pseudonymiser.pseudonym(subject.kind, subject.id);
  }
  return {
    actorPersonId: actor.personId,
    actorRole: actor.role,
    actorOrganisation: actor.organisation,
    activity: activity.code,
    action,
    subjectPseudonym,
    traceId,
  };
}
