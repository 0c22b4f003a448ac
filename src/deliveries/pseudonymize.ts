import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import { childKeyFor, type ChildIdentityField } from '../applications/index.ts';
import { childFieldColumns, columnOf, type ChildFieldColumn } from './columns.ts';
import type { RowProblem } from './messages.ts';
import { readRows, sniffFile } from './read-rows.ts';

export type PseudonymizeProblem =
  | { kind: 'file'; code: 'file_type' | 'file_empty' | 'header_no_child' | 'header_has_key' }
  | { kind: 'row'; line: number; field: ChildFieldColumn; code: RowProblem };

export type PseudonymizeResult = { rows: number; keyed: number; problems: number; fileProblem: boolean };

const fieldColumn: Record<ChildIdentityField, ChildFieldColumn> = {
  firstName: 'first_name',
  birthDate: 'birth_date',
  postcode: 'postcode',
  houseNumber: 'house_number',
};

type Sink = { write(cells: string[]): Promise<void>; end(): Promise<void> };

function csvSink(path: string, delimiter: string): Sink {
  const out = createWriteStream(path, { mode: 0o600 });
  const quote = new RegExp(`["\r\n${delimiter}]`);
  const field = (text: string) => (quote.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
  return {
    async write(cells) {
      if (!out.write(`${cells.map(field).join(delimiter)}\r\n`)) await once(out, 'drain');
    },
    async end() {
      out.end();
      await once(out, 'finish');
    },
  };
}

function xlsxSink(path: string): Sink {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false });
  const sheet = workbook.addWorksheet('leveringen');
  return {
    async write(cells) {
      sheet.addRow(cells).commit();
    },
    async end() {
      sheet.commit();
      await workbook.commit();
    },
  };
}

/**
 * On the provider's own machine, without a database: copies a delivery file (CSV or XLSX) with the child's
 * first name, birth date, postcode and house number replaced by one `child_key` column, computed with the
 * shared secret exactly as Meedoen computes it on arrival. Every other column is copied as it is. A row whose
 * child fields are wrong gets an empty key and is reported by line and field (never by its values).
 */
export async function pseudonymizeFile(options: {
  input: string;
  output: string;
  secret: string;
  today: string;
  onProblem: (problem: PseudonymizeProblem) => void;
}): Promise<PseudonymizeResult> {
  const result: PseudonymizeResult = { rows: 0, keyed: 0, problems: 0, fileProblem: false };
  const fileProblem = (code: Extract<PseudonymizeProblem, { kind: 'file' }>['code']) => {
    options.onProblem({ kind: 'file', code });
    return { ...result, fileProblem: true };
  };
  const sniffed = await sniffFile(options.input);
  if (sniffed.kind === null) return fileProblem(sniffed.reason);
  const reader = readRows(options.input, sniffed);
  let sink: Sink | null = null;
  let positions: Record<ChildFieldColumn, number> | null = null;
  let keyAt = 0;
  try {
    for await (const piece of reader.pieces)
      for (const { line, cells } of piece) {
        if (!positions) {
          const found = Object.fromEntries(
            childFieldColumns.map((column) => [column, cells.findIndex((cell) => columnOf(cell) === column)]),
          ) as Record<ChildFieldColumn, number>;
          if (cells.some((cell) => columnOf(cell) === 'child_key')) return fileProblem('header_has_key');
          if (Object.values(found).some((index) => index < 0)) return fileProblem('header_no_child');
          positions = found;
          keyAt = Math.min(...Object.values(found));
          sink =
            sniffed.kind === 'csv' ? csvSink(options.output, sniffed.delimiter) : xlsxSink(options.output);
          await sink.write(withKey(cells, positions, keyAt, 'child_key'));
          continue;
        }
        result.rows += 1;
        const cell = (column: ChildFieldColumn) => cells[positions![column]] ?? '';
        const keyed = childKeyFor(
          options.secret,
          {
            firstName: cell('first_name'),
            birthDate: cell('birth_date'),
            postcode: cell('postcode'),
            houseNumber: cell('house_number'),
          },
          options.today,
        );
        if (keyed.ok) result.keyed += 1;
        else {
          result.problems += 1;
          for (const error of keyed.errors)
            options.onProblem({ kind: 'row', line, field: fieldColumn[error.field], code: error.code });
        }
        await sink!.write(withKey(cells, positions, keyAt, keyed.ok ? keyed.key : ''));
      }
  } finally {
    reader.close();
  }
  if (!sink) return fileProblem('file_empty');
  await sink.end();
  return result;
}

/** The row without the four child fields, with the key where the first of them was. */
function withKey(cells: string[], positions: Record<ChildFieldColumn, number>, keyAt: number, key: string) {
  const drop = new Set(Object.values(positions));
  const out: string[] = [];
  cells.forEach((cell, index) => {
    if (index === keyAt) out.push(key);
    if (!drop.has(index)) out.push(cell);
  });
  if (keyAt >= cells.length) out.push(key);
  return out;
}
