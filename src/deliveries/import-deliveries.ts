import { sql } from 'drizzle-orm';
import { deliveryRecords } from '../applications/index.ts';
import { listMunicipalities } from '../municipalities/index.ts';
import type { Database, Queryable, Transaction } from '../platform/db.ts';
import { readHeader, type Layout } from './columns.ts';
import type { TalliedCell } from './child-tally.ts';
import { openCopyWriter, postgresPool, type PendingRows, type WrittenBatch } from './copy-batches.ts';
import { ImportReach } from './import-reach.ts';
import type { FileProblem } from './messages.ts';
import { readRows, sniffFile } from './read-rows.ts';
import { finishImportRun, recordBatch, type BatchCounts, type RejectedRow } from './runs.ts';
import { validateRow, type DeliveryRow, type RowContext, type RowIssue } from './validate-row.ts';

export const DEFAULT_BATCH_SIZE = 5000;
/** On PostgreSQL a batch is one COPY: larger batches cost fewer round trips and commits. 25,000 rows in
 * COPY's binary format are about 4.3 MB, and three such buffers are held (decision 0007). */
export const POSTGRES_BATCH_SIZE = 25_000;

export type ImportProgress = BatchCounts & { bytesTotal: number };

export type ImportOutcome = ImportProgress & {
  failure: { code: FileProblem; detail: string | null; line: number | null } | null;
};

export type ImportOptions = {
  db: Database;
  runId: string;
  path: string;
  bytesTotal: number;
  provider: string;
  today: string;
  childKeySecret: string;
  now: () => Date;
  batchSize?: number;
  onProgress?: (progress: ImportProgress) => void;
  /** Each rejected row, as it is found (the command line writes its report with it). */
  onReject?: (line: number, issues: RowIssue[]) => void;
};

/** CBS codes and names, lower-cased, → code: "GM0363", "gm0363" and "amsterdam" all find Amsterdam. */
export async function municipalityLookup(db: Queryable): Promise<Map<string, string>> {
  const lookup = new Map<string, string>();
  for (const { code, name } of await listMunicipalities(db)) {
    lookup.set(code.toLowerCase(), code);
    lookup.set(name.toLowerCase(), code);
  }
  return lookup;
}

/**
 * Writes one batch in the caller's transaction: one INSERT … SELECT FROM unnest(arrays) ON CONFLICT (source)
 * DO NOTHING, so a reference already imported (or repeated in the file) changes nothing. Returns how many
 * were new, and which reach cells they fall in.
 */
export async function insertDeliveryBatch(
  tx: Transaction,
  provider: string,
  rows: DeliveryRow[],
): Promise<WrittenBatch> {
  if (rows.length === 0) return { imported: 0, cells: [] };
  const column = <T>(pick: (row: DeliveryRow) => T) => sql.param(rows.map(pick));
  const result = await tx.execute(sql`
    with inserted as (
      insert into ${deliveryRecords} (source, child_key, municipality_code, year, delivered_on, income_source,
        category, value_cents, handling_organisation)
      select s, k, m, y, d, i, c, v, ${provider}
      from unnest(${column((r) => r.source)}::text[], ${column((r) => r.childKey)}::text[],
        ${column((r) => r.municipalityCode)}::text[], ${column((r) => r.year)}::int[],
        ${column((r) => r.deliveredOn)}::date[], ${column((r) => r.incomeSource)}::text[],
        ${column((r) => r.category)}::text[], ${column((r) => r.valueCents)}::int[]) as t(s, k, m, y, d, i, c, v)
      on conflict (source) do nothing
      returning municipality_code, year
    )
    select municipality_code as "municipalityCode", year, count(*)::int as n from inserted group by 1, 2`);
  const groups = (result as unknown as { rows: { municipalityCode: string; year: number; n: number }[] })
    .rows;
  return {
    imported: groups.reduce((sum, group) => sum + Number(group.n), 0),
    cells: groups.map(({ municipalityCode, year }) => ({ municipalityCode, year: Number(year) })),
  };
}

/** PGlite's batches: the rows as objects, written with insertDeliveryBatch. */
function rowsForInsert(provider: string): PendingRows {
  const rows: DeliveryRow[] = [];
  return {
    get count() {
      return rows.length;
    },
    add: (row) => rows.push(row),
    write: (tx) => insertDeliveryBatch(tx, provider, rows),
  };
}

/**
 * Streams a partner's file into delivery_records. The file is checked as a whole first (type, header):
 * if that fails nothing is written. Then rows are validated one by one; valid rows go in batches, each in its
 * own transaction with the run's counts and rejected rows, so progress shows while it runs and an embedded
 * single-connection database stays usable. The reach of the touched cells is brought up to date at the end:
 * cells this import alone filled from its own count, the others by the database (import-reach.ts).
 */
