import type { LineSeries, SeriesBreak } from '../platform/charts/index.ts';
import { formatNumber, missing, type Cell, type DataTable } from '../platform/export/index.ts';
import type { Locale } from '../platform/i18n.ts';
import {
  chartedDefinitions,
  definitions,
  seriesBreaks,
  statusLabels,
  type DefinitionCode,
} from './definitions.ts';
import type { LabourParticipationRow } from './labour-participation-file.ts';
import { labourParticipationSource, povertySource } from './source.ts';
import { latestPerYear, type SeriesValue, type YearFigure } from './series.ts';
import { trendMessages } from './messages.ts';
import { gapsAgainstPath, pathValue, type GapRow, type TargetPath } from './target-path.ts';

/**
 * Everything the trend page, its downloads and its chart show, built once from the stored data, so the
 * chart, the tables and the files always hold the same numbers.
 */
export type TrendView = {
  series: LineSeries[];
  breaks: SeriesBreak[];
  xDomain: [number, number];
  description: string;
  seriesTable: DataTable;
  gapPath: TargetPath | null;
  gapTable: DataTable | null;
  labourSeries: LineSeries[];
  labourTable: DataTable | null;
  sources: { publication: string; url: string }[];
};

const percent = (value: number, locale: Locale, decimals = 1) => `${formatNumber(value, locale, decimals)}%`;

/** The path gaps are measured against: the most recently started one (the interim path). */
export function gapPathOf(paths: TargetPath[]): TargetPath | null {
  return [...paths].sort((a, b) => b.startYear - a.startYear)[0] ?? null;
}

function earlierText(value: SeriesValue, locale: Locale): string {
  const parts = [
    value.percentage === null ? null : percent(value.percentage, locale),
    value.children === null ? null : formatNumber(value.children, locale),
  ].filter(Boolean);
  return `${parts.join(' / ')} (${statusLabels[value.status][locale]}${value.published ? `, ${value.published}` : ''})`;
}

function seriesTable(figures: YearFigure[], locale: Locale): DataTable {
  const text = trendMessages[locale];
  return {
    title: text.tableTitle,
    columns: [
      { key: 'year', label: text.columns.year, kind: 'text' },
      { key: 'definition', label: text.columns.definition, kind: 'text' },
      { key: 'children', label: text.columns.children, kind: 'number' },
      { key: 'percentage', label: `${text.columns.percentage} (%)`, kind: 'number', decimals: 1 },
      { key: 'status', label: text.columns.status, kind: 'text' },
      { key: 'earlier', label: text.columns.earlier, kind: 'text' },
      { key: 'publication', label: text.columns.publication, kind: 'text' },
    ],
    rows: figures.map(({ year, definition, latest, earlier }) => ({
      year: String(year),
      definition: definitions[definition][locale].label,
      children: latest.children ?? missing(text.notFound),
      percentage: latest.percentage ?? missing(text.notFound),
      status: `${statusLabels[latest.status][locale]}${latest.published ? ` (${latest.published})` : ''}`,
      earlier: earlier.map((value) => earlierText(value, locale)).join('; '),
      publication: latest.publication,
    })),
    source: povertySource[locale],
    notes: [text.breakNote, text.derivedNote, text.notCharted],
  };
}

function gapTable(
  path: TargetPath,
  goal: TargetPath | undefined,
  rows: GapRow[],
  lastYear: number,
  locale: Locale,
): DataTable {
  const text = trendMessages[locale];
  const absent = (year: number): Cell =>
    missing(year > lastYear ? text.seriesStopped(lastYear) : text.noFigureYet);
  return {
    title: text.gapTableTitle,
    columns: [
      { key: 'year', label: text.columns.year, kind: 'text' },
      { key: 'path', label: text.columns.path, kind: 'number', decimals: 2 },
      { key: 'actual', label: text.columns.actual, kind: 'number', decimals: 1 },
      { key: 'gap', label: text.columns.gap, kind: 'number', decimals: 2 },
      ...(goal ? [{ key: 'goal', label: text.columns.goal, kind: 'number' as const, decimals: 2 }] : []),
    ],
    rows: rows.map((row) => ({
      year: String(row.year),
      path: row.path,
      actual: row.actual ?? absent(row.year),
      gap: row.gap ?? absent(row.year),
      ...(goal ? { goal: pathValue(goal, row.year) } : {}),
    })),
    source: povertySource[locale],
    notes: [text.gapIntro(path.name[locale], definitions[path.definition][locale].label)],
  };
}

