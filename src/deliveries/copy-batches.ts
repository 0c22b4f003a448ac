import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { isUniqueViolation, type Database, type Transaction } from '../platform/db.ts';
import type { ReachCell } from '../reach/index.ts';
import type { DeliveryRow } from './validate-row.ts';

export type WrittenBatch = { imported: number; cells: { municipalityCode: string; year: number }[] };

/** Valid rows waiting to be written together, in the batch's transaction. */
export type PendingRows = {
  readonly count: number;
  /** `cell` is the row's reach cell: the same object for every row of a municipality and year. */
  add(row: DeliveryRow, cell: ReachCell): void;
  write(tx: Transaction): Promise<WrittenBatch>;
};

/** The pool behind a PostgreSQL handle; null for PGlite, which has no COPY FROM STDIN over the wire. */
export function postgresPool(db: Database): pg.Pool | null {
  const client = (db as { $client?: unknown }).$client;
  return client instanceof pg.Pool ? client : null;
}

/** COPY's binary format: a signature, no flags, no header extension; and the end of the rows. */
const BINARY_HEADER = Buffer.concat([Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), Buffer.alloc(8)]);
const BINARY_TRAILER = Buffer.from([0xff, 0xff]);
const FIELDS = 9;
const DAY_MS = 86_400_000;
/** PostgreSQL counts a date in days from 2000-01-01. */
const DATE_EPOCH_MS = Date.UTC(2000, 0, 1);
/**
 * Room a row takes at most besides its two free texts (the reference and the provider), rounded up: the field
 * count and nine lengths (38 bytes), the key (68), the code (6), the income source and category (20 at most
 * each), two integers and the date (12).
 */
const MOST_FIXED_BYTES = 256;

function putInt32(buffer: Buffer, at: number, value: number) {
  buffer[at] = value >>> 24;
  buffer[at + 1] = value >>> 16;
  buffer[at + 2] = value >>> 8;
  buffer[at + 3] = value;
}

/**
 * A text's length and its UTF-8 bytes. Nearly every value is ASCII, copied here byte by byte: for texts this
 * short, Buffer#write's call into C++ cost more than the copy (1M rows: about 0.5 s of the import's CPU).
 */
function putText(buffer: Buffer, at: number, value: string): number {
  const start = at + 4;
  const { length } = value;
  for (let index = 0; index < length; index++) {
    const code = value.charCodeAt(index);
    if (code >= 0x80) {
      const bytes = buffer.write(value, start);
      putInt32(buffer, at, bytes);
      return start + bytes;
    }
    buffer[start + index] = code;
  }
  putInt32(buffer, at, length);
  return start + length;
}

function putInt(buffer: Buffer, at: number, value: number): number {
  putInt32(buffer, at, 4);
  putInt32(buffer, at + 4, value);
  return at + 8;
}

/** Days since 2000-01-01 per YYYY-MM-DD: a file repeats the same few hundred dates. */
const daysOfDate = new Map<string, number>();
function daysSinceEpoch(date: string): number {
  let days = daysOfDate.get(date);
  if (days === undefined) {
    if (daysOfDate.size > 10_000) daysOfDate.clear();
    const [year, month, day] = date.split('-').map(Number) as [number, number, number];
    days = (Date.UTC(year, month - 1, day) - DATE_EPOCH_MS) / DAY_MS;
    daysOfDate.set(date, days);
  }
  return days;
}

/**
 * A row in COPY's binary format, in delivery_records' column order (`copyColumns`), written at `at`; returns
 * where it ends. Binary, because the server then reads each value by its length instead of scanning the text
 * for separators and escapes and parsing numbers and dates: it stored the same 1M rows 13% faster (decision
 * 0007). The values were validated: the date is YYYY-MM-DD, the numbers are integers.
 */
export function putCopyRow(buffer: Buffer, at: number, row: DeliveryRow, provider: string): number {
  buffer[at] = 0;
  buffer[at + 1] = FIELDS;
  let end = putText(buffer, at + 2, row.source);
  end = putText(buffer, end, row.childKey);
  end = putText(buffer, end, row.municipalityCode);
  end = putInt(buffer, end, row.year);
  end = putInt(buffer, end, daysSinceEpoch(row.deliveredOn));
  end = putText(buffer, end, row.incomeSource);
  end = putText(buffer, end, row.category);
  end = putInt(buffer, end, row.valueCents);
  return putText(buffer, end, provider);
}

const copyColumns = `(source, child_key, municipality_code, year, delivered_on, income_source, category,
  value_cents, handling_organisation)`;

