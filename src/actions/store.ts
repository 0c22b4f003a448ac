import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { Queryable, Transaction } from '../platform/db.ts';
import type { ActionsFile } from './actions-file.ts';
import { actionStatusUpdates, programmeActions } from './schema.ts';
import { parseTiming } from './timing.ts';

export type StatusUpdate = {
  id: number;
  statusText: string;
  whenText: string;
  startQuarter: string | null;
  endQuarter: string | null;
  reportedOn: string;
  source: string;
};

export type TrackedAction = {
  key: string;
  ambition: number;
  position: number;
  title: string;
  leadOrganisation: string | null;
  motion: string | null;
  source: string;
  /** Newest first: the first is the current status. */
  updates: StatusUpdate[];
};

/**
 * Writes the shipped actions that are not there yet, each with the status it was reported with. Safe to run
 * at every start: an action already there is left as it is, with the updates added since.
 */
export async function seedActions(tx: Transaction, file: ActionsFile): Promise<number> {
  const source = `${file.source.title}, ${file.source.publisher}, ${file.source.date} (${file.source.reference})`;
  const added = await tx
    .insert(programmeActions)
    .values(
      file.actions.map((action, index) => ({
        key: action.key,
        ambition: action.ambition,
        position: index + 1,
        title: action.title,
        leadOrganisation: action.lead,
        motion: action.motion,
        source,
      })),
    )
    .onConflictDoNothing()
    .returning({ key: programmeActions.key });
  const fresh = new Set(added.map((row) => row.key));
  const updates = file.actions
    .filter((action) => fresh.has(action.key))
    .map((action) => {
      const timing = parseTiming(action.when);
      return {
        actionKey: action.key,
        statusText: action.status,
        whenText: action.when,
        startQuarter: timing.start,
        endQuarter: timing.end,
        reportedOn: file.source.date,
        source,
      };
    });
  if (updates.length > 0) await tx.insert(actionStatusUpdates).values(updates);
  return fresh.size;
}

export type NewStatusUpdate = {
  actionKey: string;
  statusText: string;
  whenText: string;
  reportedOn: string;
  source: string;
  recordedBy: string;
};

/** Appends a status update; the history before it stays as it was. */
export async function addStatusUpdate(tx: Transaction, update: NewStatusUpdate): Promise<void> {
  const timing = parseTiming(update.whenText);
  await tx
    .insert(actionStatusUpdates)
    .values({ ...update, startQuarter: timing.start, endQuarter: timing.end });
}

export async function listActions(db: Queryable, keys?: string[]): Promise<TrackedAction[]> {
  const actions = await db
    .select()
    .from(programmeActions)
    .where(keys ? inArray(programmeActions.key, keys) : undefined)
    .orderBy(asc(programmeActions.ambition), asc(programmeActions.position));
  if (actions.length === 0) return [];
  const updates = await db
    .select()
    .from(actionStatusUpdates)
    .where(
      inArray(
        actionStatusUpdates.actionKey,
        actions.map((a) => a.key),
      ),
    )
    .orderBy(desc(actionStatusUpdates.reportedOn), desc(actionStatusUpdates.id));
  return actions.map((action) => ({
    key: action.key,
    ambition: action.ambition,
    position: action.position,
    title: action.title,
    leadOrganisation: action.leadOrganisation,
    motion: action.motion,
    source: action.source,
    updates: updates
      .filter((u) => u.actionKey === action.key)
      .map((u) => ({
        id: u.id,
        statusText: u.statusText,
        whenText: u.whenText,
        startQuarter: u.startQuarter,
        endQuarter: u.endQuarter,
        reportedOn: u.reportedOn,
        source: u.source,
      })),
  }));
}

export async function findAction(db: Queryable, key: string): Promise<TrackedAction | null> {
  const exists = await db
    .select({ key: programmeActions.key })
    .from(programmeActions)
    .where(eq(programmeActions.key, key));
  if (exists.length === 0) return null;
  return (await listActions(db, [key]))[0] ?? null;
}