function labourTable(rows: LabourParticipationRow[], locale: Locale): DataTable {
  const text = trendMessages[locale];
  return {
    title: text.labourTableTitle,
    columns: [
      { key: 'year', label: text.columns.year, kind: 'text' },
      { key: 'definition', label: text.columns.definition, kind: 'text' },
      { key: 'incomeSource', label: text.columns.incomeSource, kind: 'text' },
      { key: 'households', label: text.columns.households, kind: 'number' },
      { key: 'percentage', label: `${text.columns.percentage} (%)`, kind: 'number', decimals: 1 },
      { key: 'status', label: text.columns.status, kind: 'text' },
      { key: 'source', label: text.columns.source, kind: 'text' },
    ],
    rows: rows.map((row) => ({
      year: String(row.year),
      definition: definitions[row.definition][locale].label,
      incomeSource: text.incomeSources[row.incomeSource],
      households: row.households ?? missing(text.notFound),
      percentage: row.percentage ?? missing(text.notFound),
      status: statusLabels[row.status][locale],
      source: row.sourceUrl ? `${row.source} (${row.sourceUrl})` : row.source,
    })),
    source: labourParticipationSource[locale],
  };
}

function describe(figures: YearFigure[], paths: TargetPath[], gaps: GapRow[], locale: Locale): string {
  const text = trendMessages[locale].describe;
  const parts: string[] = [];
  for (const code of chartedDefinitions) {
    const points = figures.filter((f) => f.definition === code && f.latest.percentage !== null);
    const first = points[0];
    const last = points[points.length - 1];
    if (!first || !last) continue;
    parts.push(
      text.series(
        definitions[code][locale].label,
        `${percent(first.latest.percentage!, locale)} (${first.year})`,
        `${percent(last.latest.percentage!, locale)} (${last.year})`,
      ),
    );
  }
  for (const path of paths) {
    parts.push(
      text.path(
        path.name[locale],
        `${percent(path.startPercentage, locale)} (${path.startYear})`,
        `${percent(path.endPercentage, locale)} (${path.endYear})`,
      ),
    );
  }
  const lastGap = [...gaps].reverse().find((row) => row.gap !== null);
  if (lastGap) parts.push(text.gap(lastGap.year, formatNumber(lastGap.gap!, locale, 2)));
  parts.push(text.table);
  return parts.join(' ');
}

export function buildTrendView(
  values: SeriesValue[],
  paths: TargetPath[],
  labour: LabourParticipationRow[],
  locale: Locale,
): TrendView {
  const figures = latestPerYear(values);
  const charted = (code: DefinitionCode) => figures.filter((f) => f.definition === code);
  const series: LineSeries[] = chartedDefinitions
    .filter((code) => charted(code).length > 0)
    .map((code) => ({
      key: code,
      label: definitions[code][locale].label,
      points: charted(code).map((f) => ({ x: f.year, y: f.latest.percentage })),
    }));
  const pathLooks = ['dashed', 'dotted'] as const;
  const gapPath = gapPathOf(paths);
  const ordered = gapPath ? [gapPath, ...paths.filter((p) => p !== gapPath)] : paths;
  ordered.forEach((path, index) =>
    series.push({
      key: path.key,
      label: path.name[locale],
      line: pathLooks[index % pathLooks.length],
      marker: 'none',
      colour: '#333333',
      points: [
        { x: path.startYear, y: path.startPercentage },
        { x: path.endYear, y: path.endPercentage },
      ],
    }),
  );
  const years = [...figures.map((f) => f.year), ...paths.flatMap((p) => [p.startYear, p.endYear])];
  const gaps = gapPath ? gapsAgainstPath(gapPath, figures) : [];
  const lastYearOfPathDefinition = Math.max(
    0,
    ...figures.filter((f) => f.definition === gapPath?.definition).map((f) => f.year),
  );
  const goal = ordered.find((p) => p !== gapPath);
  const seen = new Set<string>();
  const sources = values
    .filter((v) => (seen.has(v.sourceUrl) ? false : (seen.add(v.sourceUrl), true)))
    .map((v) => ({ publication: v.publication, url: v.sourceUrl }));
  const labourDefinitions = [...new Set(labour.map((row) => row.definition))];
  const labourSeries: LineSeries[] = labourDefinitions.flatMap((definition) =>
    (['werk', 'bijstand', 'overig'] as const)
      .filter((source) => labour.some((r) => r.definition === definition && r.incomeSource === source))
      .map((source) => ({
        key: `${definition}-${source}`,
        label:
          labourDefinitions.length > 1
            ? `${trendMessages[locale].incomeSources[source]} (${definitions[definition][locale].label})`
            : trendMessages[locale].incomeSources[source],
        points: labour
          .filter((r) => r.definition === definition && r.incomeSource === source)
          .map((r) => ({ x: r.year, y: r.percentage })),
      })),
  );
  return {
    series,
    breaks: seriesBreaks.map((b) => ({ x: b.year, label: b.label[locale] })),
    xDomain: [Math.min(...years), Math.max(...years)],
    description: describe(figures, ordered, gaps, locale),
    seriesTable: seriesTable(figures, locale),
    gapPath,
    gapTable: gapPath ? gapTable(gapPath, goal, gaps, lastYearOfPathDefinition, locale) : null,
    labourSeries,
    labourTable: labour.length > 0 ? labourTable(labour, locale) : null,
    sources,
  };
}
