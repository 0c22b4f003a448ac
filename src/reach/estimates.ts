import type { IncomeGroup } from './schema.ts';

/** One row of data/reference/gemeente_pc4_afgeleid_2023.csv (derived from CBS postcode statistics). */
export type MunicipalityProfile = {
  code: string;
  inhabitants: number;
  childrenUnder15: number;
  peopleWithBenefit: number;
};

export type TargetGroupEstimate = {
  municipalityCode: string;
  year: number;
  incomeGroup: IncomeGroup;
  children: number;
};

/** The year of the postcode statistics the distribution rests on; an estimate serves every year. */
export const ESTIMATE_YEAR = 2023;

/**
 * National totals the estimates share out. Each is a published CBS figure; why these two, and why there is
 * no estimate for 'other', is in docs/reach.md.
 */
export const NATIONAL_TOTALS: Record<Exclude<IncomeGroup, 'other'>, { children: number; source: string }> = {
  // Children under 18 with a parent on social assistance, end of 2020 (CBS Jeugdmonitor 2021).
  bijstand: {
    children: 203_000,
    source:
      'CBS Jeugdmonitor 2021, Opgroeien in bijstand: 203 duizend kinderen in bijstandsgezinnen eind 2020',
  },
  // 34% of the 264 thousand children in low-income households in 2018 lived on income mainly from work.
  work: {
    children: Math.round(0.34 * 264_000),
    source:
      'CBS Armoede en sociale uitsluiting 2019: 264 duizend kinderen met armoederisico in 2018, 34% in een huishouden met vooral inkomen uit werk',
  },
};

/**
 * Shares the national totals out over the municipalities in proportion to children 0-17 (the CBS count of
 * 0-14-year-olds × 18/15, as the file has no 15-17) times the share of inhabitants with a benefit below
 * state-pension age: more children and more benefits, more children in the target group. A rough key,
 * labelled "schatting" wherever shown, until a municipality's real figures are imported.
 */
export function estimateTargetGroups(profiles: MunicipalityProfile[]): TargetGroupEstimate[] {
  const weights = profiles.map((profile) => ({
    code: profile.code,
    weight:
      profile.inhabitants > 0
        ? ((profile.childrenUnder15 * 18) / 15) * (profile.peopleWithBenefit / profile.inhabitants)
        : 0,
  }));
  const sum = weights.reduce((total, entry) => total + entry.weight, 0);
  if (sum === 0) return [];
  return weights.flatMap(({ code, weight }) =>
    (['bijstand', 'work'] as const).map((incomeGroup) => ({
      municipalityCode: code,
      year: ESTIMATE_YEAR,
      incomeGroup,
      children: Math.round((NATIONAL_TOTALS[incomeGroup].children * weight) / sum),
    })),
  );
}

export const estimateSource = (incomeGroup: Exclude<IncomeGroup, 'other'>) =>
  `Schatting Meedoen uit CBS-postcodestatistiek 2023 (kinderen, uitkeringen) en het landelijke totaal: ${NATIONAL_TOTALS[incomeGroup].source}`;
