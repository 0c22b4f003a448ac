import ExcelJS from 'exceljs';
import type { Locale } from '../i18n.ts';
import { isMissing, type DataTable } from './table.ts';

const FORBIDDEN_IN_SHEET_NAME = /[[\]:*?/\\]/g;
const MAX_SHEET_NAME = 31;

function sheetName(title: string, taken: Set<string>, locale: Locale): string {
  const fallback = locale === 'nl' ? 'Tabel' : 'Table';
  const base = title.replace(FORBIDDEN_IN_SHEET_NAME, ' ').trim().slice(0, MAX_SHEET_NAME) || fallback;
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n += 1) {
    name = `${base.slice(0, MAX_SHEET_NAME - String(n).length - 1)} ${n}`;
  }
  taken.add(name.toLowerCase());
  return name;
}

function numberFormat(decimals: number): string {
  return decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
}

/**
 * One worksheet per table: the title, the column headings (frozen), the rows, then the credit line and
 * notes. Numbers are stored as numbers with a display format, so every spreadsheet shows them in its own
 * language; a withheld value is its reason as text. `locale` names untitled sheets.
 */
export async function toXlsx(tables: DataTable | DataTable[], locale: Locale): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Meedoen';
  workbook.title = [tables].flat()[0]?.title ?? '';
  const taken = new Set<string>();
  for (const table of [tables].flat()) {
    const sheet = workbook.addWorksheet(sheetName(table.title, taken, locale), {
      views: [{ state: 'frozen', ySplit: 2 }],
    });
    sheet.addRow([table.title]).font = { bold: true, size: 13 };
    sheet.addRow(table.columns.map((column) => column.label)).font = { bold: true };
    for (const row of table.rows) {
      const added = sheet.addRow(
        table.columns.map((column) => {
          const cell = row[column.key];
          if (cell === null || cell === undefined) return null;
          return isMissing(cell) ? cell.reason : cell;
        }),
      );
      table.columns.forEach((column, index) => {
        const cell = added.getCell(index + 1);
        if (typeof cell.value === 'number') cell.numFmt = numberFormat(column.decimals ?? 0);
        else if (isMissing(row[column.key])) cell.font = { italic: true };
      });
    }
    sheet.addRow([]);
    sheet.addRow([table.source]).font = { italic: true };
    for (const note of table.notes ?? []) sheet.addRow([note]);
    table.columns.forEach((column, index) => {
      const longest = Math.max(
        column.label.length,
        ...table.rows.map((row) => {
          const cell = row[column.key];
          return isMissing(cell) ? cell.reason.length : String(cell ?? '').length;
        }),
      );
      sheet.getColumn(index + 1).width = Math.min(60, Math.max(10, longest + 2));
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
