import type { Locale } from '../platform/i18n.ts';
import { columns } from './columns.ts';
import { fileMessage, rowMessage } from './messages.ts';
import type { ImportOutcome } from './import-deliveries.ts';
import type { RejectedRow } from './runs.ts';
import type { RowIssue } from './validate-row.ts';
import { messageLists } from './validate-row.ts';

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A CSV field: quoted when it holds a delimiter, a quote or a line break. The correction file is opened in a
 * spreadsheet to be mended, so a field that would run as a formula there gets a leading apostrophe (OWASP
 * "CSV injection"); the import drops that apostrophe again (`readCell`), so the file can still be sent back.
 */
export function csvField(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",;\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export const csvLine = (fields: readonly string[]) => `${fields.map(csvField).join(',')}\r\n`;

/** The validation report: one line per field that is wrong, in Dutch and English. */
export const REPORT_HEADER = csvLine(['line', 'field', 'code', 'melding', 'message']);

export function reportLines(line: number, issues: readonly RowIssue[]): string {
  return issues
    .map(({ field, code }) =>
      csvLine([
        String(line),
        field,
        code,
        rowMessage(code, 'nl', messageLists),
        rowMessage(code, 'en', messageLists),
      ]),
    )
    .join('');
}

/**
 * The correction file: every column, so rows with a child key and rows without fit in one file, between the
 * original line and what was wrong. Both extra columns are ignored on import, so it can be sent as it is.
 */
export const correctionHeader = (locale: Locale) =>
  csvLine([locale === 'nl' ? 'regel' : 'line', ...columns, locale === 'nl' ? 'fouten' : 'errors']);

export function correctionLine(reject: RejectedRow, locale: Locale): string {
  const errors = reject.issues.map(
    (issue) => `${issue.field}: ${rowMessage(issue.code, locale, messageLists)}`,
  );
  return csvLine([
    String(reject.line),
    ...columns.map((column) => reject.values[column] ?? ''),
    errors.join(' '),
  ]);
}

/** What the command line says at the end, in one language. */
export function summaryText(outcome: ImportOutcome, locale: Locale): string {
  const nl = locale === 'nl';
  const lines = [
    `${nl ? 'regels gelezen' : 'rows read'}: ${outcome.rowsRead}`,
    `${nl ? 'geldig' : 'valid'}: ${outcome.valid}`,
    `${nl ? 'geïmporteerd' : 'imported'}: ${outcome.imported}`,
    `${nl ? 'al geïmporteerd' : 'already imported'}: ${outcome.duplicates}`,
    `${nl ? 'afgekeurd (zie het rapport)' : 'rejected (see the report)'}: ${outcome.invalid}`,
  ];
  if (outcome.failure) lines.unshift(fileMessage(outcome.failure.code, outcome.failure.detail, locale));
  return lines.join('\n');
}
