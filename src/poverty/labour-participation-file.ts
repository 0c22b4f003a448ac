import { parse } from 'csv-parse/sync';
import type { Locale, Translations } from '../platform/i18n.ts';
import { chartedDefinitions, statusCodes, type DefinitionCode, type StatusCode } from './definitions.ts';

/**
 * The labour-participation file (docs/poverty-trend.md): households with children in poverty by main
 * income source, per year and poverty definition. Checked whole before anything is written; the report
 * names the line and field of every problem.
 */
export const incomeSources = ['werk', 'bijstand', 'overig'] as const;
export type IncomeSource = (typeof incomeSources)[number];

export const labourParticipationColumns = [
  'jaar',
  'definitie',
  'inkomensbron',
  'aantal_huishoudens',
  'percentage',
  'status',
  'bron',
  'bron_url',
] as const;

export type LabourParticipationRow = {
  year: number;
  definition: DefinitionCode;
  incomeSource: IncomeSource;
  households: number | null;
  percentage: number | null;
  status: StatusCode;
  source: string;
  sourceUrl: string | null;
};

type ErrorCode =
  | 'empty_file'
  | 'missing_column'
  | 'year_invalid'
  | 'definition_unknown'
  | 'income_source_unknown'
  | 'households_invalid'
  | 'percentage_invalid'
  | 'figure_required'
  | 'status_unknown'
  | 'source_required'
  | 'url_invalid'
  | 'duplicate_row'
  | 'shares_exceed_100';

export type FileError = { line: number; field: string; code: ErrorCode; message: string };

const messages: Record<ErrorCode, Translations<string>> = {
  empty_file: { nl: 'Het bestand heeft geen regels met cijfers.', en: 'The file has no rows of figures.' },
  missing_column: {
    nl: 'Deze kolom ontbreekt in de kopregel.',
    en: 'This column is missing from the header.',
  },
  year_invalid: { nl: 'Vul een jaar in tussen 1990 en 2100.', en: 'Enter a year between 1990 and 2100.' },
  definition_unknown: {
    nl: `Gebruik een van: ${chartedDefinitions.join(', ')}.`,
    en: `Use one of: ${chartedDefinitions.join(', ')}.`,
  },
  income_source_unknown: {
    nl: `Gebruik een van: ${incomeSources.join(', ')}.`,
    en: `Use one of: ${incomeSources.join(', ')}.`,
  },
  households_invalid: {
    nl: 'Vul een heel aantal in (0 of meer), zonder punten, of laat het leeg.',
    en: 'Enter a whole number (0 or more), without separators, or leave it empty.',
  },
  percentage_invalid: {
    nl: 'Vul een percentage in tussen 0 en 100 met hoogstens één decimaal, of laat het leeg.',
    en: 'Enter a percentage between 0 and 100 with at most one decimal, or leave it empty.',
  },
  figure_required: {
    nl: 'Vul een aantal huishoudens of een percentage in (of allebei).',
    en: 'Enter a number of households or a percentage (or both).',
  },
  status_unknown: {
    nl: `Gebruik een van: ${statusCodes.join(', ')}.`,
    en: `Use one of: ${statusCodes.join(', ')}.`,
  },
  source_required: {
    nl: 'Noem de bron (hoogstens 300 tekens).',
    en: 'Name the source (at most 300 characters).',
  },
  url_invalid: {
    nl: 'Vul een webadres in dat begint met https:// of http://, of laat het leeg.',
    en: 'Enter a web address starting with https:// or http://, or leave it empty.',
  },
  duplicate_row: {
    nl: 'Dit jaar, deze definitie en deze inkomensbron staan al op een eerdere regel.',
    en: 'This year, definition and income source are already on an earlier line.',
  },
  shares_exceed_100: {
    nl: 'De percentages van dit jaar en deze definitie zijn samen meer dan 100.',
    en: 'The percentages of this year and definition add up to more than 100.',
  },
};

const PERCENTAGE = /^\d{1,3}([.,]\d)?$/;
const WHOLE = /^\d{1,9}$/;

