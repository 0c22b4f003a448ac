import {
  defaultDisclosureRules,
  protectTable,
  publishPercent,
  type Published,
  type PublishedPercent,
} from '../platform/disclosure/index.ts';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Queryable } from '../platform/db.ts';
import { readReachState, VersionedCache, type ReachState } from './answer-cache.ts';
import {
  areasFor,
  breakdown,
  incomeGroups,
  loadReferenceRows,
  targetGroupsFor,
  targetsFor,
  yearCounts,
  type Area,
  type Boundaries,
  type ReferenceRows,
  type TargetGroupFigure,
  type YearCounts,
} from './figures.ts';
import type { IncomeGroup } from './schema.ts';
import { isSmallUnit, type ReachRules } from './small-units.ts';

export type GroupReach = {
  incomeGroup: IncomeGroup;
  reached: Published;
  targetGroup: (TargetGroupFigure & { estimate: boolean }) | null;
  reachPercent: PublishedPercent;
  /** The reach target in percent (null for 'other': there is none). */
  target: { percent: number | null; own: boolean };
  /** Target minus reach, in percentage points; null when either is not shown. */
  gap: number | null;
};

export type MunicipalityReach = { municipality: Area; total: Published; groups: GroupReach[] };

export type NationalReach = {
  year: number;
  boundaries: Boundaries;
  municipalities: MunicipalityReach[];
  /** Sums over the municipalities (a child helped in two municipalities counts in each). */
  national: { total: Published; groups: { incomeGroup: IncomeGroup; reached: Published }[] };
};

export type Breakdown = { key: string; reached: Published }[];

export type ReachDetail = MunicipalityReach & {
  year: number;
  boundaries: Boundaries;
  byCategory: Breakdown;
  byProvider: Breakdown;
};

// Answers are kept in memory per process while the change counters stay the same (see answer-cache.ts):
// the reference data (changed only by imports and commands) and each year's protected national table (changed
// by every refreshReach). A repeated answer then costs one small statement.
// Per database handle (a process may hold several, as the tests do); a transaction computes for itself.
type ProtectedYear = { answer: NationalReach; counts: YearCounts; reference: ReferenceRows };
type Caches = { reference: VersionedCache<ReferenceRows>; years: VersionedCache<ProtectedYear> };
const cachesByDatabase = new WeakMap<Queryable, Caches>();
function cachesOf(db: Queryable): Caches | null {
  if (db instanceof PgTransaction) return null;
  let caches = cachesByDatabase.get(db);
  if (!caches) {
    caches = { reference: new VersionedCache(1), years: new VersionedCache(64) };
    cachesByDatabase.set(db, caches);
  }
  return caches;
}

export const defaultReachRules: ReachRules = { ...defaultDisclosureRules, smallUnitInhabitants: 10_000 };

/**
 * Reach of every municipality in a year, disclosure-controlled as one table (municipalities × income
 * groups with totals), so a figure hidden in one answer cannot be found from another of the same year.
 */
export async function nationalReach(
  db: Queryable,
  query: { year: number; boundaries: Boundaries },
  rules: ReachRules = defaultReachRules,
): Promise<NationalReach> {
  const state = await readReachState(db, query.year, null);
  return (await protectedYear(db, state, query, rules)).answer;
}

function protectedYear(
  db: Queryable,
  state: ReachState,
  query: { year: number; boundaries: Boundaries },
  rules: ReachRules,
): Promise<ProtectedYear> {
  const caches = cachesOf(db);
  const compute = async () => {
    const reference = caches
      ? await caches.reference.get('reference', state, () => loadReferenceRows(db), 'reference')
      : await loadReferenceRows(db);
    const counts = await yearCounts(db, query.year, query.boundaries, reference.mergers);
    return deepFreeze(await protectYear(reference, counts, query, rules));
  };
  if (!caches) return compute();
  return caches.years.get(JSON.stringify([query.year, query.boundaries, rules]), state, compute);
}

