import { sql, type SQL } from 'drizzle-orm';
import type { Database, Queryable, Transaction } from '../platform/db.ts';
import { categories } from '../catalogue/index.ts';
import {
  insertImportCounts,
  reachCellName,
  recordedFromImport,
  todayFromImport,
  type ImportCounts,
} from './import-counts.ts';
import { loadMergers, type Mergers } from './mergers.ts';

export type ReachCell = { municipalityCode: string; year: number };

/** The income sources counted as a group of their own; every other source counts as 'other'. */
const namedIncomeGroups = ['bijstand', 'work'];

/**
 * A cell's deliveries as the counts read them: c the child (in the "C" collation: keys are equal only byte
 * for byte, and their sorts need no locale; that took about a quarter off the refresh of 1M records), g the
 * income source, k the category, p the handling organisation. The counts filter on these columns as they
 * are: an expression here would be worked out again in every filter that reads it.
 */
const deliveryColumns = sql`child_key collate "C" as c, income_source as g, category as k, handling_organisation as p`;

/**
 * One row per cell (municipality and year) from the rows it is given: the cell's children as an array and,
 * in the same order, each delivery's income source, category and handling organisation. The full recompute
 * counts from these, as it reads the whole table in one scan grouped by cell.
 */
const cellArrays = sql`array_agg(child_key collate "C") as children, array_agg(income_source) as sources,
  array_agg(category) as categories, array_agg(handling_organisation) as organisations`;
const rowsOfCellArrays = sql`select * from unnest(cell.children, cell.sources, cell.categories, cell.organisations)
  as u(c, g, k, p)`;

type Breakdown = { dimension: string; value: string; only: SQL | null };
/** The breakdowns whose values are known beforehand: the income groups and the catalogue's categories. */
const knownBreakdowns: Breakdown[] = [
  { dimension: 'total', value: '', only: null },
  ...namedIncomeGroups.map((value) => ({ dimension: 'income', value, only: sql`g = ${value}` })),
  { dimension: 'income', value: 'other', only: sql`g <> all(${sql.param(namedIncomeGroups)}::text[])` },
  ...categories.map((value) => ({ dimension: 'category', value, only: sql`k = ${value}` })),
];
const knownCount = ({ only }: Breakdown) =>
  only ? sql`count(distinct c) filter (where ${only})` : sql`count(distinct c)`;

/**
 * The cells to count, each with its code and year and the handling organisations expected in it
 * (`known_providers`), and how to read a cell's deliveries (`rows`, in the columns of deliveryColumns).
 * `providerSlots` is the longest list of known providers.
 */
type Counted = { cells: SQL; rows: SQL; providerSlots: number };

/**
 * Counts every cell's breakdowns, each child once per value and once in the total however many deliveries
 * they had. The known breakdowns, and the providers expected in the cell, are counted in one pass over the
 * cell with a filter each, so a child is sorted only with the children of its own value; grouping by value
 * first sorted the whole cell once more per breakdown. A category the catalogue no longer lists, or a
 * provider not expected, is grouped in a second pass, which runs only for a cell that has one.
 */
