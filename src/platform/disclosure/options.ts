/** The rules of disclosure control; the defaults are the issue's, each can be set per deployment. */
export type DisclosureRules = {
  /** Counts from 1 up to this minus one are hidden (0 is shown: it names nobody). */
  minimumCount: number;
  /** Counts of small units are rounded to a multiple of this (1 = no rounding). */
  roundTo: number;
  /** A percentage needs at least this numerator... */
  percentMinimumNumerator: number;
  /** ...and at least this denominator. */
  percentMinimumDenominator: number;
};

export const defaultDisclosureRules: DisclosureRules = {
  minimumCount: 10,
  roundTo: 5,
  percentMinimumNumerator: 10,
  percentMinimumDenominator: 50,
};
