import { sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { Queryable } from '../db.ts';
import { referenceChanges } from './schema.ts';

/** The current count of changes to the reference data (see schema.ts); 0 on a database that never changed. */
export async function referenceGeneration(db: Queryable): Promise<number> {
  const [row] = await db.select({ generation: referenceChanges.generation }).from(referenceChanges);
  return row?.generation ?? 0;
}

/**
 * A condition for a statement that acts on data read from memory: true while the reference data are still
 * as they were at `generation` (always true for null, when nothing was read from memory).
 */
export function referenceUnchangedSince(generation: number | null | Placeholder): SQL {
  // One text for both cases, so a statement using it can be prepared once.
  return sql`(select ${generation}::bigint is null or ${referenceChanges.generation} = ${generation}::bigint from ${referenceChanges})`;
}

/** Reference data as they were at one count of changes. */
export type ReferenceSnapshot = {
  generation: number;
  get<T>(key: string, load: () => Promise<T>): Promise<T>;
};

/**
 * Keeps loaded reference data in memory, optimistically: a request checks against the latest snapshot
 * without asking the database, and whatever it then writes carries `referenceUnchangedSince(generation)`;
 * when that finds the data changed (by any process), the caller calls `refresh()` and checks again. A failed
 * load is not kept; at most `maxEntries` entries are held.
 */
export function createReferenceCache(db: Queryable, maxEntries = 5000) {
  let current: { generation: number; entries: Map<string, Promise<unknown>> } | null = null;

  function snapshotOf(state: NonNullable<typeof current>): ReferenceSnapshot {
    return {
      generation: state.generation,
      get<T>(key: string, load: () => Promise<T>): Promise<T> {
        let entry = state.entries.get(key) as Promise<T> | undefined;
        if (!entry) {
          if (state.entries.size >= maxEntries) state.entries.clear();
          entry = load();
          entry.catch(() => state.entries.delete(key));
          state.entries.set(key, entry);
        }
        return entry;
      },
    };
  }

  /** Reads the count of changes and starts afresh when it moved; answers whether it had. */
  async function refresh(): Promise<boolean> {
    const generation = await referenceGeneration(db);
    if (current?.generation === generation) return false;
    current = { generation, entries: new Map() };
    return true;
  }

  return {
    refresh,
    async snapshot(): Promise<ReferenceSnapshot> {
      if (!current) await refresh();
      return snapshotOf(current!);
    },
  };
}