function insertCounts(boundaries: 'recorded' | 'today', { cells, rows, providerSlots }: Counted): SQL {
  const listed = sql.param(categories);
  const slots = Array.from({ length: providerSlots }, (_, index) => index + 1);
  const counts = [
    ...knownBreakdowns.map(knownCount),
    ...slots.map(
      (slot) => sql`count(distinct c) filter (where p = cell.known_providers[${sql.raw(String(slot))}])`,
    ),
  ];
  const dimensions = [...knownBreakdowns.map((b) => b.dimension), ...slots.map(() => 'provider')];
  return sql`
    insert into reach_counts (boundaries, municipality_code, year, dimension, value, reached)
    select ${boundaries}, cell.code, cell.year, x.dimension, x.value, x.reached
    from (${cells}) as cell,
    lateral (
      select array[${sql.join(counts, sql`, `)}]::int[] as reached,
        count(*) filter (where k <> all(${listed}::text[])) as unlisted,
        count(*) filter (where p <> all(cell.known_providers)) as unexpected
      from (${rows}) as r
    ) as counted,
    lateral (
      select b.dimension, b.value, b.reached
      from unnest(${sql.param(dimensions)}::text[],
        ${sql.param(knownBreakdowns.map((b) => b.value))}::text[] || cell.known_providers,
        counted.reached) as b(dimension, value, reached)
      where b.reached > 0
      union all
      select 'category', k, count(distinct c)::int from (${rows}) as r
      where counted.unlisted > 0 and k <> all(${listed}::text[]) group by k
      union all
      select 'provider', p, count(distinct c)::int from (${rows}) as r
      where counted.unexpected > 0 and p <> all(cell.known_providers) group by p
    ) as x`;
}

type AreaCell = { code: string; year: number; members: string[]; providers: string[] };

/**
 * The given cells, each read from the deliveries recorded under any of its members (its own code, or the
 * codes merged into it), one cell at a time: a cell's rows are found by the reach index and no larger set is
 * sorted or held at once. The import writes each batch cell by cell, so a cell's rows share their pages.
 */
function cellsToRefresh(cells: AreaCell[]): Counted {
  return {
    cells: sql`select code, year, members, providers as known_providers
      from jsonb_to_recordset(${JSON.stringify(cells)}::jsonb) as w(code text, year int, members text[], providers text[])`,
    rows: sql`select ${deliveryColumns} from delivery_records
      where municipality_code = any(cell.members) and year = cell.year`,
    providerSlots: Math.max(0, ...cells.map((cell) => cell.providers.length)),
  };
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
 * `providers`: organisations whose deliveries the cells may hold besides those counted there before (an
 * import names its own); a provider not named is still counted, in a second pass over its cell.
 * `counted`: an import's own counts of the cells it alone filled, taken instead of reading those cells back
 * (import-counts.ts says when).
 */
export async function refreshReach(
  tx: Transaction,
  cells: ReachCell[],
  providers: readonly string[] = [],
  counted?: ImportCounts,
): Promise<void> {
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
  await tx.execute(noJit);

  const expected = await providersCounted(tx, [
    ...recorded.map((cell) => ({ boundaries: 'recorded', ...cell })),
    ...today.map((cell) => ({ boundaries: 'today', ...cell })),
  ]);
  const withProviders = (
    boundaries: 'recorded' | 'today',
    code: string,
    year: number,
    members: string[],
  ) => ({
    code,
    year,
    members,
    providers: [...new Set([...(expected.get(`${boundaries}:${code}:${year}`) ?? []), ...providers])],
  });

  const fromImport = await recordedFromImport(tx, recorded, counted);
  const todayFromMember = await todayFromImport(tx, today, mergers, fromImport);
  const named = (cell: ReachCell) => reachCellName(cell.municipalityCode, cell.year);

  await deleteCells(tx, 'recorded', recorded);
  const own = recorded
    .filter((cell) => !fromImport.has(named(cell)))
    .map(({ municipalityCode, year }) =>
      withProviders('recorded', municipalityCode, year, [municipalityCode]),
    );
  if (own.length > 0) await tx.execute(insertCounts('recorded', cellsToRefresh(own)));
  if (today.length > 0) {
    await deleteCells(tx, 'today', today);
    const areas = today
      .filter((cell) => !todayFromMember.has(named(cell)))
      .map(({ municipalityCode, year }) =>
        withProviders('today', municipalityCode, year, mergers.membersOf(municipalityCode)),
      );
    if (areas.length > 0) await tx.execute(insertCounts('today', cellsToRefresh(areas)));
  }
  if (!counted) return;
  const ownName = (name: string) => (fromImport.has(name) ? name : undefined);
  await insertImportCounts(tx, 'recorded', recorded, ownName, counted);
  await insertImportCounts(tx, 'today', today, (name) => todayFromMember.get(name), counted);
}

/**
 * The providers each cell was counted with last time, by "boundaries:code:year". They are the providers the
 * cell's deliveries are expected to come from, so the counts can take each in the pass over the cell.
 */
async function providersCounted(
  tx: Queryable,
  cells: { boundaries: string; municipalityCode: string; year: number }[],
): Promise<Map<string, string[]>> {
  const result = (await tx.execute(sql`
    select r.boundaries || ':' || r.municipality_code || ':' || r.year as cell, array_agg(r.value) as providers
    from reach_counts r
    join jsonb_to_recordset(${JSON.stringify(cells)}::jsonb) as w(boundaries text, "municipalityCode" text, year int)
      on r.boundaries = w.boundaries and r.municipality_code = w."municipalityCode" and r.year = w.year
    where r.dimension = 'provider'
    group by 1`)) as unknown as { rows: { cell: string; providers: string[] }[] };
  return new Map(result.rows.map((row) => [row.cell, row.providers]));
}

function areaOf(mergers: Mergers, code: string) {
  return mergers.membersOf(code).map((member) => ({ member, code }));
}

/**
 * Refreshes many cells on two connections at once, each share in a transaction of its own: a partner's
 * file touches every cell of a municipality's year, and one connection would count them one after the other
 * while the database server's other core waits (measured before the counting took one pass per cell: 1M records in 8 cells, 4.9 s on one connection, 2.7 s on two).
 * A cell is consistent on its own, so the shares need no common transaction. Cells counted together in
 * today's boundaries (a merger) stay in one share, so no area is counted twice. PGlite has one connection and
 * runs the shares one after the other.
 */
export async function refreshReachInParallel(
  db: Database,
  cells: ReachCell[],
  providers: readonly string[] = [],
  counted?: ImportCounts,
): Promise<void> {
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
      .map((share) => db.transaction((tx) => refreshReach(tx, share, providers, counted))),
  );
}

