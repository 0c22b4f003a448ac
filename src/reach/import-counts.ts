import { sql } from 'drizzle-orm';
import type { Queryable } from '../platform/db.ts';
import type { Mergers } from './mergers.ts';
import type { IncomeGroup } from './schema.ts';

/** A cell's children as an import counted them while reading its rows: each child once per value. */
export type CellCounts = {
  children: number;
  income: ReadonlyMap<IncomeGroup, number>;
  category: ReadonlyMap<string, number>;
};

/**
 * Counts an import made itself (decision 0007), by "code|year", for the cells it alone filled: the cell
 * held no deliveries when the import first wrote to it, and every row the import read for it was stored.
 * The refresh takes them for a cell only if, when it holds the cell's lock, nobody has counted the cell (a
 * registration counts its cell in its own transaction, a finished import has counted its cells) and no
 * other import still running, or cut off, has written there (`delivery_import_runs.cells`). Otherwise the
 * database counts the cell, with everyone's rows.
 */
export type ImportCounts = { provider: string; runId: string; cells: ReadonlyMap<string, CellCounts> };

type Cell = { municipalityCode: string; year: number };
/**
 * A cell's name, "GM0363|2025": the import's counts are kept under it, and runs note their cells by it
 * (`delivery_import_runs.cells`, compared in SQL as `code || '|' || year`).
 */
export const reachCellName = (municipalityCode: string, year: number) => `${municipalityCode}|${year}`;
const cellName = (cell: Cell) => reachCellName(cell.municipalityCode, cell.year);
const asJson = (rows: object[]) => sql`${JSON.stringify(rows)}::jsonb`;

/** Of these cells, those the import counted and nobody has counted since, in recorded boundaries. */
export async function recordedFromImport(tx: Queryable, cells: Cell[], counted: ImportCounts | undefined) {
  const candidates = counted ? cells.filter((cell) => counted.cells.has(cellName(cell))) : [];
  if (candidates.length === 0) return new Set<string>();
  const result = (await tx.execute(sql`
    select w.code || '|' || w.year as cell
    from jsonb_to_recordset(${asJson(candidates.map((c) => ({ code: c.municipalityCode, year: c.year })))})
      as w(code text, year int)
    where not exists (select 1 from reach_counts r
        where r.boundaries = 'recorded' and r.year = w.year and r.municipality_code = w.code)
      and not exists (select 1 from delivery_import_runs run
        where run.status = 'running' and run.id <> ${counted!.runId} and w.code || '|' || w.year = any(run.cells))`)) as unknown as {
    rows: { cell: string }[];
  };
  return new Set(result.rows.map((row) => row.cell));
}

/**
 * Of today's areas (codes that absorbed others), those whose count is one member's import count: exactly that
 * member was counted by the import, the area's other members hold no deliveries of the year, and nobody has
 * counted the area since. Returns area "code|year" → the member's "code|year".
 */
export async function todayFromImport(
  tx: Queryable,
  areas: Cell[],
  mergers: Mergers,
  fromImport: ReadonlySet<string>,
): Promise<Map<string, string>> {
  const candidates = areas.flatMap(({ municipalityCode: code, year }) => {
    const members = mergers.membersOf(code);
    const counted = members.filter((member) => fromImport.has(reachCellName(member, year)));
    if (counted.length !== 1) return [];
    const others = members.filter((member) => member !== counted[0]);
    return [{ code, year, member: reachCellName(counted[0]!, year), others }];
  });
  if (candidates.length === 0) return new Map();
  const result = (await tx.execute(sql`
    select w.code || '|' || w.year as area, w.member
    from jsonb_to_recordset(${asJson(candidates)}) as w(code text, year int, member text, others text[])
    where not exists (select 1 from reach_counts r
        where r.boundaries = 'today' and r.year = w.year and r.municipality_code = w.code)
      and not exists (select 1 from delivery_records d
        where d.municipality_code = any(w.others) and d.year = w.year)`)) as unknown as {
    rows: { area: string; member: string }[];
  };
  return new Map(result.rows.map((row) => [row.area, row.member]));
}

/**
 * Writes counts the import made, each under its own cell's code: `countsOf` names the cell whose counts a
 * cell takes (itself, or an area's one counted member), or nothing for a cell the database counted.
 */
export async function insertImportCounts(
  tx: Queryable,
  boundaries: 'recorded' | 'today',
  cells: Cell[],
  countsOf: (cellName: string) => string | undefined,
  counted: ImportCounts,
): Promise<void> {
  const rows = cells.flatMap((cell) => {
    const from = countsOf(cellName(cell));
    const counts = from === undefined ? undefined : counted.cells.get(from);
    if (!counts || counts.children === 0) return [];
    const row = (dimension: string, value: string, reached: number) => ({
      code: cell.municipalityCode,
      year: cell.year,
      dimension,
      value,
      reached,
    });
    return [
      row('total', '', counts.children),
      ...[...counts.income].map(([group, reached]) => row('income', group, reached)),
      ...[...counts.category].map(([category, reached]) => row('category', category, reached)),
      row('provider', counted.provider, counts.children),
    ].filter((r) => r.reached > 0);
  });
  if (rows.length === 0) return;
  await tx.execute(sql`
    insert into reach_counts (boundaries, municipality_code, year, dimension, value, reached)
    select ${boundaries}, code, year, dimension, value, reached
    from jsonb_to_recordset(${asJson(rows)}) as r(code text, year int, dimension text, value text, reached int)`);
}