function grown(buffer: Buffer, used: number): Buffer {
  const larger = Buffer.allocUnsafe(buffer.length * 2);
  buffer.copy(larger, 0, 0, used);
  return larger;
}

function grownLines(lines: Int32Array): Int32Array {
  const larger = new Int32Array(lines.length * 2);
  larger.set(lines);
  return larger;
}

function* chunksOf(buffer: Buffer, length: number): Generator<Buffer> {
  for (let at = 0; at < length; at += 1024 * 1024)
    yield buffer.subarray(at, Math.min(at + 1024 * 1024, length));
}

/**
 * Rows in COPY's binary format collected in a buffer that is used again for every other batch. Each row's
 * objects and strings die young this way: kept until their batch was written (as objects or strings), they
 * would be promoted to the old generation by the tens of thousands, which grew the heap by hundreds of
 * megabytes on 1M rows.
 * The cells are kept as well: a batch COPYed whole imported all its rows, and no statement returns them.
 * Each line's end and cell are noted, so the batch can also be written cell by cell (`clustered`).
 */
class CopyBuffer {
  // A batch of 25,000 rows takes about 4.3 MB: room for it without growing.
  buffer: Buffer = Buffer.allocUnsafe(5 * 1024 * 1024);
  length = 0;
  count = 0;
  lineEnds: Int32Array = new Int32Array(64 * 1024);
  lineCells: Int32Array = new Int32Array(64 * 1024);
  /** Each cell's number in this batch. */
  cells = new Map<ReachCell, number>();
  constructor(private readonly provider: string) {}
  add(row: DeliveryRow, cell: ReachCell) {
    // A UTF-8 character takes at most 3 bytes per UTF-16 unit.
    const most = MOST_FIXED_BYTES + (row.source.length + this.provider.length) * 3;
    if (this.length + most > this.buffer.length) this.buffer = grown(this.buffer, this.length);
    if (this.count === this.lineEnds.length) {
      this.lineEnds = grownLines(this.lineEnds);
      this.lineCells = grownLines(this.lineCells);
    }
    this.length = putCopyRow(this.buffer, this.length, row, this.provider);
    let cellNumber = this.cells.get(cell);
    if (cellNumber === undefined) {
      cellNumber = this.cells.size;
      this.cells.set(cell, cellNumber);
    }
    this.lineEnds[this.count] = this.length;
    this.lineCells[this.count] = cellNumber;
    this.count++;
  }
  clear() {
    this.length = 0;
    this.count = 0;
    this.cells.clear();
  }
  /** The lines as they came, which is the order in which a repeated reference's first line wins. */
  *chunks(): Generator<Buffer> {
    yield BINARY_HEADER;
    yield* chunksOf(this.buffer, this.length);
    yield BINARY_TRAILER;
  }
  /**
   * The lines cell by cell (in the file's order within a cell), copied into `into`. Stored like this, a
   * cell's deliveries share their pages: the reach counts a cell from its own pages instead of from nearly
   * every page of a file whose municipalities are mixed.
   */
  *clustered(into: { buffer: Buffer }): Generator<Buffer> {
    if (into.buffer.length < this.length) into.buffer = Buffer.allocUnsafe(this.buffer.length);
    const lineStart = (line: number) => (line === 0 ? 0 : this.lineEnds[line - 1]!);
    // Where each cell's lines begin in `into`: after the bytes of the cells before it.
    const cellStarts = new Int32Array(this.cells.size);
    for (let line = 0; line < this.count; line++)
      cellStarts[this.lineCells[line]!]! += this.lineEnds[line]! - lineStart(line);
    for (let cell = 0, at = 0; cell < this.cells.size; cell++) {
      const bytes = cellStarts[cell]!;
      cellStarts[cell] = at;
      at += bytes;
    }
    for (let line = 0; line < this.count; line++) {
      const cell = this.lineCells[line]!;
      const copied = this.buffer.copy(into.buffer, cellStarts[cell]!, lineStart(line), this.lineEnds[line]!);
      cellStarts[cell]! += copied;
    }
    yield BINARY_HEADER;
    yield* chunksOf(into.buffer, this.length);
    yield BINARY_TRAILER;
  }
}

const stagingTable = `create temp table if not exists delivery_import_staging (source text, child_key text,
  municipality_code text, year int, delivered_on date, income_source text, category text, value_cents int,
  handling_organisation text) on commit delete rows`;

