import { sql } from 'drizzle-orm';
import type { Queryable } from '../platform/db.ts';

export type Merger = {
  oldCode: string;
  oldName: string;
  newCode: string;
  newName: string;
  effectiveOn: string;
};

export type Mergers = {
  /** The code whose area includes this one today (itself when it was never merged). */
  currentCode(code: string): string;
  /** Every code whose area is part of this one today, itself included. */
  membersOf(code: string): string[];
  hasPredecessors(code: string): boolean;
  /** Today's codes that absorbed at least one other. */
  successors(): string[];
  /** Codes that no longer exist. */
  oldCodes(): string[];
  /** The merger that ended this code, if any. */
  mergerOf(code: string): Merger | undefined;
};

/** Pure: follows chains (A into B, later B into C) so every old code leads to today's code. */
export function mergersFrom(list: Merger[]): Mergers {
  const next = new Map(list.map((merger) => [merger.oldCode, merger]));
  const currentCode = (code: string): string => {
    let current = code;
    // A cycle would be a data error; the bound stops it from hanging the process.
    for (let step = 0; step < 50 && next.has(current); step += 1) current = next.get(current)!.newCode;
    return current;
  };
  const members = new Map<string, string[]>();
  for (const merger of list) {
    const today = currentCode(merger.oldCode);
    members.set(today, [...(members.get(today) ?? [today]), merger.oldCode]);
  }
  return {
    currentCode,
    membersOf: (code) => members.get(code) ?? [code],
    hasPredecessors: (code) => members.has(code),
    successors: () => [...members.keys()],
    oldCodes: () => [...next.keys()],
    mergerOf: (code) => next.get(code),
  };
}

export async function loadMergers(db: Queryable): Promise<Mergers> {
  const result = (await db.execute(sql`
    select old_code as "oldCode", old_name as "oldName", new_code as "newCode", new_name as "newName",
      effective_on::text as "effectiveOn"
    from municipality_mergers`)) as unknown as { rows: Merger[] };
  return mergersFrom(result.rows);
}
