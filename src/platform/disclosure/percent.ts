import { defaultDisclosureRules, type DisclosureRules } from './options.ts';
import { suppression, type Suppression } from './reasons.ts';
import type { Published } from './table.ts';

export type PublishedPercent = { value: number; suppressed: null } | { value: null; suppressed: Suppression };

/**
 * A share in percent (one decimal), only when its count is published, at least the minimum numerator, and
 * the denominator is large enough. It is computed from the published (maybe rounded) count, so the
 * percentage and the denominator together never give back more than the count shows.
 */
export function publishPercent(
  numerator: Published,
  denominator: number | null,
  rules: DisclosureRules = defaultDisclosureRules,
): PublishedPercent {
  if (numerator.suppressed) return { value: null, suppressed: suppression('percent-count-hidden') };
  if (denominator === null || denominator <= 0)
    return { value: null, suppressed: suppression('percent-no-denominator') };
  if (numerator.value < rules.percentMinimumNumerator)
    return { value: null, suppressed: suppression('percent-small-numerator') };
  if (denominator < rules.percentMinimumDenominator)
    return { value: null, suppressed: suppression('percent-small-denominator') };
  return { value: Math.round((numerator.value / denominator) * 1000) / 10, suppressed: null };
}
