import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import type { DisclosureRules } from '../platform/disclosure/index.ts';

export type ReachRules = DisclosureRules & {
  /** A municipality with fewer inhabitants is a small unit: its counts are rounded. */
  smallUnitInhabitants: number;
};

let inhabitants: Promise<Map<string, number>> | null = null;

/** Inhabitants per municipality from the shipped CBS-derived file, read once (it is the same everywhere). */
function loadInhabitants(): Promise<Map<string, number>> {
  inhabitants ??= readFile(
    new URL('../../data/reference/gemeente_pc4_afgeleid_2023.csv', import.meta.url),
    'utf8',
  ).then((text) => {
    const rows = parse(text, { columns: true, skip_empty_lines: true, trim: true }) as {
      gm_code: string;
      kwb2024_aantal_inwoners: string;
      aantal_inwoners_geschat: string;
    }[];
    return new Map(
      rows.map((row) => [row.gm_code, Number(row.kwb2024_aantal_inwoners || row.aantal_inwoners_geschat)]),
    );
  });
  return inhabitants;
}

/** Codes without a known size (old codes of merged municipalities) count as small: rounding is the safe side. */
export async function isSmallUnit(code: string, rules: ReachRules): Promise<boolean> {
  const size = (await loadInhabitants()).get(code);
  return size === undefined || size < rules.smallUnitInhabitants;
}
