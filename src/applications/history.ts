import { asc, inArray } from 'drizzle-orm';
import type { Queryable } from '../platform/db.ts';
import { applicationEvents } from './schema.ts';
import type { ActorKind, ItemStatus } from './status.ts';

export type ItemEvent = {
  itemId: string;
  fromStatus: ItemStatus | null;
  toStatus: ItemStatus;
  actorKind: ActorKind;
  reasonCode: string | null;
  text: string | null;
  at: Date;
};

/** The history of some items, oldest first, in one query whatever their number. */
export async function historyOf(db: Queryable, itemIds: readonly string[]): Promise<ItemEvent[]> {
  if (itemIds.length === 0) return [];
  const rows = await db
    .select({
      itemId: applicationEvents.itemId,
      fromStatus: applicationEvents.fromStatus,
      toStatus: applicationEvents.toStatus,
      actorKind: applicationEvents.actorKind,
      reasonCode: applicationEvents.reasonCode,
      text: applicationEvents.text,
      at: applicationEvents.at,
    })
    .from(applicationEvents)
    .where(inArray(applicationEvents.itemId, [...itemIds]))
    .orderBy(asc(applicationEvents.at), asc(applicationEvents.id));
  return rows.map((row) => ({
    ...row,
    fromStatus: row.fromStatus as ItemStatus | null,
    toStatus: row.toStatus as ItemStatus,
    actorKind: row.actorKind as ActorKind,
  }));
}
