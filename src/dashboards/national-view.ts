import { binValues, type Bin, type Panel } from '../platform/charts/index.ts';
import { formatNumber, isMissing, type Cell, type DataTable } from '../platform/export/index.ts';
import type { Locale } from '../platform/i18n.ts';
import type { IncomeGroup, MunicipalityReach, NationalReach } from '../reach/index.ts';
import { CellWriter, percentText, reachCredit } from './cells.ts';
import type { Filters, SortKey } from './filters.ts';
import { dashboardMessages } from './messages.ts';
import { nationalMessages } from './national-messages.ts';

/** The national overview: every table and chart of the page and its files, built once. */
export type NationalView = {
  year: number;
  totalsTable: DataTable;
  table: DataTable;
  /** The table column each sort key sorts on. */
  sortColumns: Record<SortKey, string>;
  panels: Panel[];
  panelsTable: DataTable;
  bins: Bin[];
  histogramTable: DataTable;
  histogramDescription: string;
  target: number | null;
};

const groups: IncomeGroup[] = ['bijstand', 'work', 'other'];
export const sortColumns: Record<SortKey, string> = {
  naam: 'name',
  totaal: 'total',
  bijstand: 'bijstand-percent',
  werk: 'work-percent',
  overig: 'other-percent',
  'afstand-bijstand': 'bijstand-gap',
  'afstand-werk': 'work-gap',
};
const PANELS = 12;

/** Sorts rows on a column; a withheld or empty value always goes last, ties by name. */
export function sortRows(rows: Record<string, Cell>[], column: string, direction: 'op' | 'af') {
  const sign = direction === 'op' ? 1 : -1;
  const present = (cell: Cell | undefined) => cell !== null && cell !== undefined && !isMissing(cell);
  return [...rows].sort((a, b) => {
    const x = a[column];
    const y = b[column];
    if (present(x) !== present(y)) return present(x) ? -1 : 1;
    const order =
      typeof x === 'number' && typeof y === 'number'
        ? x - y
        : String(x ?? '').localeCompare(String(y ?? ''), 'nl');
    return sign * order || String(a.name).localeCompare(String(b.name), 'nl');
  });
}

function municipalityTable(answer: NationalReach, filters: Filters, locale: Locale): DataTable {
  const text = nationalMessages[locale];
  const shared = dashboardMessages[locale];
  const cells = new CellWriter(locale);
  const rowOf = (entry: MunicipalityReach): Record<string, Cell> => {
    const row: Record<string, Cell> = {
      name: entry.municipality.name,
      code: entry.municipality.code,
      total: cells.count(entry.total),
    };
    for (const group of entry.groups) {
      row[`${group.incomeGroup}-reached`] = cells.count(group.reached);
      row[`${group.incomeGroup}-percent`] = cells.percent(group.reachPercent);
      if (group.incomeGroup !== 'other')
        row[`${group.incomeGroup}-gap`] = group.target.percent === null ? null : (group.gap ?? shared.noGap);
    }
    return row;
  };
  const label = (group: IncomeGroup) => shared.groups[group];
  return {
    title: text.tableTitle(answer.year),
    columns: [
      { key: 'name', label: text.columns.name, kind: 'text' },
      { key: 'code', label: text.columns.code, kind: 'text' },
      { key: 'total', label: text.columns.total, kind: 'number' },
      ...groups.flatMap((group) => [
        { key: `${group}-reached`, label: text.reached(label(group)), kind: 'number' as const },
        { key: `${group}-percent`, label: text.percent(label(group)), kind: 'number' as const, decimals: 1 },
        ...(group === 'other'
          ? []
          : [{ key: `${group}-gap`, label: text.gap(label(group)), kind: 'number' as const, decimals: 1 }]),
      ]),
    ],
    rows: sortRows(answer.municipalities.map(rowOf), sortColumns[filters.sort], filters.direction),
    source: reachCredit(locale),
    notes: cells.notes([shared.explainTargets]),
  };
}

function totalsTable(answer: NationalReach, locale: Locale): DataTable {
  const text = nationalMessages[locale];
  const cells = new CellWriter(locale);
  return {
    title: text.totalsTableTitle(answer.year),
    columns: [
      { key: 'group', label: text.columns.group, kind: 'text' },
      { key: 'reached', label: text.columns.reached, kind: 'number' },
    ],
    rows: [
      ...answer.national.groups.map((g) => ({
        group: dashboardMessages[locale].groups[g.incomeGroup],
        reached: cells.count(g.reached),
      })),
      { group: text.columns.total, reached: cells.count(answer.national.total) },
    ],
    source: reachCredit(locale),
    notes: cells.notes([text.nationalNote]),
  };
}

