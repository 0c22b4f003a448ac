import { sql, type SQL } from 'drizzle-orm';
import type { Database, Queryable, Transaction } from '../platform/db.ts';
import { loadMergers, type Mergers } from './mergers.ts';

export type ReachCell = { municipalityCode: string; year: number };

/**
 * Counts per municipality and year, one group at a time: the group's deliveries are gathered once (one
 * pass over the records, like a plain count) and every breakdown is counted from them, each child once
 * per value and once in the total however many deliveries they had. The children are compared in the "C"
 * collation: the same equality (keys are equal only byte for byte), and the sorts behind count(distinct) need
 * no locale; that took about a quarter off the refresh of 1M records.
 */
function insertCounts(boundaries: 'recorded' | 'today', deliveries: SQL): SQL {
  return sql`
    insert into reach_counts (boundaries, municipality_code, year, dimension, value, reached)
    select ${boundaries}, g.code, g.year, x.dimension, x.value, x.reached
    from (
      select code, year, array_agg(child_key collate "C") as children,
        array_agg(case when income_source in ('bijstand', 'work') then income_source else 'other' end) as groups,
        array_agg(category) as categories, array_agg(handling_organisation) as providers
      from (${deliveries}) as deliveries
      group by code, year
    ) as g,
    lateral (
      select 'total' as dimension, '' as value, count(distinct c)::int as reached from unnest(g.children) as c
      union all
      select 'income', v, count(distinct c)::int from unnest(g.children, g.groups) as u(c, v) group by v
      union all
      select 'category', v, count(distinct c)::int from unnest(g.children, g.categories) as u(c, v) group by v
      union all
      select 'provider', v, count(distinct c)::int from unnest(g.children, g.providers) as u(c, v) group by v
    ) as x`;
}

const deliveryColumns = sql.raw('d.year, d.child_key, d.income_source, d.category, d.handling_organisation');

/** Deliveries of the given cells, each under the code given for its recorded code (its area). */
function deliveriesIn(areas: { member: string; code: string }[], cells: ReachCell[]): SQL {
  return sql`
    select a.code, ${deliveryColumns}
    from delivery_records d
    join ${areaTable(areas)} on a.member = d.municipality_code
    join ${cellTable(cells)} on w.code = a.code and w.year = d.year`;
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

  await deleteCells(tx, 'recorded', recorded);
  const ownAreas = recorded.map((cell) => ({ member: cell.municipalityCode, code: cell.municipalityCode }));
  await tx.execute(insertCounts('recorded', deliveriesIn(dedupeAreas(ownAreas), recorded)));
  if (today.length > 0) {
    await deleteCells(tx, 'today', today);
    const areas = today.flatMap((cell) => areaOf(mergers, cell.municipalityCode));
    await tx.execute(insertCounts('today', deliveriesIn(dedupeAreas(areas), today)));
  }
}

function areaOf(mergers: Mergers, code: string) {
  return mergers.membersOf(code).map((member) => ({ member, code }));
}

function dedupeAreas(areas: { member: string; code: string }[]) {
  return [...new Map(areas.map((area) => [area.member, area])).values()];
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
 * Rebuilds the whole reach from delivery_records, with the same result as refreshing every cell. Holds the
 * table against refreshes meanwhile; a refresh that waited recomputes its cells after this commits.
 */
export async function recomputeReach(tx: Transaction): Promise<{ rows: number }> {
  await tx.execute(sql`lock table reach_counts in share row exclusive mode`);
  // Reading every record in index order costs a random page read per record; a scan and a sort do not.
  await tx.execute(sql`set local enable_indexscan = off`);
  await tx.execute(countingMemory);
  const mergers = await loadMergers(tx);
  await tx.execute(sql`delete from reach_counts`);
  await tx.execute(
    insertCounts(
      'recorded',
      sql`select d.municipality_code as code, ${deliveryColumns} from delivery_records d`,
    ),
  );
  const areas = mergers.successors().flatMap((code) => areaOf(mergers, code));
  if (areas.length > 0) {
    await tx.execute(
      insertCounts(
        'today',
        sql`select a.code, ${deliveryColumns}
          from delivery_records d
          join ${areaTable(areas)} on a.member = d.municipality_code`,
      ),
    );
  }
  const result = (await tx.execute(sql`select count(*)::int as rows from reach_counts`)) as unknown as {
    rows: { rows: number }[];
  };
  return { rows: result.rows[0]?.rows ?? 0 };
}
