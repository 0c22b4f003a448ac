import type { Translations } from '../platform/i18n.ts';
import type { DefinitionCode } from './definitions.ts';
import type { YearFigure } from './series.ts';

export type TargetPath = {
  key: string;
  name: Translations<string>;
  definition: DefinitionCode;
  startYear: number;
  startPercentage: number;
  endYear: number;
  endPercentage: number;
  /** The year the path was set (the letter that states it). */
  setIn: number;
  source: string;
};

/** Percentages and gaps are kept to hundredths of a percentage point: 6.35, not 6.3500000000000005. */
export const roundHundredths = (value: number) => Math.round(value * 100) / 100;

/** The path's value in a year: linear between its two figures; none outside them. */
export function pathValue(path: TargetPath, year: number): number | null {
  if (year < path.startYear || year > path.endYear) return null;
  const share = (year - path.startYear) / (path.endYear - path.startYear);
  return roundHundredths(path.startPercentage + share * (path.endPercentage - path.startPercentage));
}

export type GapRow = {
  year: number;
  path: number;
  /** The latest figure of the path's own definition that year; none when there is none. */
  actual: number | null;
  /** actual − path in percentage points: negative is below (better than) the path. */
  gap: number | null;
};

/** Every year of the path with the actual figure beside it, and the gap only where that figure exists. */
export function gapsAgainstPath(path: TargetPath, figures: YearFigure[]): GapRow[] {
  const actualByYear = new Map(
    figures
      .filter((figure) => figure.definition === path.definition && figure.latest.percentage !== null)
      .map((figure) => [figure.year, figure.latest.percentage!]),
  );
  const rows: GapRow[] = [];
  for (let year = path.startYear; year <= path.endYear; year += 1) {
    const value = pathValue(path, year)!;
    const actual = actualByYear.get(year) ?? null;
    rows.push({ year, path: value, actual, gap: actual === null ? null : roundHundredths(actual - value) });
  }
  return rows;
}
