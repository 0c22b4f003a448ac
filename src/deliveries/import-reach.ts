import { sql } from 'drizzle-orm';
import type { Database, Queryable } from '../platform/db.ts';
import { reachCellName, refreshReachInParallel, type ReachCell } from '../reach/index.ts';
import { ChildTally, type TalliedCell as Cell } from './child-tally.ts';
import type { DeliveryRow } from './validate-row.ts';

/**
 * The reach of one import: its own count of the cells it alone fills (ChildTally), so the refresh at the
 * end need not read them back (decision 0007). Before the first batch with rows of a cell, the cell is
 * looked at: one that already holds deliveries is left to the database's count. The run notes every cell it
 * writes to (`delivery_import_runs.cells`, with the batch), so that an import running at the same time, or
 * one cut off, keeps the others from taking their own count of that cell (src/reach/import-counts.ts).
 */
export class ImportReach {
  private readonly tally = new ChildTally();
  private readonly touched = new Map<string, ReachCell>();
  private readonly seen = new Set<Cell>();

  constructor(
    private readonly provider: string,
    private readonly runId: string,
  ) {}

  /** Notes a valid row; returns its cell, for the batch it goes in. */
  add(row: DeliveryRow): Cell {
    const cell = this.tally.cell(row.municipalityCode, row.year);
    this.tally.add(cell, row.childKey, row.incomeSource, row.category);
    return cell;
  }

  /**
   * In the batch's transaction, before its rows are written: of the cells this batch is the run's first to
   * write to, those that hold deliveries already are left to the database. Returns those cells' names, to
   * note in the run with the batch.
   */
  async beforeWrite(tx: Queryable, cells: ReadonlySet<Cell>): Promise<string[]> {
    const first = [...cells].filter((cell) => !this.seen.has(cell));
    if (first.length === 0) return [];
    for (const cell of first) this.seen.add(cell);
    const asked = first.map(({ municipalityCode, year }) => ({ code: municipalityCode, year }));
    const result = (await tx.execute(sql`
      select w.code, w.year
      from jsonb_to_recordset(${JSON.stringify(asked)}::jsonb) as w(code text, year int)
      where exists (select 1 from delivery_records d where d.municipality_code = w.code and d.year = w.year)`)) as unknown as {
      rows: { code: string; year: number }[];
    };
    this.tally.spoil(result.rows.map((row) => ({ municipalityCode: row.code, year: Number(row.year) })));
    return first.map((cell) => reachCellName(cell.municipalityCode, cell.year));
  }

  /** After the batch was written: `stored` of its valid rows went in, the others were there before. */
  afterWrite(cells: ReadonlySet<Cell>, valid: number, stored: number, storedIn: ReachCell[]): void {
    for (const cell of storedIn) this.touched.set(reachCellName(cell.municipalityCode, cell.year), cell);
    // Which rows were left out is not known: none of the batch's cells can be counted from what was read.
    if (stored !== valid) this.tally.spoil(cells);
  }

  /** Brings the reach of every cell the import stored rows in up to date. */
  async refresh(db: Database): Promise<void> {
    await refreshReachInParallel(db, [...this.touched.values()], [this.provider], {
      provider: this.provider,
      runId: this.runId,
      cells: this.tally.counts(),
    });
  }
}
