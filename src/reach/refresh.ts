import { sql, type SQL } from 'drizzle-orm';
import type { Database, Queryable, Transaction } from '../platform/db.ts';
import { categories } from '../catalogue/index.ts';
import { loadMergers, type Mergers } from './mergers.ts';

export type ReachCell = { municipalityCode: string; year: number };

/**
 * One row per cell (municipality and year) from the rows it is given: the cell's children as an array (in
 * the "C" collation: keys are equal only byte for byte, and their sorts need no locale; that took about a
 * quarter off the refresh of 1M records) and, in the same order, each delivery's income group, category and
 * handling organisation.
 */
const cellArrays = sql.raw(`array_agg(child_key collate "C") as children,
  array_agg(case when income_source in ('bijstand', 'work') then income_source else 'other' end) as groups,
  array_agg(category) as categories, array_agg(handling_organisation) as providers`);

type Breakdown = { dimension: string; value: string; only: SQL | null };
/** The breakdowns whose values are known beforehand: the income groups and the catalogue's categories. */
const knownBreakdowns: Breakdown[] = [
  { dimension: 'total', value: '', only: null },
  ...['bijstand', 'work', 'other'].map((value) => ({ dimension: 'income', value, only: sql`g = ${value}` })),
  ...categories.map((value) => ({ dimension: 'category', value, only: sql`k = ${value}` })),
];
const knownCount = ({ only }: Breakdown) =>
  only ? sql`count(distinct c) filter (where ${only})` : sql`count(distinct c)`;

/**
 * Counts every cell's breakdowns, each child once per value and once in the total however many deliveries
 * they had. The known breakdowns are counted in one pass over the cell with a filter each, so a child is
 * sorted only with the children of its own value; grouping by value first sorted the whole cell once more
 * per breakdown. With cellsFrom, the refresh of an import of 1M records in 8 cells went from 3.4 s to
 * 2.0–2.8 s (BENCHMARKS.md, import run 5). Providers, and a category the catalogue no longer lists, are
 * grouped.
 */
function insertCounts(boundaries: 'recorded' | 'today', cells: SQL): SQL {
  const listed = sql.param(categories);
  return sql`
    insert into reach_counts (boundaries, municipality_code, year, dimension, value, reached)
    select ${boundaries}, cell.code, cell.year, x.dimension, x.value, x.reached
    from (${cells}) as cell,
    lateral (
      select array[${sql.join(knownBreakdowns.map(knownCount), sql`, `)}]::int[] as reached,
        count(*) filter (where k <> all(${listed}::text[])) as unlisted
      from unnest(cell.children, cell.groups, cell.categories) as u(c, g, k)
    ) as known,
    lateral (
      select b.dimension, b.value, b.reached
      from unnest(${sql.param(knownBreakdowns.map((b) => b.dimension))}::text[],
        ${sql.param(knownBreakdowns.map((b) => b.value))}::text[], known.reached) as b(dimension, value, reached)
      where b.reached > 0
      union all
      select 'category', k, count(distinct c)::int from unnest(cell.children, cell.categories) as u(c, k)
      where known.unlisted > 0 and k <> all(${listed}::text[]) group by k
      union all
      select 'provider', p, count(distinct c)::int from unnest(cell.children, cell.providers) as u(c, p) group by p
    ) as x`;
}

type AreaCell = { code: string; year: number; members: string[] };

/**
 * The given cells, each from the deliveries recorded under any of its members (its own code, or the codes
 * merged into it), one cell at a time: a cell's rows are found by the reach index and no larger set is sorted
 * or held at once.
 */
function cellsFrom(cells: AreaCell[]): SQL {
  return sql`
    select w.code, w.year, d.*
    from jsonb_to_recordset(${JSON.stringify(cells)}::jsonb) as w(code text, year int, members text[]),
    lateral (
      select ${cellArrays} from delivery_records
      where municipality_code = any(w.members) and year = w.year
    ) as d`;
}

// Lists travel as one JSON parameter: one statement whatever their length, and the same on PGlite.
const areaTable = (areas: { member: string; code: string }[]) =>
  sql`jsonb_to_recordset(${JSON.stringify(areas)}::jsonb) as a(member text, code text)`;
const cellTable = (cells: ReachCell[]) =>
  sql`jsonb_to_recordset(${JSON.stringify(cells.map((c) => ({ code: c.municipalityCode, year: c.year })))}::jsonb)
    as w(code text, year int)`;

function uniqueCells(cells: ReachCell[]): ReachCell[] {
  const seen = new Map<string, ReachCell>();
  for (const cell of cells) seen.set(`${cell.municipalityCode}:${cell.year}`, cell);
  return [...seen.values()];
}

async function deleteCells(tx: Queryable, boundaries: 'recorded' | 'today', cells: ReachCell[]) {
  if (cells.length === 0) return;
  await tx.execute(sql`
    delete from reach_counts r
    using ${cellTable(cells)}
    where r.boundaries = ${boundaries} and r.municipality_code = w.code and r.year = w.year`);
}