/** The national table of a year, protected as one: pure, from the counts and the reference data. */
async function protectYear(
  reference: ReferenceRows,
  counts: YearCounts,
  query: { year: number; boundaries: Boundaries },
  rules: ReachRules,
): Promise<ProtectedYear> {
  const { mergers } = reference;
  const targets = targetsFor(reference.targets, query.year);
  const targetGroups = targetGroupsFor(reference.targetGroups, query.year, query.boundaries, mergers);
  const areas = areasFor(reference.municipalities, query.boundaries, counts, mergers);
  const rows = areas.map(
    (area) => counts.get(area.code) ?? { total: 0, groups: { bijstand: 0, work: 0, other: 0 } },
  );
  const cells = rows.map((row) => incomeGroups.map((group) => row.groups[group]));
  const columnTotals = incomeGroups.map((_, column) => cells.reduce((sum, row) => sum + row[column]!, 0));
  const smallRows = await Promise.all(areas.map((area) => isSmallUnit(area.code, rules)));
  const table = protectTable(
    {
      cells,
      rowTotals: rows.map((row) => row.total),
      columnTotals,
      grandTotal: rows.reduce((sum, row) => sum + row.total, 0),
      smallRows,
    },
    rules,
  );
  const municipalities = areas.map((area, index) => ({
    municipality: area,
    total: table.rowTotals[index]!,
    groups: incomeGroups.map((group, column) => {
      const reached = table.cells[index]![column]!;
      const figure = targetGroups.get(area.code)?.[group] ?? null;
      const reachPercent = publishPercent(reached, figure?.children ?? null, rules);
      const target = targets(area.code, group);
      return {
        incomeGroup: group,
        reached,
        targetGroup: figure ? { ...figure, estimate: figure.kind === 'estimate' } : null,
        reachPercent,
        target,
        gap:
          reachPercent.value !== null && target.percent !== null
            ? Math.round((target.percent - reachPercent.value) * 10) / 10
            : null,
      };
    }),
  }));
  const answer: NationalReach = {
    year: query.year,
    boundaries: query.boundaries,
    municipalities,
    national: {
      total: table.grandTotal!,
      groups: incomeGroups.map((group, column) => ({
        incomeGroup: group,
        reached: table.columnTotals![column]!,
      })),
    },
  };
  return { answer, counts, reference };
}

// Kept answers are shared by every caller: frozen, so a caller that sorts or edits one in place fails
// loudly instead of changing the next caller's answer.
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/**
 * One municipality: its row of the national table, and its reach by category and by provider, each a
 * table of its own whose total is the municipality's total (hidden there when hidden in the national one).
 */
export async function municipalityReach(
  db: Queryable,
  query: { municipalityCode: string; year: number; boundaries: Boundaries },
  rules: ReachRules = defaultReachRules,
): Promise<ReachDetail | null> {
  const state = await readReachState(db, query.year, query.municipalityCode);
  const { answer, counts, reference } = await protectedYear(db, state, query, rules);
  const row = answer.municipalities.find((entry) => entry.municipality.code === query.municipalityCode);
  if (!row) return null;
  const exactTotal = counts.get(query.municipalityCode)?.total ?? 0;
  const small = await isSmallUnit(query.municipalityCode, rules);
  const protect = (dimension: 'category' | 'provider'): Breakdown => {
    const values = breakdown(
      state.breakdownRows,
      query.municipalityCode,
      dimension,
      query.boundaries,
      reference.mergers,
    );
    if (values.length === 0) return [];
    const hiddenTotal = row.total.suppressed;
    const table = protectTable(
      {
        cells: [values.map((value) => value.reached)],
        rowTotals: [exactTotal],
        smallRows: [small],
        alreadyHidden: hiddenTotal ? [{ at: { kind: 'row-total', row: 0 }, reason: hiddenTotal }] : [],
      },
      rules,
    );
    return values.map((value, index) => ({ key: value.value, reached: table.cells[0]![index]! }));
  };
  const [byCategory, byProvider] = [protect('category'), protect('provider')];
  return { ...row, year: query.year, boundaries: query.boundaries, byCategory, byProvider };
}
