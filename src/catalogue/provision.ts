import type { Translations } from '../platform/i18n.ts';

export const categories = [
  'sport',
  'culture',
  'school_costs',
  'computer',
  'bicycle',
  'birthday',
  'swimming_lessons',
  'clothing',
  'outings',
  'independent_living',
  'other',
] as const;
export type Category = (typeof categories)[number];

export const organisationKinds = [
  'municipality',
  'local_charity_branch',
  'national_charity',
  'other',
] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

export const applicationRoutes = ['self_or_intermediary', 'intermediary_only'] as const;
export type ApplicationRoute = (typeof applicationRoutes)[number];

export const amountKinds = ['value', 'budget'] as const;
export const amountPeriods = ['calendar_year', 'school_year', 'season', 'once'] as const;
export type AmountPeriod = (typeof amountPeriods)[number];

export const MIN_AGE = 0;
export const MAX_AGE = 21;

export type OrganisationRef = { key: string; name: string; kind: OrganisationKind };

export type Provision = {
  key: string;
  name: Translations<string>;
  description: Translations<string>;
  category: Category;
  ages: { min: number; max: number };
  offeredIn: 'nationwide' | { code: string; name: string }[];
  fundedBy: OrganisationRef;
  handledBy: OrganisationRef;
  owner: OrganisationRef;
  applicationRoute: ApplicationRoute;
  scheme: string | null;
  amount: { cents: number; kind: (typeof amountKinds)[number]; period: AmountPeriod } | null;
  link: string | null;
  lastChecked: string;
  isExample: boolean;
};

export type ProvisionFilter = { age?: number; category?: Category };

/** Whether a provision is for a child of this age and in this category; an absent filter matches all. */
export function matchesFilter(
  provision: Pick<Provision, 'ages' | 'category'>,
  filter: ProvisionFilter,
): boolean {
  if (filter.age !== undefined && (filter.age < provision.ages.min || filter.age > provision.ages.max)) {
    return false;
  }
  return filter.category === undefined || provision.category === filter.category;
}

/** Families look by kind of help first; within a kind, alphabetically in their own language. */
export function orderForDisplay<T extends Pick<Provision, 'category' | 'name'>>(
  provisions: readonly T[],
  locale: keyof Translations<string>,
): T[] {
  return [...provisions].sort(
    (a, b) =>
      categories.indexOf(a.category) - categories.indexOf(b.category) ||
      a.name[locale].localeCompare(b.name[locale], locale),
  );
}
