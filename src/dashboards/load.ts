import { categoryLabels, findOrganisation } from '../catalogue/index.ts';
import type { Queryable } from '../platform/db.ts';
import type { Locale } from '../platform/i18n.ts';
import {
  defaultReachRules,
  municipalityReach,
  nationalReach,
  type ReachDetail,
  type ReachRules,
} from '../reach/index.ts';
import type { Filters } from './filters.ts';
import { buildMunicipalityView } from './municipality-view.ts';
import { buildNationalView } from './national-view.ts';

/** The charts over the years go back this far: enough for a trend, few enough to read on a phone. */
const HISTORY_YEARS = 10;

const historyYears = (years: number[], upTo: number) =>
  years.filter((year) => year <= upTo).slice(-HISTORY_YEARS);

/** A municipality's dashboard in the chosen year, with its history; null when the code is not known. */
export async function loadMunicipality(
  db: Queryable,
  code: string,
  filters: Filters & { year: number },
  years: number[],
  locale: Locale,
  rules: ReachRules = defaultReachRules,
) {
  const query = { municipalityCode: code, boundaries: filters.boundaries };
  const detail = await municipalityReach(db, { ...query, year: filters.year }, rules);
  if (!detail) return null;
  const history: ReachDetail[] = [];
  // One year at a time: each protects the year's national table, which is remembered for the next asker.
  for (const year of historyYears(years, filters.year)) {
    const found = year === filters.year ? detail : await municipalityReach(db, { ...query, year }, rules);
    if (found) history.push(found);
  }
  const names = new Map<string, string>();
  for (const entry of detail.byProvider) {
    names.set(entry.key, (await findOrganisation(db, entry.key))?.name ?? entry.key);
  }
  const categories = categoryLabels[locale] as Record<string, string>;
  return buildMunicipalityView(
    detail,
    history,
    { category: (key) => categories[key] ?? key, provider: (key) => names.get(key) ?? key },
    locale,
  );
}

/** The national overview in the chosen year, with the years before it for the small multiples. */
export async function loadNational(
  db: Queryable,
  filters: Filters & { year: number },
  years: number[],
  locale: Locale,
  rules: ReachRules = defaultReachRules,
) {
  const history = [];
  for (const year of historyYears(years, filters.year)) {
    history.push(await nationalReach(db, { year, boundaries: filters.boundaries }, rules));
  }
  const answer =
    history.find((entry) => entry.year === filters.year) ??
    (await nationalReach(db, { year: filters.year, boundaries: filters.boundaries }, rules));
  return buildNationalView(answer, history, filters, locale);
}
