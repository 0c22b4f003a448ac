import {
  inForce,
  nextNormChange,
  type AssetLimitSet,
  type NormSet,
  type Scheme,
  type SchemeVersion,
} from './parameters.ts';
import { reason, type Reason } from './reasons.ts';

export type HouseholdType = 'single_parent' | 'couple' | 'other';
export type HouseholdAgeGroup = '21_to_pension' | 'pension' | 'under_21' | 'mixed';

export type Household = {
  municipality: string;
  type: HouseholdType;
  ageGroup: HouseholdAgeGroup;
  /** Net per month, without child benefit (kinderbijslag, kindgebonden budget) or allowances (toeslagen). */
  income: { kind: 'monthly_net'; cents: number } | { kind: 'not_given' };
  assets:
    | { kind: 'amount'; cents: number }
    | { kind: 'within_limit' }
    | { kind: 'over_limit' }
    | { kind: 'unknown' };
};

export type Child = { age: number } | { birthDate: string };

export type ProvisionTerms = {
  key: string;
  ages: { min: number; max: number };
  offeredIn: 'nationwide' | readonly string[];
  scheme: string | null;
};

export type Outcome = 'eligible' | 'not_eligible' | 'undecided';

export type Evaluation = {
  outcome: Outcome;
  /** Income as a percentage of the norm applied, one decimal; null when no income test was made. */
  incomePercentOfNorm: number | null;
  norm: {
    cents: number;
    basis: 'including_holiday_allowance' | 'excluding_holiday_allowance';
    validFrom: string;
    source: string;
    mayBeOutdated: boolean;
  } | null;
  threshold: {
    percent: number;
    cents: number;
    scheme: string;
    version: number;
    validFrom: string;
    source: string;
  } | null;
  reasons: Reason[];
};

export type EvaluationInput = {
  household: Household;
  child: Child;
  provision: ProvisionTerms;
  scheme: Scheme | null;
  norms: readonly NormSet[];
  assetLimits: readonly AssetLimitSet[];
  date: string; // ISO date the outcome is for
};

/** Whole years on a date; a child born on 29 February turns a year older on 1 March in other years. */
export function ageOn(birthDate: string, date: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const hadBirthday = m > bm || (m === bm && d >= bd);
  return y - by - (hadBirthday ? 0 : 1);
}

function childAge(child: Child, date: string): number | null {
  if ('age' in child) return child.age;
  if (child.birthDate > date) return null;
  return ageOn(child.birthDate, date);
}

function outcomeOf(reasons: readonly Reason[]): Outcome {
  if (reasons.some((r) => r.effect === 'fail')) return 'not_eligible';
  if (reasons.some((r) => r.effect === 'undecided')) return 'undecided';
  return 'eligible';
}

/** Rounds half up on whole cents: a threshold of €1.642,872 is €1.642,87. */
function percentOf(cents: number, percent: number): number {
  const basisPoints = Math.round(percent * 100);
  return Math.floor((cents * basisPoints + 5000) / 10000);
}

function normCents(set: NormSet, household: Household): number | null {
  if (household.type === 'other') return null;
  const single = household.type === 'single_parent';
  if (household.ageGroup === '21_to_pension')
    return single ? set.cents.single_21_to_pension : set.cents.couple_21_to_pension;
  if (household.ageGroup === 'pension') return single ? set.cents.single_pension : set.cents.couple_pension;
  return null;
}