/**
 * Recomputes these cells of the reach, in recorded and in today's boundaries, from delivery_records in the
 * caller's transaction. Each cell is locked first (in one order, so two writers cannot deadlock): a writer
 * that waited then counts with the other's committed deliveries, so the last to finish leaves a true count.
 */
export async function refreshReach(tx: Transaction, cells: ReachCell[]): Promise<void> {
  const recorded = uniqueCells(cells);
  if (recorded.length === 0) return;
  const mergers = await loadMergers(tx);
  const today = uniqueCells(
    recorded
      .map((cell) => ({ municipalityCode: mergers.currentCode(cell.municipalityCode), year: cell.year }))
      .filter((cell) => mergers.hasPredecessors(cell.municipalityCode)),
  );
  const lockNames = [
    ...recorded.map((cell) => `reach:recorded:${cell.municipalityCode}:${cell.year}`),
    ...today.map((cell) => `reach:today:${cell.municipalityCode}:${cell.year}`),
  ].sort();
  for (const name of lockNames) await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${name}))`);
  // Waits for a full recompute in progress; the statements after it see what that recompute committed.
  await tx.execute(sql`lock table reach_counts in row exclusive mode`);
  await tx.execute(countingMemory);
  await tx.execute(noCache);

  await deleteCells(tx, 'recorded', recorded);
  const own = recorded.map(({ municipalityCode, year }) => ({
    code: municipalityCode,
    year,
    members: [municipalityCode],
  }));
  await tx.execute(insertCounts('recorded', cellsFrom(own)));
  if (today.length > 0) {
    await deleteCells(tx, 'today', today);
    const areas = today.map(({ municipalityCode, year }) => ({
      code: municipalityCode,
      year,
      members: mergers.membersOf(municipalityCode),
    }));
    await tx.execute(insertCounts('today', cellsFrom(areas)));
  }
}

function areaOf(mergers: Mergers, code: string) {
  return mergers.membersOf(code).map((member) => ({ member, code }));
}

/**
 * Refreshes many cells on two connections at once, each share in a transaction of its own: a partner's
 * file touches every cell of a municipality's year, and one connection would count them one after the other
 * while the database server's other core waits (1M records in 8 cells: 4.9 s on one connection, 2.7 s on two).
 * A cell is consistent on its own, so the shares need no common transaction. Cells counted together in
 * today's boundaries (a merger) stay in one share, so no area is counted twice. PGlite has one connection and
 * runs the shares one after the other.
 */
export async function refreshReachInParallel(db: Database, cells: ReachCell[]): Promise<void> {
  const mergers = await loadMergers(db);
  const areas = new Map<string, ReachCell[]>();
  for (const cell of uniqueCells(cells)) {
    const area = `${mergers.currentCode(cell.municipalityCode)}:${cell.year}`;
    areas.set(area, [...(areas.get(area) ?? []), cell]);
  }
  const shares: ReachCell[][] = [[], []];
  [...areas.values()].forEach((area, index) => shares[index % shares.length]!.push(...area));
  await Promise.all(
    shares
      .filter((share) => share.length > 0)
      .map((share) => db.transaction((tx) => refreshReach(tx, share))),
  );
}

/**
 * The counts sort every cell's children four times. With the default 4 MB those sorts spill to disk: 1M
 * records in 8 cells took 6.1 s to count with 4 MB, 3.3 s with 64 MB, and no less with more (BENCHMARKS.md,
 * import run 4). It holds for this transaction only, and only while a sort runs.
 */
const countingMemory = sql`set local work_mem = '64MB'`;

/**
 * Without this the planner puts a cache in front of each cell's counts, keyed by the cell's arrays: it hashes
 * every child of the cell to look up what can never be there (about 30 ms a cell of 125,000 deliveries).
 */
const noCache = sql`set local enable_memoize = off`;

/**
 * Rebuilds the whole reach from delivery_records, with the same result as refreshing every cell. Holds the
 * table against refreshes meanwhile; a refresh that waited recomputes its cells after this commits.
 */
export async function recomputeReach(tx: Transaction): Promise<{ rows: number }> {
  await tx.execute(sql`lock table reach_counts in share row exclusive mode`);
  // Reading every record in index order costs a random page read per record; a scan and a sort do not.
  await tx.execute(sql`set local enable_indexscan = off`);
  await tx.execute(countingMemory);
  await tx.execute(noCache);
  const mergers = await loadMergers(tx);
  await tx.execute(sql`delete from reach_counts`);
  await tx.execute(
    insertCounts(
      'recorded',
      sql`select municipality_code as code, year, ${cellArrays} from delivery_records group by 1, 2`,
    ),
  );
  const areas = mergers.successors().flatMap((code) => areaOf(mergers, code));
  if (areas.length > 0) {
    await tx.execute(
      insertCounts(
        'today',
        sql`select a.code, d.year, ${cellArrays}
          from delivery_records d
          join ${areaTable(areas)} on a.member = d.municipality_code
          group by 1, 2`,
      ),
    );
  }
  const result = (await tx.execute(sql`select count(*)::int as rows from reach_counts`)) as unknown as {
    rows: { rows: number }[];
  };
  return { rows: result.rows[0]?.rows ?? 0 };
}
