/** The columns of a partner's delivery file (docs/deliveries-import.md), in the order of the example file. */
export const columns = [
  'reference',
  'municipality',
  'delivered_on',
  'category',
  'value',
  'income_source',
  'child_key',
  'first_name',
  'birth_date',
  'postcode',
  'house_number',
] as const;
export type Column = (typeof columns)[number];

/** The raw child fields of child-key.ts, as columns; turned into the key on arrival and never kept. */
export const childFieldColumns = ['first_name', 'birth_date', 'postcode', 'house_number'] as const;
export type ChildFieldColumn = (typeof childFieldColumns)[number];

const requiredColumns: Column[] = [
  'reference',
  'municipality',
  'delivered_on',
  'category',
  'value',
  'income_source',
];

/** Dutch column names, for partners whose systems write Dutch headers. */
const dutchNames: Record<string, Column> = {
  referentie: 'reference',
  kenmerk: 'reference',
  gemeente: 'municipality',
  leverdatum: 'delivered_on',
  datum: 'delivered_on',
  categorie: 'category',
  waarde: 'value',
  inkomstenbron: 'income_source',
  kindsleutel: 'child_key',
  voornaam: 'first_name',
  geboortedatum: 'birth_date',
  huisnummer: 'house_number',
};

const ignoredNames = new Set(['line', 'regel', 'errors', 'fouten']);

export const MAX_REFERENCE_LENGTH = 100;
export const MAX_VALUE_EUROS = 100_000;

/** Where each column is in a row; -1 when the file does not have it. */
export type Layout = Record<Column, number>;

export type HeaderResult =
  | { ok: true; layout: Layout; names: string[] }
  | {
      ok: false;
      code: 'header_missing' | 'header_unknown' | 'header_duplicate' | 'header_no_child';
      detail: string;
    };

const normaliseName = (name: string) =>
  name
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/** The column a header cell names (English or Dutch, any case), or undefined. */
export function columnOf(cell: string): Column | undefined {
  const name = normaliseName(cell);
  return (columns as readonly string[]).includes(name) ? (name as Column) : dutchNames[name];
}

/**
 * Reads the first row. Unknown columns are refused rather than skipped: a misspelt column would otherwise
 * look missing, and a column we did not ask for (a surname, a BSN) must not travel further.
 */
export function readHeader(cells: readonly string[]): HeaderResult {
  const layout = Object.fromEntries(columns.map((column) => [column, -1])) as Layout;
  const unknown: string[] = [];
  const duplicate: string[] = [];
  cells.forEach((cell, index) => {
    const name = normaliseName(cell);
    // The correction file says which line of the original each row came from, and what was wrong with it.
    if (name === '' || ignoredNames.has(name)) return;
    const column = columnOf(name);
    if (!column) unknown.push(cell.trim());
    else if (layout[column] >= 0) duplicate.push(cell.trim());
    else layout[column] = index;
  });
  if (unknown.length > 0) return { ok: false, code: 'header_unknown', detail: unknown.join(', ') };
  if (duplicate.length > 0) return { ok: false, code: 'header_duplicate', detail: duplicate.join(', ') };
  const missing = requiredColumns.filter((column) => layout[column] < 0);
  if (missing.length > 0) return { ok: false, code: 'header_missing', detail: missing.join(', ') };
  const hasRawFields = childFieldColumns.every((column) => layout[column] >= 0);
  if (layout.child_key < 0 && !hasRawFields) return { ok: false, code: 'header_no_child', detail: '' };
  const names = columns.filter((column) => layout[column] >= 0);
  return { ok: true, layout, names };
}