function incomeTest(input: EvaluationInput, version: SchemeVersion, reasons: Reason[]) {
  const { household, date, norms } = input;
  const test = version.incomeTest;
  if (test.kind === 'none') {
    reasons.push(reason('no_income_test'));
    return { norm: null, threshold: null, incomePercentOfNorm: null };
  }
  if (household.type === 'other') {
    reasons.push(reason('household_type_not_covered'));
    return { norm: null, threshold: null, incomePercentOfNorm: null };
  }
  const set = inForce(norms, date);
  const base = set ? normCents(set, household) : null;
  if (!set) reasons.push(reason('norm_unknown_for_date'));
  else if (base === null) reasons.push(reason('household_age_not_covered'));
  if (!set || base === null) return { norm: null, threshold: null, incomePercentOfNorm: null };

  const latest = norms[norms.length - 1]!;
  const mayBeOutdated = set === latest && date >= nextNormChange(latest.validFrom);
  if (mayBeOutdated) reasons.push(reason('norm_may_be_outdated', { validFrom: set.validFrom }));
  // The published norm includes 5% holiday allowance; without it, the norm is 95% of that amount.
  const included = test.holidayAllowance === 'included';
  const norm = {
    cents: included ? base : percentOf(base, 95),
    basis: included ? ('including_holiday_allowance' as const) : ('excluding_holiday_allowance' as const),
    validFrom: set.validFrom,
    source: set.source,
    mayBeOutdated,
  };
  const threshold = {
    percent: test.percent,
    cents: percentOf(norm.cents, test.percent),
    scheme: input.scheme!.key,
    version: version.version,
    validFrom: version.validFrom,
    source: version.source,
  };
  if (household.income.kind !== 'monthly_net') {
    reasons.push(reason('income_not_given'));
    return { norm, threshold, incomePercentOfNorm: null };
  }
  const incomeCents = household.income.cents;
  const incomePercentOfNorm = Math.round((incomeCents * 1000) / norm.cents) / 10;
  const params = {
    incomeCents,
    incomePercent: incomePercentOfNorm,
    thresholdPercent: test.percent,
    thresholdCents: threshold.cents,
    basis: test.holidayAllowance,
  };
  reasons.push(
    reason(incomeCents <= threshold.cents ? 'income_within_threshold' : 'income_above_threshold', params),
  );
  return { norm, threshold, incomePercentOfNorm };
}

function assetTest(input: EvaluationInput, reasons: Reason[]) {
  const { household, assetLimits, date } = input;
  const limits = inForce(assetLimits, date);
  if (!limits) {
    reasons.push(reason('asset_limit_unknown_for_date'));
    return;
  }
  const latest = assetLimits[assetLimits.length - 1]!;
  if (limits === latest && date >= `${Number(latest.validFrom.slice(0, 4)) + 1}-01-01`) {
    reasons.push(reason('asset_limit_may_be_outdated', { validFrom: limits.validFrom }));
  }
  // Every household in this check has a child, so the limit for single parents and couples applies.
  const limitCents = limits.cents.singleParentOrCouple;
  const assets = household.assets;
  if (assets.kind === 'unknown') reasons.push(reason('assets_unknown', { limitCents }));
  else if (assets.kind === 'over_limit' || (assets.kind === 'amount' && assets.cents > limitCents)) {
    reasons.push(reason('assets_above_limit', { limitCents }));
  } else reasons.push(reason('assets_within_limit', { limitCents }));
}

/**
 * Decides whether one child of a household can get one provision on a date, and says why. Pure: the
 * parameters (norms, limits, the scheme's versions) come in as data, so the same inputs always give the
 * same outcome and explanation.
 */
export function evaluate(input: EvaluationInput): Evaluation {
  const { household, child, provision, scheme, date } = input;
  const reasons: Reason[] = [];
  const none = { norm: null, threshold: null, incomePercentOfNorm: null };

  if (provision.offeredIn !== 'nationwide' && !provision.offeredIn.includes(household.municipality)) {
    reasons.push(reason('not_offered_here'));
  }
  const age = childAge(child, date);
  if (age === null) reasons.push(reason('child_age_unknown'));
  else {
    const within = age >= provision.ages.min && age <= provision.ages.max;
    reasons.push(reason(within ? 'age_within' : 'age_outside', { age, ...provision.ages }));
  }

  const version = scheme ? inForce(scheme.versions, date) : null;
  let tested: Pick<Evaluation, 'norm' | 'threshold' | 'incomePercentOfNorm'> = none;
  if (!scheme) reasons.push(reason('no_rules_known'));
  else if (!version)
    reasons.push(reason('rules_not_in_force', { validFrom: scheme.versions[0]?.validFrom ?? date }));
  else {
    tested = incomeTest(input, version, reasons);
    if (version.assetTest) assetTest(input, reasons);
  }
  return { outcome: outcomeOf(reasons), ...tested, reasons };
}
