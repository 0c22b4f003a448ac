import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { isUniqueViolation, type Database, type Transaction } from '../platform/db.ts';
import type { DeliveryRow } from './validate-row.ts';

export type WrittenBatch = { imported: number; cells: { municipalityCode: string; year: number }[] };

/** Valid rows waiting to be written together, in the batch's transaction. */
export type PendingRows = {
  readonly count: number;
  add(row: DeliveryRow): void;
  write(tx: Transaction): Promise<WrittenBatch>;
};

/** The pool behind a PostgreSQL handle; null for PGlite, which has no COPY FROM STDIN over the wire. */
export function postgresPool(db: Database): pg.Pool | null {
  const client = (db as { $client?: unknown }).$client;
  return client instanceof pg.Pool ? client : null;
}

const escapes: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
/** A value in COPY's text format: the four characters it gives a meaning are escaped. */
const copyText = (text: string) =>
  /[\\\t\n\r]/.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => escapes[c]!) : text;

/**
 * A row as a line of COPY text, in delivery_records' column order (`copyColumns`). Only the reference
 * (inside `source`) and the provider are free text; the other values are codes, a checked key, a date and
 * numbers, already validated.
 */
export const copyLine = (row: DeliveryRow, provider: string) =>
  `${copyText(row.source)}\t${row.childKey}\t${row.municipalityCode}\t${row.year}\t${row.deliveredOn}\t${row.incomeSource}\t${row.category}\t${row.valueCents}\t${copyText(provider)}\n`;

const copyColumns = `(source, child_key, municipality_code, year, delivered_on, income_source, category,
  value_cents, handling_organisation)`;

/**
 * COPY text collected in a buffer that is used again for every other batch. Each row's objects and strings
 * die young this way: kept until their batch was written (as objects or strings), they would be promoted to
 * the old generation by the tens of thousands, which grew the heap by hundreds of megabytes on 1M rows.
 * The cells are kept as well: a batch COPYed whole imported all its rows, and no statement returns them.
 */
class CopyBuffer {
  buffer = Buffer.allocUnsafe(8 * 1024 * 1024);
  length = 0;
  count = 0;
  cells = new Map<string, { municipalityCode: string; year: number }>();
  constructor(private readonly provider: string) {}
  add(row: DeliveryRow) {
    const line = copyLine(row, this.provider);
    // A UTF-8 character takes at most 3 bytes per UTF-16 unit.
    if (this.length + line.length * 3 > this.buffer.length) {
      const larger = Buffer.allocUnsafe(this.buffer.length * 2);
      this.buffer.copy(larger, 0, 0, this.length);
      this.buffer = larger;
    }
    this.length += this.buffer.write(line, this.length);
    this.count++;
    const cell = `${row.municipalityCode}|${row.year}`;
    if (!this.cells.has(cell))
      this.cells.set(cell, { municipalityCode: row.municipalityCode, year: row.year });
  }
  clear() {
    this.length = 0;
    this.count = 0;
    this.cells.clear();
  }
  *chunks() {
    for (let at = 0; at < this.length; at += 1024 * 1024)
      yield this.buffer.subarray(at, Math.min(at + 1024 * 1024, this.length));
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

  const copy = (rows: CopyBuffer, into: string) =>
    pipeline(Readable.from(rows.chunks()), connection.query(copyFrom(`copy ${into} from stdin`)));

  async function writeDirect(rows: CopyBuffer): Promise<WrittenBatch | null> {
    await connection.query('savepoint direct_copy');
    try {
      await copy(rows, `delivery_records ${copyColumns}`);
    } catch (error) {
      if (!isRepeatedSource(error)) throw error;
      await connection.query('rollback to savepoint direct_copy');
      return null;
    }
    await connection.query('release savepoint direct_copy');
    return { imported: rows.count, cells: [...rows.cells.values()] };
  }

  async function writeStaged(rows: CopyBuffer): Promise<WrittenBatch> {
    await copy(rows, 'delivery_import_staging');
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
    transaction: <T>(work: (tx: Transaction) => Promise<T>) => db.transaction(work),
    /** Rows for the next batch; write them inside `transaction`. */
    batch(): PendingRows {
      const rows = spare.pop() ?? new CopyBuffer(provider);
      return {
        get count() {
          return rows.count;
        },
        add: (row) => rows.add(row),
        write: () => write(rows),
      };
    },
    release: () => connection.release(),
  };
}
