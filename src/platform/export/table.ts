import type { Locale } from '../i18n.ts';

/**
 * The one shape of a table of figures that is both shown on a page (charts' companion table) and exported
 * (CSV, XLSX), so what people read and what they download cannot drift apart.
 */

/** A value that is not shown, with the reason people read instead ("suppressed: fewer than 10"). */
export type Missing = { missing: true; reason: string };

/** Text, a number, nothing (not applicable: an empty cell), or a value withheld for a stated reason. */
export type Cell = string | number | null | Missing;

export type Column = {
  key: string;
  label: string;
  kind: 'text' | 'number';
  /** Decimals shown for numbers; the value itself is never rounded here. */
  decimals?: number;
};

export type DataTable = {
  title: string;
  columns: Column[];
  rows: Record<string, Cell>[];
  /** The credit line, e.g. "Bron: CBS"; carried into every file made from the table. */
  source: string;
  /** Further notes kept with the figures: "schatting", why cells are suppressed, breaks in a series. */
  notes?: string[];
};

export function missing(reason: string): Missing {
  return { missing: true, reason };
}

export function isMissing(cell: Cell | undefined): cell is Missing {
  return typeof cell === 'object' && cell !== null && cell.missing === true;
}

const intlLocale: Record<Locale, string> = { nl: 'nl-NL', en: 'en-GB' };
const formats = new Map<string, Intl.NumberFormat>();

/** A number as people read it in their language: "264.000" and "8,1" in Dutch, "264,000" and "8.1" in English. */
export function formatNumber(
  value: number,
  locale: Locale,
  decimals = 0,
  options: { grouping?: boolean } = {},
): string {
  const grouping = options.grouping ?? true;
  const key = `${locale}:${decimals}:${grouping}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(intlLocale[locale], {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      useGrouping: grouping,
    });
    formats.set(key, format);
  }
  // Intl writes a Unicode minus in some locales; spreadsheets read only the ASCII one.
  return format.format(value).replace('\u2212', '-');
}

/** The text of a cell on a page: numbers formatted for the language, withheld values as their reason. */
export function cellText(cell: Cell | undefined, column: Column, locale: Locale): string {
  if (cell === null || cell === undefined) return '';
  if (isMissing(cell)) return cell.reason;
  if (typeof cell === 'number') return formatNumber(cell, locale, column.decimals ?? 0);
  return cell;
}