const moveStaged = `with inserted as (
    insert into delivery_records ${copyColumns}
    select source, child_key, municipality_code, year, delivered_on, income_source, category, value_cents,
      handling_organisation
    from delivery_import_staging
    on conflict (source) do nothing
    returning municipality_code, year
  )
  select municipality_code as "municipalityCode", year, count(*)::int as n from inserted group by 1, 2`;

/** A reference imported before, or twice in the batch: the one thing the direct COPY cannot take. */
const isRepeatedSource = (error: unknown) => isUniqueViolation(error, 'delivery_records_source');

/**
 * Writes batches on one connection of its own. A batch is COPYed straight into delivery_records, inside a
 * savepoint: the usual file brings only new references, and that is the fastest way in. If a reference is
 * already there (a file imported again, a line repeated), the batch goes back to the savepoint and takes the
 * careful path: COPY into a temporary staging table (emptied at every commit) and one INSERT … SELECT … ON
 * CONFLICT (source) DO NOTHING, so a reference already imported changes nothing. The unique index on
 * `source` is what makes "twice is once" hold, so it stays.
 */
export async function openCopyWriter(pool: pg.Pool, provider: string) {
  const connection = await pool.connect();
  try {
    await connection.query(stagingTable);
  } catch (error) {
    connection.release();
    throw error;
  }
  const db = drizzle(connection) as unknown as Database;
  // Two buffers: one is filled while the other is written.
  const spare: CopyBuffer[] = [new CopyBuffer(provider), new CopyBuffer(provider)];
  // One batch is written at a time, so its lines in cell order need one buffer between the two.
  const inCellOrder = { buffer: Buffer.alloc(0) };

  const copy = (chunks: Iterable<Buffer>, into: string) =>
    pipeline(
      Readable.from(chunks),
      connection.query(copyFrom(`copy ${into} from stdin with (format binary)`)),
    );

  /** In a transaction from `transaction` below, which set the savepoint (the batch's checks only read). */
  async function writeDirect(rows: CopyBuffer): Promise<WrittenBatch | null> {
    try {
      await copy(rows.clustered(inCellOrder), `delivery_records ${copyColumns}`);
    } catch (error) {
      if (!isRepeatedSource(error)) throw error;
      await connection.query('rollback to savepoint direct_copy');
      return null;
    }
    return {
      imported: rows.count,
      cells: [...rows.cells.keys()].map(({ municipalityCode, year }) => ({ municipalityCode, year })),
    };
  }

  async function writeStaged(rows: CopyBuffer): Promise<WrittenBatch> {
    await copy(rows.chunks(), 'delivery_import_staging');
    const result = await connection.query<{ municipalityCode: string; year: number; n: number }>(moveStaged);
    return {
      imported: result.rows.reduce((sum, group) => sum + Number(group.n), 0),
      cells: result.rows.map(({ municipalityCode, year }) => ({ municipalityCode, year: Number(year) })),
    };
  }

  async function write(rows: CopyBuffer): Promise<WrittenBatch> {
    try {
      if (rows.count === 0) return { imported: 0, cells: [] };
      return (await writeDirect(rows)) ?? (await writeStaged(rows));
    } finally {
      // The server has read the whole buffer once the statements answered (or failed).
      rows.clear();
      spare.push(rows);
    }
  }

  return {
    /**
     * A batch's transaction, begun with the direct COPY's savepoint in one message: every answer the
     * import waits for costs a turn of its event loop, which reading the file gives only every 64 KB.
     * It commits without waiting for its WAL to reach the disk: the wait was 6 ms per batch, while the server
     * had nothing else to do. If the database server itself crashes, the last batches (at most about 0.6 s of
     * them) are lost together with their counts in the run, which is then cut off: imported again, the file
     * changes nothing that was kept. The run's finish commits as usual, which also waits for every batch
     * before it (decision 0008).
     */
    async transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
      await connection.query('begin; set local synchronous_commit = off; savepoint direct_copy');
      let result: T;
      try {
        result = await work(db as unknown as Transaction);
      } catch (error) {
        // A rollback that fails means the connection is gone: the first error is the one to tell.
        await connection.query('rollback').catch(() => undefined);
        throw error;
      }
      await connection.query('commit');
      return result;
    },
    /** Rows for the next batch; write them inside `transaction`. */
    batch(): PendingRows {
      const rows = spare.pop() ?? new CopyBuffer(provider);
      return {
        get count() {
          return rows.count;
        },
        add: (row, cell) => rows.add(row, cell),
        write: () => write(rows),
      };
    },
    release: () => connection.release(),
  };
}