/**
 * The counts sort a cell's children once for the total and once per value. With the default 4 MB the sorts
 * of the earlier counting spilled to disk: 1M
 * records in 8 cells took 6.1 s to count with 4 MB, 3.3 s with 64 MB, and no less with more (BENCHMARKS.md,
 * import run 4). It holds for this transaction only, and only while a sort runs.
 */
const countingMemory = sql`set local work_mem = '64MB'`;

/**
 * Without this the planner puts a cache in front of each cell's counts, keyed by the cell's values: it hashes
 * every child of the cell to look up what can never be there (about 30 ms a cell of 125,000 deliveries).
 */
const noCache = sql`set local enable_memoize = off`;
/**
 * A refresh's statement is costed high enough for the server to compile it first, 75 ms a statement, and
 * the counting ran no faster compiled: one cell of 125,000 deliveries took 530 ms with, 475 ms without.
 */
const noJit = sql`set local jit = off`;

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
    insertCounts('recorded', {
      cells: sql`select municipality_code as code, year, '{}'::text[] as known_providers, ${cellArrays}
        from delivery_records group by 1, 2`,
      rows: rowsOfCellArrays,
      providerSlots: 0,
    }),
  );
  const areas = mergers.successors().flatMap((code) => areaOf(mergers, code));
  if (areas.length > 0) {
    await tx.execute(
      insertCounts('today', {
        cells: sql`select a.code, d.year, '{}'::text[] as known_providers, ${cellArrays}
          from delivery_records d
          join ${areaTable(areas)} on a.member = d.municipality_code
          group by 1, 2`,
        rows: rowsOfCellArrays,
        providerSlots: 0,
      }),
    );
  }
  const result = (await tx.execute(sql`select count(*)::int as rows from reach_counts`)) as unknown as {
    rows: { rows: number }[];
  };
  return { rows: result.rows[0]?.rows ?? 0 };
}