export function validateLabourParticipationFile(
  text: string,
  locale: Locale,
): { ok: true; rows: LabourParticipationRow[] } | { ok: false; errors: FileError[] } {
  const errors: FileError[] = [];
  const fail = (line: number, field: string, code: ErrorCode) =>
    errors.push({ line, field, code, message: messages[code][locale] });
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes(';') ? ';' : ',';
  const records = parse(text, {
    bom: true,
    delimiter,
    relax_column_count: true,
    skip_empty_lines: true,
    trim: true,
    info: true,
  }) as unknown as { record: string[]; info: { lines: number } }[];
  const header = records[0]?.record.map((name) => name.toLowerCase()) ?? [];
  for (const column of labourParticipationColumns) {
    if (!header.includes(column)) fail(1, column, 'missing_column');
  }
  if (errors.length > 0) return { ok: false, errors };
  if (records.length < 2) {
    fail(1, '', 'empty_file');
    return { ok: false, errors };
  }

  const rows: LabourParticipationRow[] = [];
  const seen = new Set<string>();
  const shares = new Map<string, { total: number; line: number }>();
  for (const { record, info } of records.slice(1)) {
    const line = info.lines;
    const field = (name: (typeof labourParticipationColumns)[number]) => record[header.indexOf(name)] ?? '';
    const before = errors.length;
    const year = Number(field('jaar'));
    if (!/^\d{4}$/.test(field('jaar')) || year < 1990 || year > 2100) fail(line, 'jaar', 'year_invalid');
    const definition = field('definitie') as DefinitionCode;
    if (!chartedDefinitions.includes(definition)) fail(line, 'definitie', 'definition_unknown');
    const incomeSource = field('inkomensbron') as IncomeSource;
    if (!incomeSources.includes(incomeSource)) fail(line, 'inkomensbron', 'income_source_unknown');
    const householdsText = field('aantal_huishoudens');
    if (householdsText !== '' && !WHOLE.test(householdsText))
      fail(line, 'aantal_huishoudens', 'households_invalid');
    const percentageText = field('percentage');
    const percentage = percentageText === '' ? null : Number(percentageText.replace(',', '.'));
    if (percentageText !== '' && (!PERCENTAGE.test(percentageText) || percentage! > 100))
      fail(line, 'percentage', 'percentage_invalid');
    if (householdsText === '' && percentageText === '') fail(line, 'aantal_huishoudens', 'figure_required');
    const status = field('status') as StatusCode;
    if (!statusCodes.includes(status)) fail(line, 'status', 'status_unknown');
    const source = field('bron');
    if (source === '' || source.length > 300) fail(line, 'bron', 'source_required');
    const url = field('bron_url');
    if (url !== '' && !/^https?:\/\/[^\s]+$/.test(url)) fail(line, 'bron_url', 'url_invalid');
    if (errors.length > before) continue;

    const key = `${year}|${definition}|${incomeSource}`;
    if (seen.has(key)) {
      fail(line, 'inkomensbron', 'duplicate_row');
      continue;
    }
    seen.add(key);
    if (percentage !== null) {
      const group = `${year}|${definition}`;
      const total = (shares.get(group)?.total ?? 0) + percentage;
      shares.set(group, { total, line });
    }
    rows.push({
      year,
      definition,
      incomeSource,
      households: householdsText === '' ? null : Number(householdsText),
      percentage,
      status,
      source,
      sourceUrl: url === '' ? null : url,
    });
  }
  for (const { total, line } of shares.values()) {
    if (total > 100.05) fail(line, 'percentage', 'shares_exceed_100');
  }
  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.line - b.line) };
  return { ok: true, rows };
}

/** The report as people read it in a terminal: one problem per line, by line number and field. */
export function formatFileReport(errors: FileError[], locale: Locale): string {
  const lineWord = locale === 'nl' ? 'regel' : 'line';
  return errors
    .map((error) => `  ${lineWord} ${error.line}${error.field ? `, ${error.field}` : ''}: ${error.message}`)
    .join('\n');
}
