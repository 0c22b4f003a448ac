import { once } from 'node:events';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database, Transaction } from '../platform/db.ts';
import type { DeliveryRow } from './validate-row.ts';

export type WrittenBatch = { imported: number; cells: { municipalityCode: string; year: number }[] };

/** Valid rows waiting to be written together, in the batch's transaction. */
export type PendingRows = {
  readonly count: number;
  add(row: DeliveryRow): void;
  write(tx: Transaction, provider: string): Promise<WrittenBatch>;
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
 * A row as a line of COPY text. Only the reference (inside `source`) is free text; the other values are
 * codes, a checked key, a date and numbers, already validated.
 */
export const copyLine = (row: DeliveryRow) =>
  `${copyText(row.source)}\t${row.childKey}\t${row.municipalityCode}\t${row.year}\t${row.deliveredOn}\t${row.incomeSource}\t${row.category}\t${row.valueCents}\n`;

/**
 * COPY text collected in a buffer that is used again for every other batch. Each row's objects and strings
 * die young this way: kept until their batch was written (as objects or strings), they would be promoted to
 * the old generation by the tens of thousands, which grew the heap by hundreds of megabytes on 1M rows.
 */
class CopyBuffer {
  buffer = Buffer.allocUnsafe(8 * 1024 * 1024);
  length = 0;
  count = 0;
  add(row: DeliveryRow) {
    const line = copyLine(row);
    // A UTF-8 character takes at most 3 bytes per UTF-16 unit.
    if (this.length + line.length * 3 > this.buffer.length) {
      const larger = Buffer.allocUnsafe(this.buffer.length * 2);
      this.buffer.copy(larger, 0, 0, this.length);
      this.buffer = larger;
    }
    this.length += this.buffer.write(line, this.length);
    this.count++;
  }
}

const stagingTable = `create temp table if not exists delivery_import_staging (source text, child_key text,
  municipality_code text, year int, delivered_on date, income_source text, category text, value_cents int)
  on commit delete rows`;

const moveStaged = `with inserted as (
    insert into delivery_records (source, child_key, municipality_code, year, delivered_on, income_source,
      category, value_cents, handling_organisation)
    select source, child_key, municipality_code, year, delivered_on, income_source, category, value_cents, $1
    from delivery_import_staging
    on conflict (source) do nothing
    returning municipality_code, year
  )
  select municipality_code as "municipalityCode", year, count(*)::int as n from inserted group by 1, 2`;

/**
 * Writes batches on one connection of its own: each batch's rows are COPYed into a temporary staging table
 * (emptied at every commit) and moved with one INSERT … SELECT … ON CONFLICT (source) DO NOTHING, so a
 * reference already imported — earlier, or earlier in the same file — changes nothing. COPY is the fastest
 * way into PostgreSQL; the unique index on `source` is what makes "twice is once" hold, so it stays.
 */
export async function openCopyWriter(pool: pg.Pool) {
  const connection = await pool.connect();
  try {
    await connection.query(stagingTable);
  } catch (error) {
    connection.release();
    throw error;
  }
  const db = drizzle(connection) as unknown as Database;
  // Two buffers: one is filled while the other is written.
  const spare: CopyBuffer[] = [new CopyBuffer(), new CopyBuffer()];

  async function write(rows: CopyBuffer, provider: string): Promise<WrittenBatch> {
    try {
      if (rows.count === 0) return { imported: 0, cells: [] };
      const copy = connection.query(copyFrom('copy delivery_import_staging from stdin'));
      const finished = once(copy, 'finish');
      for (let at = 0; at < rows.length; at += 1024 * 1024) {
        if (!copy.write(rows.buffer.subarray(at, Math.min(at + 1024 * 1024, rows.length))))
          await once(copy, 'drain');
      }
      copy.end();
      await finished;
      const result = await connection.query<{ municipalityCode: string; year: number; n: number }>(
        moveStaged,
        [provider],
      );
      return {
        imported: result.rows.reduce((sum, group) => sum + Number(group.n), 0),
        cells: result.rows.map(({ municipalityCode, year }) => ({ municipalityCode, year: Number(year) })),
      };
    } finally {
      // The server has read the whole buffer once the INSERT answered (or the statement failed).
      rows.length = 0;
      rows.count = 0;
      spare.push(rows);
    }
  }

  return {
    transaction: <T>(work: (tx: Transaction) => Promise<T>) => db.transaction(work),
    /** Rows for the next batch; write them inside `transaction`. */
    batch(): PendingRows {
      const rows = spare.pop() ?? new CopyBuffer();
      return {
        get count() {
          return rows.count;
        },
        add: (row) => rows.add(row),
        write: (_tx, provider) => write(rows, provider),
      };
    },
    release: () => connection.release(),
  };
}
