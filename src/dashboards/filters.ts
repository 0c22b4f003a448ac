import type { Locale } from '../platform/i18n.ts';
import type { FieldError } from '../platform/validation.ts';
import type { Boundaries, IncomeGroup } from '../reach/index.ts';
import { dashboardMessages } from './messages.ts';

/** What a dashboard's address may ask: Dutch parameter names, as on the other public pages. */
export type Filters = {
  year: number | null;
  boundaries: Boundaries;
  group: IncomeGroup;
  sort: SortKey;
  direction: 'op' | 'af';
};

export const boundaryNames = { vastgelegd: 'recorded', vandaag: 'today' } as const;
export const groupNames = { bijstand: 'bijstand', werk: 'work', overig: 'other' } as const;
export const sortKeys = [
  'naam',
  'totaal',
  'bijstand',
  'werk',
  'overig',
  'afstand-bijstand',
  'afstand-werk',
] as const;
export type SortKey = (typeof sortKeys)[number];

const nameOf = <T extends string>(names: Record<string, T>, value: T) =>
  Object.entries(names).find(([, v]) => v === value)![0];

/** The address parameters of these filters, for links and forms (the inverse of readFilters). */
export function filterParams(filters: Filters): {
  jaar?: string;
  grenzen: string;
  groep: string;
  sorteer: string;
  richting: string;
} {
  return {
    ...(filters.year === null ? {} : { jaar: String(filters.year) }),
    grenzen: nameOf(boundaryNames, filters.boundaries),
    groep: nameOf(groupNames, filters.group),
    sorteer: filters.sort,
    richting: filters.direction,
  };
}

const pick = (query: Record<string, unknown>, name: string) =>
  typeof query[name] === 'string' ? (query[name] as string) : undefined;

/**
 * Reads the filters against the years that have figures: the latest year by default; a year without
 * figures, an unknown boundary or group is an error with a message for its field. A sort that is not
 * offered falls back to the name: the table is still the same table.
 */
export function readFilters(
  query: Record<string, unknown>,
  years: number[],
  locale: Locale,
): { filters: Filters; errors: FieldError[] } {
  const text = dashboardMessages[locale];
  const errors: FieldError[] = [];
  const latest = years[years.length - 1] ?? null;
  const askedYear = pick(query, 'jaar');
  let year = latest;
  if (askedYear !== undefined && askedYear !== '') {
    const number = /^\d{4}$/.test(askedYear.trim()) ? Number(askedYear.trim()) : NaN;
    if (years.includes(number)) year = number;
    else
      errors.push({
        field: 'jaar',
        code: 'dashboard_year_unknown',
        message: years.length ? text.yearErrors.unknown(years.join(', ')) : text.yearErrors.none,
      });
  }
  const boundaryName = pick(query, 'grenzen') ?? 'vastgelegd';
  const boundaries = boundaryNames[boundaryName as keyof typeof boundaryNames];
  if (!boundaries)
    errors.push({ field: 'grenzen', code: 'dashboard_boundaries_unknown', message: text.chooseFromList });
  const groupName = pick(query, 'groep') ?? 'bijstand';
  const group = groupNames[groupName as keyof typeof groupNames];
  if (!group) errors.push({ field: 'groep', code: 'dashboard_group_unknown', message: text.chooseFromList });
  const sort = sortKeys.find((key) => key === pick(query, 'sorteer')) ?? 'naam';
  const direction = pick(query, 'richting') === 'af' ? 'af' : 'op';
  return {
    filters: { year, boundaries: boundaries ?? 'recorded', group: group ?? 'bijstand', sort, direction },
    errors,
  };
}
