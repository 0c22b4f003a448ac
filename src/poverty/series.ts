import { definitionCodes, type DefinitionCode, type StatusCode } from './definitions.ts';

/** One published figure: a year's value in one definition, as one publication gave it. */
export type SeriesValue = {
  year: number;
  definition: DefinitionCode;
  revision: number;
  children: number | null;
  percentage: number | null;
  status: StatusCode;
  statusNote: string;
  published: string | null;
  publication: string;
  sourceUrl: string;
};

/** A year's figure in one definition: the latest publication, and the ones it superseded (oldest first). */
export type YearFigure = {
  year: number;
  definition: DefinitionCode;
  latest: SeriesValue;
  earlier: SeriesValue[];
};

/**
 * Numbers each year-and-definition's publications 1, 2, … in the order they appeared: by publication date,
 * then by their order in the file (a source without a date keeps its place).
 */
export function numberRevisions<T extends { year: number; definition: string; published: string | null }>(
  rows: T[],
): (T & { revision: number })[] {
  const indexed = rows.map((row, index) => ({ row, index }));
  indexed.sort(
    (a, b) =>
      a.row.year - b.row.year ||
      a.row.definition.localeCompare(b.row.definition) ||
      (a.row.published ?? '').localeCompare(b.row.published ?? '') ||
      a.index - b.index,
  );
  const seen = new Map<string, number>();
  return indexed.map(({ row }) => {
    const key = `${row.year}|${row.definition}`;
    const revision = (seen.get(key) ?? 0) + 1;
    seen.set(key, revision);
    return { ...row, revision };
  });
}

/** The latest status per year and definition, with the earlier values kept beside it. */
export function latestPerYear(values: SeriesValue[]): YearFigure[] {
  const groups = new Map<string, SeriesValue[]>();
  for (const value of values) {
    const key = `${value.definition}|${value.year}`;
    groups.set(key, [...(groups.get(key) ?? []), value]);
  }
  const order = (code: DefinitionCode) => definitionCodes.indexOf(code);
  return [...groups.values()]
    .map((group) => {
      const sorted = [...group].sort((a, b) => a.revision - b.revision);
      const latest = sorted[sorted.length - 1]!;
      return { year: latest.year, definition: latest.definition, latest, earlier: sorted.slice(0, -1) };
    })
    .sort((a, b) => order(a.definition) - order(b.definition) || a.year - b.year);
}
