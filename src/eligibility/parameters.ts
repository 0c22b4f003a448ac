import type { Translations } from '../platform/i18n.ts';

/** Net monthly social-assistance norm (Participatiewet art. 21) incl. 5% holiday allowance, from a date. */
export type NormSet = {
  validFrom: string;
  source: string;
  cents: {
    single_21_to_pension: number; // also single parents since 2015
    couple_21_to_pension: number;
    single_pension: number;
    couple_pension: number;
  };
};

export type AssetLimitSet = {
  validFrom: string;
  source: string;
  cents: { single: number; singleParentOrCouple: number };
};

export type IncomeTest =
  | { kind: 'none' } // the intermediary vouches for the family's situation
  | {
      kind: 'percent_of_norm';
      percent: number; // e.g. 120; at most two decimals
      holidayAllowance: 'included' | 'excluded';
    };

/** One version of a scheme's rules; a change adds a version, so earlier outcomes keep their explanation. */
export type SchemeVersion = {
  version: number;
  validFrom: string;
  incomeTest: IncomeTest;
  assetTest: boolean;
  source: string;
};

export type Scheme = {
  key: string;
  name: Translations<string>;
  municipality: string | null; // null: not tied to one municipality (a national charity)
  versions: SchemeVersion[];
};

/** The national figures, the same for every check; shipped as reference data. */
export type ReferenceParameters = { norms: NormSet[]; assetLimits: AssetLimitSet[] };

/** Everything a check needs: the national figures and the rules of the schemes involved. */
export type Parameters = ReferenceParameters & { schemes: Map<string, Scheme> };

/** The entry in force on a date: the latest whose validFrom is on or before it (lists sorted ascending). */
export function inForce<T extends { validFrom: string }>(entries: readonly T[], date: string): T | null {
  let found: T | null = null;
  for (const entry of entries) {
    if (entry.validFrom <= date) found = entry;
    else break;
  }
  return found;
}

/**
 * Norms change on 1 January and 1 July. A date on or after the next change after the last known set may
 * be under a norm we do not know yet.
 */
export function nextNormChange(validFrom: string): string {
  const year = Number(validFrom.slice(0, 4));
  return validFrom.slice(5) < '07-01' ? `${year}-07-01` : `${year + 1}-01-01`;
}
