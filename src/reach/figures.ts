import { sql } from 'drizzle-orm';
import type { Queryable } from '../platform/db.ts';
import { loadMergers, type Mergers } from './mergers.ts';
import { incomeGroups, type IncomeGroup, type TargetGroupKind } from './schema.ts';

export type Boundaries = 'recorded' | 'today';

/** The raw (unprotected) counts of one year: never leaves this module without disclosure control. */
export type YearCounts = Map<string, { total: number; groups: Record<IncomeGroup, number> }>;

type Rows<T> = { rows: T[] };
const rowsOf = async <T>(db: Queryable, query: ReturnType<typeof sql>) =>
  ((await db.execute(query)) as unknown as Rows<T>).rows;

/**
 * Today's boundaries: the stored 'today' rows of municipalities that absorbed others, the recorded rows of
 * everyone else except codes that no longer exist. Recorded boundaries: every recorded row.
 */
export async function yearCounts(db: Queryable, year: number, boundaries: Boundaries, mergers: Mergers) {
  const rows = await rowsOf<{
    code: string;
    boundaries: string;
    dimension: string;
    value: string;
    reached: number;
  }>(
    db,
    sql`select municipality_code as code, boundaries, dimension, value, reached from reach_counts
      where year = ${year} and dimension in ('total', 'income')
        and (boundaries = 'recorded' or ${boundaries} = 'today')`,
  );
  const counts: YearCounts = new Map();
  for (const row of rows) {
    if (boundaries === 'today') {
      const merged = mergers.mergerOf(row.code) !== undefined;
      const wanted = mergers.hasPredecessors(row.code) ? 'today' : 'recorded';
      if (merged || row.boundaries !== wanted) continue;
    }
    const entry = counts.get(row.code) ?? { total: 0, groups: { bijstand: 0, work: 0, other: 0 } };
    if (row.dimension === 'total') entry.total = row.reached;
    else entry.groups[row.value as IncomeGroup] = row.reached;
    counts.set(row.code, entry);
  }
  return counts;
}

export type BreakdownRow = { boundaries: string; dimension: string; value: string; reached: number };

/** A municipality's reach by category or by provider in the chosen boundaries, from its stored rows (in value order). */
export function breakdown(
  rows: BreakdownRow[],
  code: string,
  dimension: 'category' | 'provider',
  boundaries: Boundaries,
  mergers: Mergers,
) {
  const stored = boundaries === 'today' && mergers.hasPredecessors(code) ? 'today' : 'recorded';
  return rows
    .filter((row) => row.boundaries === stored && row.dimension === dimension)
    .map((row) => ({ value: row.value, reached: row.reached }));
}

export type TargetGroupFigure = {
  children: number;
  kind: TargetGroupKind;
  /** The year of the figure; an estimate's year may differ from the year asked. */
  year: number;
  sources: string[];
};

export type TargetGroupRow = {
  code: string;
  year: number;
  group: IncomeGroup;
  kind: TargetGroupKind;
  children: number;
  source: string;
};

/**
 * The target group per municipality and income group for a year: an imported figure for that year first,
 * else the estimate nearest before it (or the first after it). In today's boundaries a merged
 * municipality's imported figure adds the imported figures of the codes it absorbed; its estimate (made on
 * today's map) stands alone, since it already covers their area.
 */
export function targetGroupsFor(
  allRows: TargetGroupRow[],
  year: number,
  boundaries: Boundaries,
  mergers: Mergers,
) {
  const rows = allRows.filter((row) => row.year === year || row.kind === 'estimate');
  const best = new Map<string, TargetGroupRow>();
  const score = (row: TargetGroupRow) =>
    row.kind !== 'estimate' ? 0 : row.year <= year ? 1 + (year - row.year) : 1000 + (row.year - year);
  for (const row of rows) {
    const key = `${row.code}:${row.group}`;
    const current = best.get(key);
    if (!current || score(row) < score(current)) best.set(key, row);
  }
  const figures = new Map<string, Partial<Record<IncomeGroup, TargetGroupFigure>>>();
  for (const row of best.values()) {
    if (boundaries === 'today' && mergers.mergerOf(row.code)) continue; // added to its successor below
    const parts = [row];
    if (boundaries === 'today' && row.kind !== 'estimate') {
      for (const member of mergers.membersOf(row.code).filter((code) => code !== row.code)) {
        const part = best.get(`${member}:${row.group}`);
        if (part && part.kind !== 'estimate') parts.push(part);
      }
    }
    const entry = figures.get(row.code) ?? {};
    entry[row.group] = {
      children: parts.reduce((sum, part) => sum + part.children, 0),
      kind: parts.every((part) => part.kind === 'cbs') ? 'cbs' : row.kind,
      year: row.year,
      sources: [...new Set(parts.map((part) => part.source))],
    };
    figures.set(row.code, entry);
  }
  return figures;
}

/** The national targets unless the municipality set its own for that year. */
export const defaultTargets: Record<IncomeGroup, number | null> = { bijstand: 100, work: 70, other: null };

export type TargetRow = { code: string; year: number; group: IncomeGroup; percent: number };

export function targetsFor(allRows: TargetRow[], year: number) {
  const rows = allRows.filter((row) => row.year === year);
  const own = new Map(rows.map((row) => [`${row.code}:${row.group}`, row.percent]));
  return (code: string, group: IncomeGroup): { percent: number | null; own: boolean } => {
    const set = own.get(`${code}:${group}`);
    return set === undefined ? { percent: defaultTargets[group], own: false } : { percent: set, own: true };
  };
}

export type Area = { code: string; name: string; current: boolean };

/** The areas of a year's table: today's municipalities, and in recorded boundaries the old codes too. */
export function areasFor(
  today: { code: string; name: string }[],
  boundaries: Boundaries,
  counts: YearCounts,
  mergers: Mergers,
) {
  const areas: Area[] = today.map((row) => ({ ...row, current: true }));
  if (boundaries === 'recorded') {
    const known = new Set(today.map((row) => row.code));
    const old = [...counts.keys(), ...mergers.oldCodes()];
    for (const code of [...new Set(old)].filter((code) => !known.has(code)).sort()) {
      areas.push({ code, name: mergers.mergerOf(code)?.oldName ?? code, current: false });
    }
  }
  return areas;
}

export type ReferenceRows = {
  mergers: Mergers;
  municipalities: { code: string; name: string }[];
  targetGroups: TargetGroupRow[];
  targets: TargetRow[];
};

/** Everything an answer needs besides the counts: it changes only on an import or a CLI command. */
export async function loadReferenceRows(db: Queryable): Promise<ReferenceRows> {
  // One after another: a transaction's connection takes one statement at a time (and this is rare work).
  const mergers = await loadMergers(db);
  const municipalities = await rowsOf<{ code: string; name: string }>(
    db,
    sql`select code, name from municipalities order by code`,
  );
  const targetGroups = await rowsOf<TargetGroupRow>(
    db,
    sql`select municipality_code as code, year, income_group as "group", kind, children, source
      from target_groups`,
  );
  const targets = await rowsOf<TargetRow>(
    db,
    sql`select municipality_code as code, year, income_group as "group", target_percent as percent
      from reach_targets`,
  );
  return { mergers, municipalities, targetGroups, targets };
}

export { incomeGroups, loadMergers };
