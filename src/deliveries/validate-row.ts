import { childKeyFor, incomeSources, isChildKey, type ChildIdentityField } from '../applications/index.ts';
import { categories } from '../catalogue/index.ts';
import { isCalendarDate } from '../platform/clock.ts';
import { parseEuroAmount } from '../platform/money-input.ts';
import {
  childFieldColumns,
  columns,
  MAX_REFERENCE_LENGTH,
  MAX_VALUE_EUROS,
  type ChildFieldColumn,
  type Column,
  type Layout,
} from './columns.ts';
import type { RowProblem } from './messages.ts';

/** One delivery ready for delivery_records: nothing in it names a family. */
export type DeliveryRow = {
  source: string;
  childKey: string;
  municipalityCode: string;
  year: number;
  deliveredOn: string;
  incomeSource: string;
  category: string;
  valueCents: number;
};

export type RowIssue = { field: Column; code: RowProblem };

export type RowResult =
  | { ok: true; row: DeliveryRow }
  /** `correction` is the row as the provider sent it, with the raw child fields left empty. */
  | { ok: false; issues: RowIssue[]; correction: Record<string, string> };

export type RowContext = {
  provider: string;
  /** The Dutch calendar date of the import (YYYY-MM-DD). */
  today: string;
  childKeySecret: string;
  /** Lower-cased CBS codes and CBS names → the CBS code. */
  municipalities: ReadonlyMap<string, string>;
};

export const EARLIEST_DELIVERY = '2015-01-01';

/** Income sources as partners' systems write them in Dutch, besides the codes themselves. */
const dutchIncomeSources: Record<string, string> = {
  werk: 'work',
  andere_uitkering: 'other_benefit',
  anders: 'other',
  overig: 'other',
  onbekend: 'unknown',
};
const incomeSourceSet = new Set<string>(incomeSources);
const categorySet = new Set<string>(categories);

/** The lists that the "choose one of" messages name. */
export const messageLists = {
  categories: categories.join(', '),
  incomeSources: incomeSources.join(', '),
};

const childFieldOf: Record<ChildIdentityField, ChildFieldColumn> = {
  firstName: 'first_name',
  birthDate: 'birth_date',
  postcode: 'postcode',
  houseNumber: 'house_number',
};

/** YYYY-MM-DD, or the Dutch D-M-YYYY (with - or /); null when it is neither. */
function isoDate(text: string): string | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  const dutch = /^(\d{1,2})[-/](\d{1,2})[-/](\d{4})$/.exec(text);
  if (!dutch) return null;
  return `${dutch[3]}-${dutch[2]!.padStart(2, '0')}-${dutch[1]!.padStart(2, '0')}`;
}

/**
 * Partners' files repeat the same few hundred dates and amounts: checking each once saves most of the per-row
 * cost (on 1M rows, reading amounts alone took 1.2 s of the import's CPU before). A file with more distinct
 * texts than this only checks them again.
 */
function rememberedChecks<T>(check: (text: string) => T) {
  const checked = new Map<string, T>();
  return (text: string): T => {
    let result = checked.get(text);
    if (result === undefined) {
      if (checked.size > 10_000) checked.clear();
      result = check(text);
      checked.set(text, result);
    }
    return result;
  };
}

const datesChecked = new Map<string, (text: string) => string | RowProblem>();
function deliveryDate(text: string, today: string): string | RowProblem {
  let check = datesChecked.get(today);
  if (!check) {
    if (datesChecked.size > 10) datesChecked.clear();
    check = rememberedChecks((date) => checkDeliveryDate(date, today));
    datesChecked.set(today, check);
  }
  return check(text);
}

function checkDeliveryDate(text: string, today: string): string | RowProblem {
  if (text === '') return 'delivered_on_required';
  const date = isoDate(text);
  if (!date) return 'delivered_on_malformed';
  if (!isCalendarDate(date)) return 'delivered_on_not_a_date';
  if (date > today) return 'delivered_on_in_future';
  if (date < EARLIEST_DELIVERY) return 'delivered_on_too_old';
  return date;
}

const valueInCents = rememberedChecks((text: string): number | RowProblem => {
  if (text === '') return 'value_required';
  const cents = parseEuroAmount(text);
  if (cents === null) return 'value_malformed';
  if (cents > MAX_VALUE_EUROS * 100) return 'value_too_large';
  return cents;
});

/** A cell's text; the apostrophe that the correction file puts before a would-be formula is dropped. */
export function readCell(raw = ''): string {
  const text = raw.trim();
  return text.startsWith("'") && /^'[=+\-@]/.test(text) ? text.slice(1) : text;
}

