import type { Locale } from '../i18n.ts';
import { formatNumber, isMissing, type Cell, type Column, type DataTable } from './table.ts';

/**
 * CSV as a spreadsheet in that language opens it by double-click: Dutch Excel and LibreOffice with a Dutch
 * locale expect ";" between fields and a decimal comma, English ones "," and a decimal point. Always UTF-8
 * with a byte order mark (without it Excel reads "ë" as "Ã«"), CRLF line ends (RFC 4180), no thousands
 * separators. The credit line and notes follow the data after an empty line, so they travel with it.
 */
export const csvDialects: Record<Locale, { separator: string }> = {
  nl: { separator: ';' },
  en: { separator: ',' },
};

const BOM = '\uFEFF';
const NEEDS_QUOTES = /[;,"\r\n]/;
// A text starting with one of these is run as a formula by spreadsheets (CSV injection); a leading
// apostrophe makes it plain text again.
const FORMULA_START = /^[=+\-@\t\r]/;

function quoted(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvField(cell: Cell | undefined, column: Column, locale: Locale): string {
  if (cell === null || cell === undefined) return '';
  if (isMissing(cell)) return quoted(cell.reason);
  if (typeof cell === 'number') {
    return quoted(formatNumber(cell, locale, column.decimals ?? 0, { grouping: false }));
  }
  return quoted(FORMULA_START.test(cell) ? `'${cell}` : cell);
}

export function toCsv(table: DataTable, locale: Locale): string {
  const { separator } = csvDialects[locale];
  const line = (fields: string[]) => fields.join(separator);
  const lines = [
    line(table.columns.map((column) => quoted(column.label))),
    ...table.rows.map((row) =>
      line(table.columns.map((column) => csvField(row[column.key], column, locale))),
    ),
    '',
    quoted(table.source),
    ...(table.notes ?? []).map((note) => quoted(note)),
  ];
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
