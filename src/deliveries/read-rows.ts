import { createReadStream, type ReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { csvRecords } from './csv-rows.ts';

export type FileKind = 'csv' | 'xlsx';

/** One row of the file: its line (CSV) or row number (XLSX), and its cells as text. */
export type FileRow = { line: number; cells: string[] };

const SNIFF_BYTES = 4096;
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export type Sniffed =
  { kind: FileKind; delimiter: string } | { kind: null; reason: 'file_type' | 'file_empty' };

/**
 * Decides by the content, not the name (a name says .csv of anything): an XLSX is a zip; a CSV is text
 * without NUL bytes. The delimiter is the one the first line uses most: Dutch spreadsheets write ";".
 */
export async function sniffFile(path: string): Promise<Sniffed> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    const head = buffer.subarray(0, bytesRead);
    if (head.subarray(0, 4).equals(ZIP_MAGIC)) return { kind: 'xlsx', delimiter: ',' };
    if (head.includes(0)) return { kind: null, reason: 'file_type' };
    const firstLine =
      head
        .toString('utf8')
        .replace(/^\uFEFF/, '')
        .split(/\r?\n/)[0] ?? '';
    if (firstLine.trim() === '') return { kind: null, reason: 'file_empty' };
    const count = (character: string) => firstLine.split(character).length - 1;
    const delimiter = [';', '\t', ','].reduce((best, c) => (count(c) > count(best) ? c : best), ',');
    return { kind: 'csv', delimiter };
  } finally {
    await handle.close();
  }
}

/** A cell of a spreadsheet as the text a CSV would hold: dates as YYYY-MM-DD, numbers as typed. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const cell = value as { text?: unknown; result?: unknown; richText?: { text: string }[] };
    if (cell.richText) return cell.richText.map((part) => part.text).join('');
    if ('result' in cell) return cellText(cell.result);
    if (typeof cell.text === 'string') return cell.text;
    return '';
  }
  return String(value);
}

// Not a generator of its own: every piece passed through one more generator costs a promise and a microtask.
function csvRows(input: ReadStream, delimiter: string): AsyncGenerator<FileRow[]> {
  input.setEncoding('utf8');
  return csvRecords(input as AsyncIterable<string>, delimiter);
}

async function* xlsxRows(input: ReadStream): AsyncGenerator<FileRow[]> {
  // Loaded only for a spreadsheet: ExcelJS is a large module that a CSV import does not need.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // The styles tell which numbers are dates.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  for await (const sheet of workbook) {
    for await (const row of sheet) {
      const values = row.values as unknown[];
      const cells: string[] = [];
      for (let index = 1; index < values.length; index++) cells.push(cellText(values[index]));
      if (cells.some((cell) => cell.trim() !== '')) yield [{ line: row.number, cells }];
    }
    return; // only the first sheet
  }
}

/**
 * The rows of a file, read as a stream: memory stays the same whatever the file's length (for XLSX apart
 * from its table of shared texts, which ExcelJS keeps). They come in pieces: a CSV's rows of each 64 KB
 * read, a spreadsheet's one by one. `bytesRead` tells how far into the file it is.
 */
export function readRows(path: string, sniffed: { kind: FileKind; delimiter: string }) {
  // CSV is read in pieces of 64 KB: V8 keeps a longer string outside the young generation, where each piece
  // (and its copy joined to the previous piece's remainder) would wait for a full collection.
  const input = createReadStream(path, { highWaterMark: (sniffed.kind === 'csv' ? 64 : 256) * 1024 });
  const pieces = sniffed.kind === 'csv' ? csvRows(input, sniffed.delimiter) : xlsxRows(input);
  return { pieces, bytesRead: () => input.bytesRead, close: () => input.destroy() };
}