/** The municipalities with the largest target group in the chosen year, over every year shown. */
function smallMultiples(answer: NationalReach, history: NationalReach[], group: IncomeGroup, locale: Locale) {
  const text = nationalMessages[locale];
  const shared = dashboardMessages[locale];
  const size = (entry: MunicipalityReach) =>
    entry.groups.reduce((sum, g) => sum + (g.targetGroup?.children ?? 0), 0);
  const largest = [...answer.municipalities].sort((a, b) => size(b) - size(a)).slice(0, PANELS);
  const cells = new CellWriter(locale);
  const figure = (year: NationalReach, code: string) =>
    year.municipalities
      .find((m) => m.municipality.code === code)
      ?.groups.find((g) => g.incomeGroup === group);
  const panels: Panel[] = largest.map((entry) => {
    const points = history.map((year) => ({
      x: year.year,
      y: figure(year, entry.municipality.code)?.reachPercent.value ?? null,
    }));
    const targets = history.map((year) => ({
      x: year.year,
      y: figure(year, entry.municipality.code)?.target.percent ?? null,
    }));
    const values = points
      .map((p) => `${p.x} ${p.y === null ? text.noPercent : percentText(p.y, locale)}`)
      .join(', ');
    return {
      key: entry.municipality.code,
      title: entry.municipality.name,
      description: text.panelDescription(entry.municipality.name, values),
      series: [
        { key: group, label: shared.groups[group], points },
        ...(targets.some((t) => t.y !== null)
          ? [
              {
                key: 'doel',
                label: text.targetLine,
                line: 'dashed' as const,
                marker: 'none' as const,
                colour: '#333333',
                points: targets,
              },
            ]
          : []),
      ],
    };
  });
  const table: DataTable = {
    title: text.multiplesTableTitle(shared.groups[group]),
    columns: [
      { key: 'name', label: text.columns.name, kind: 'text' },
      ...history.map((year) => ({
        key: String(year.year),
        label: String(year.year),
        kind: 'number' as const,
        decimals: 1,
      })),
    ],
    rows: largest.map((entry) => ({
      name: entry.municipality.name,
      ...Object.fromEntries(
        history.map((year) => {
          const found = figure(year, entry.municipality.code);
          return [String(year.year), found ? cells.percent(found.reachPercent) : null];
        }),
      ),
    })),
    source: reachCredit(locale),
    notes: cells.notes(),
  };
  return { panels, table };
}

function histogram(answer: NationalReach, group: IncomeGroup, locale: Locale) {
  const text = nationalMessages[locale];
  const shared = dashboardMessages[locale];
  const figures = answer.municipalities.map((m) => m.groups.find((g) => g.incomeGroup === group)!);
  const values = figures.flatMap((g) => (g.reachPercent.value === null ? [] : [g.reachPercent.value]));
  // Past 100 (an estimated target group can be too small), and so the target line is never at the edge.
  const end = Math.max(110, Math.ceil((Math.max(0, ...values) + 0.001) / 10) * 10);
  const bins = binValues(values, { start: 0, end, width: 10 });
  const without = figures.length - values.length;
  const range = (bin: Bin) => `${formatNumber(bin.from, locale)}–${formatNumber(bin.to, locale)}`;
  const most = [...bins].sort((a, b) => b.count - a.count)[0];
  const title = text.histogramTableTitle(shared.groups[group], answer.year);
  return {
    bins,
    target: figures.find((g) => g.target.percent !== null)?.target.percent ?? null,
    description: text.histogramDescription(
      values.length,
      most && most.count ? `${range(most)}%` : '—',
      without,
    ),
    table: {
      title,
      columns: [
        { key: 'range', label: text.columns.range, kind: 'text' as const },
        { key: 'municipalities', label: text.columns.municipalities, kind: 'number' as const },
      ],
      rows: bins.map((bin) => ({ range: range(bin), municipalities: bin.count })),
      source: reachCredit(locale),
      notes: [text.withoutPercent(without)],
    } satisfies DataTable,
  };
}

export function buildNationalView(
  answer: NationalReach,
  history: NationalReach[],
  filters: Filters,
  locale: Locale,
): NationalView {
  const multiples = smallMultiples(answer, history, filters.group, locale);
  const distribution = histogram(answer, filters.group, locale);
  return {
    year: answer.year,
    totalsTable: totalsTable(answer, locale),
    table: municipalityTable(answer, filters, locale),
    sortColumns,
    panels: multiples.panels,
    panelsTable: multiples.table,
    bins: distribution.bins,
    histogramTable: distribution.table,
    histogramDescription: distribution.description,
    target: distribution.target,
  };
}