/** The text of a column, or '' when the file has no such column. */
function cellOf(cells: readonly string[], layout: Layout, column: Column): string {
  return layout[column] >= 0 ? readCell(cells[layout[column]]) : '';
}

function anyChildField(cells: readonly string[], layout: Layout): boolean {
  for (const column of childFieldColumns) if (cellOf(cells, layout, column) !== '') return true;
  return false;
}

/** The income source code for what a partner wrote, or the problem with it. */
const incomeSourceOf = rememberedChecks((text: string): string | RowProblem => {
  const code = text.toLowerCase().replace(/\s+/g, '_');
  if (code === '') return 'income_source_required';
  if (incomeSourceSet.has(code)) return code;
  return Object.hasOwn(dutchIncomeSources, code) ? dutchIncomeSources[code]! : 'income_source_unknown';
});

/**
 * Checks one data row and turns it into a delivery record. The child is either a ready key or the raw
 * fields, which are keyed here with the same function as everywhere else and then dropped: they are not in
 * the result, not in the correction row, and not in any message. It runs once per row of files of millions
 * of rows, so it makes no functions per row (each also costs a name under tsx) and checks repeated texts once.
 */
export function validateRow(cells: readonly string[], layout: Layout, context: RowContext): RowResult {
  const issues: RowIssue[] = [];

  const reference = cellOf(cells, layout, 'reference');
  if (reference === '') issues.push({ field: 'reference', code: 'reference_required' });
  else if (reference.length > MAX_REFERENCE_LENGTH)
    issues.push({ field: 'reference', code: 'reference_too_long' });

  const municipalityText = cellOf(cells, layout, 'municipality');
  const municipalityCode = context.municipalities.get(municipalityText.toLowerCase());
  if (municipalityText === '') issues.push({ field: 'municipality', code: 'municipality_required' });
  else if (!municipalityCode) issues.push({ field: 'municipality', code: 'municipality_unknown' });

  const deliveredOn = deliveryDate(cellOf(cells, layout, 'delivered_on'), context.today);
  if (!/^\d/.test(deliveredOn)) issues.push({ field: 'delivered_on', code: deliveredOn as RowProblem });

  const category = cellOf(cells, layout, 'category').toLowerCase();
  if (category === '') issues.push({ field: 'category', code: 'category_required' });
  else if (!categorySet.has(category)) issues.push({ field: 'category', code: 'category_unknown' });

  const valueCents = valueInCents(cellOf(cells, layout, 'value'));
  if (typeof valueCents !== 'number') issues.push({ field: 'value', code: valueCents });

  const incomeSource = incomeSourceOf(cellOf(cells, layout, 'income_source'));
  if (!incomeSourceSet.has(incomeSource))
    issues.push({ field: 'income_source', code: incomeSource as RowProblem });

  let childKey = cellOf(cells, layout, 'child_key').toLowerCase();
  const rawGiven = anyChildField(cells, layout);
  if (childKey !== '') {
    if (rawGiven) issues.push({ field: 'child_key', code: 'child_key_and_fields' });
    else if (!isChildKey(childKey)) issues.push({ field: 'child_key', code: 'child_key_malformed' });
  } else if (!rawGiven) {
    issues.push({ field: layout.child_key >= 0 ? 'child_key' : 'first_name', code: 'child_missing' });
  } else {
    const keyed = childKeyFor(
      context.childKeySecret,
      {
        firstName: cellOf(cells, layout, 'first_name'),
        birthDate: cellOf(cells, layout, 'birth_date'),
        postcode: cellOf(cells, layout, 'postcode'),
        houseNumber: cellOf(cells, layout, 'house_number'),
      },
      context.today,
    );
    if (keyed.ok) childKey = keyed.key;
    else
      for (const error of keyed.errors) issues.push({ field: childFieldOf[error.field], code: error.code });
  }

  if (issues.length > 0) {
    const correction: Record<string, string> = {};
    for (const column of columns)
      if (layout[column] >= 0 || column === 'child_key') correction[column] = cellOf(cells, layout, column);
    // The child's own details never leave this function; a key made from them may, so it need not be sent again.
    for (const column of childFieldColumns) if (column in correction) correction[column] = '';
    correction.child_key = childKey;
    return { ok: false, issues, correction };
  }
  return {
    ok: true,
    row: {
      source: `${context.provider}:${reference}`,
      childKey,
      municipalityCode: municipalityCode!,
      year: Number((deliveredOn as string).slice(0, 4)),
      deliveredOn: deliveredOn as string,
      incomeSource,
      category,
      valueCents: valueCents as number,
    },
  };
}