export async function importDeliveries(options: ImportOptions): Promise<ImportOutcome> {
  const { db, runId, provider } = options;
  const pool = postgresPool(db);
  const batchSize = options.batchSize ?? (pool ? POSTGRES_BATCH_SIZE : DEFAULT_BATCH_SIZE);
  // The database waits for the first batch with nothing else to do, so the batches start small and double.
  let nextBatchSize = Math.min(batchSize, DEFAULT_BATCH_SIZE);
  const totals: ImportProgress = {
    bytesTotal: options.bytesTotal,
    bytesRead: 0,
    rowsRead: 0,
    valid: 0,
    invalid: 0,
    imported: 0,
    duplicates: 0,
  };
  const fail = async (code: FileProblem, detail: string | null, line: number | null) => {
    await finishImportRun(db, runId, { failure: code, detail }, options.now());
    return { ...totals, failure: { code, detail, line } };
  };

  const sniffed = await sniffFile(options.path);
  if (sniffed.kind === null) return fail(sniffed.reason, null, null);
  const reader = readRows(options.path, sniffed);
  const context: RowContext = {
    provider,
    today: options.today,
    childKeySecret: options.childKeySecret,
    municipalities: await municipalityLookup(db),
  };
  const reach = new ImportReach(provider, runId);
  let layout: Layout | null = null;
  let rejects: RejectedRow[] = [];
  let lastLine = 0;

  const writer = pool
    ? await openCopyWriter(pool, provider).catch((error: unknown) => {
        reader.close();
        throw error;
      })
    : null;
  const newBatch = () => (writer ? writer.batch() : rowsForInsert(provider));
  let valid = newBatch();
  let validCells = new Set<TalliedCell>();
  type Batch = { valid: PendingRows; cells: Set<TalliedCell>; rejects: RejectedRow[] };
  const write = async (batch: Batch, bytesRead: number) => {
    const counts: BatchCounts = {
      bytesRead,
      rowsRead: batch.valid.count + batch.rejects.length,
      valid: batch.valid.count,
      invalid: batch.rejects.length,
      imported: 0,
      duplicates: 0,
    };
    await (writer ?? db).transaction(async (tx) => {
      const newCells = await reach.beforeWrite(tx, batch.cells);
      const written = await batch.valid.write(tx);
      counts.imported = written.imported;
      counts.duplicates = counts.valid - written.imported;
      reach.afterWrite(batch.cells, counts.valid, written.imported, written.cells);
      await recordBatch(tx, runId, counts, batch.rejects, newCells);
    });
    for (const key of ['rowsRead', 'valid', 'invalid', 'imported', 'duplicates'] as const)
      totals[key] += counts[key];
    totals.bytesRead = counts.bytesRead;
    options.onProgress?.({ ...totals });
  };
  // One batch is written while the next is read and checked: the file and the database work side by side.
  let writing: Promise<void> = Promise.resolve();
  let writeError: { error: unknown } | null = null;
  const written = async () => {
    await writing;
    if (writeError) throw writeError.error;
  };
  const flush = async () => {
    await written();
    const batch = { valid, cells: validCells, rejects };
    valid = newBatch();
    validCells = new Set();
    rejects = [];
    writing = write(batch, Math.min(reader.bytesRead(), options.bytesTotal)).catch((error: unknown) => {
      writeError = { error };
    });
  };

  // The writer's connection goes back to the pool once the last write is done, however the run ends.
  try {
    try {
      for await (const piece of reader.pieces) {
        for (const { line, cells: rowCells } of piece) {
          lastLine = line;
          if (!layout) {
            const header = readHeader(rowCells);
            if (!header.ok) return await fail(header.code, header.detail || null, line);
            layout = header.layout;
            continue;
          }
          const result = validateRow(rowCells, layout, context);
          if (result.ok) {
            // The tally first: a row the tally failed to take is not written either.
            const cell = reach.add(result.row);
            validCells.add(cell);
            valid.add(result.row, cell);
          } else {
            rejects.push({ line, values: result.correction, issues: result.issues });
            options.onReject?.(line, result.issues);
          }
          if (valid.count + rejects.length >= nextBatchSize) {
            await flush();
            nextBatchSize = Math.min(nextBatchSize * 2, batchSize);
          }
        }
      }
    } catch (error) {
      // The database failing is not the file's fault: that goes up as it is.
      if (writeError) throw (writeError as { error: unknown }).error;
      // A file that breaks off (an unclosed quote, a damaged zip): what was read before stays imported.
      if (valid.count + rejects.length > 0) await flush();
      await written();
      // The parser's message may quote the file's content, so only the line is kept.
      if (!(error instanceof Error)) throw error;
      // What was imported before the break counts in the reach at once, as after a run that finished.
      await reach.refresh(db);
      return await fail('file_broken', String(lastLine + 1), lastLine + 1);
    } finally {
      reader.close();
    }
    if (!layout) return fail('file_empty', null, null);
    if (valid.count + rejects.length > 0) await flush();
    await written();
    // The run is finished once its reach is current: a run that stops in between shows as unfinished.
    await reach.refresh(db);
    await finishImportRun(db, runId, null, options.now());
    totals.bytesRead = options.bytesTotal;
    return { ...totals, failure: null };
  } finally {
    await writing;
    writer?.release();
  }
}
