import { z } from 'zod';
import type { Provision } from '../catalogue/index.ts';
import { MUNICIPALITY_CODE } from '../municipalities/index.ts';
import { registerFieldMessages } from '../platform/validation.ts';
import { ageOn, evaluate, type Evaluation, type Household } from './evaluate.ts';
import type { Parameters } from './parameters.ts';
import type { Reason } from './reasons.ts';

registerFieldMessages({
  check_children_count: {
    nl: 'Vul de leeftijd in van 1 tot 10 kinderen.',
    en: 'Enter the age of 1 to 10 children.',
  },
});

/** A million euros a month is more than any household in this check; above it is a typing mistake. */
export const MAX_CENTS = 100_000_000;
const cents = z.number().int().min(0).max(MAX_CENTS);

/** One schema for the self-check: the API body, and the answers the check pages collect. */
export const checkRequestSchema = z.object({
  municipality: z.string().regex(MUNICIPALITY_CODE, { error: 'municipality_code_malformed' }),
  date: z.iso
    .date()
    .optional()
    .meta({ description: 'ISO date to decide for; today in the Netherlands when left out' }),
  household: z.object({
    type: z.enum(['single_parent', 'couple', 'other']),
    ageGroup: z.enum(['21_to_pension', 'pension', 'under_21', 'mixed']),
  }),
  income: z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('monthly_net'),
      cents: cents.meta({ description: 'net per month, without child benefit or allowances' }),
    }),
    z.object({ kind: z.literal('not_given') }),
  ]),
  assets: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('amount'), cents }),
      z.object({ kind: z.enum(['within_limit', 'over_limit', 'unknown']) }),
    ])
    .default({ kind: 'unknown' }),
  children: z
    .array(
      z.union([z.object({ age: z.number().int().min(0).max(30) }), z.object({ birthDate: z.iso.date() })]),
    )
    .min(1, { error: 'check_children_count' })
    .max(10, { error: 'check_children_count' }),
});
export type CheckRequest = z.infer<typeof checkRequestSchema>;

export type NextStep = 'apply_yourself' | 'ask_intermediary' | 'none';

export type ProvisionOutcome = {
  provision: Provision;
  evaluation: Evaluation;
  mainReason: Reason;
  nextStep: NextStep;
};

export type CheckResult = {
  date: string;
  children: { index: number; age: number | null; outcomes: ProvisionOutcome[] }[];
};

/** The one reason that decided: the first failing one, else the first open question, else the strongest pass. */
export function mainReason(evaluation: Evaluation): Reason {
  const { reasons } = evaluation;
  const by = (effect: Reason['effect']) => reasons.find((r) => r.effect === effect);
  if (evaluation.outcome === 'not_eligible') return by('fail')!;
  if (evaluation.outcome === 'undecided') return by('undecided')!;
  return reasons.filter((r) => r.effect === 'pass').at(-1) ?? reasons[0]!;
}

function nextStep(evaluation: Evaluation, provision: Provision): NextStep {
  if (evaluation.outcome === 'not_eligible') return 'none';
  return provision.applicationRoute === 'intermediary_only' ? 'ask_intermediary' : 'apply_yourself';
}

/** Evaluates every provision for every child of a household: pure, the same for the page and the API. */
export function checkHousehold(
  request: CheckRequest,
  provisions: readonly Provision[],
  parameters: Parameters,
  date: string,
): CheckResult {
  const household: Household = {
    municipality: request.municipality,
    ...request.household,
    income: request.income,
    assets: request.assets,
  };
  const children = request.children.map((child, index) => {
    const age = 'age' in child ? child.age : child.birthDate <= date ? ageOn(child.birthDate, date) : null;
    const outcomes = provisions.map((provision) => {
      const evaluation = evaluate({
        household,
        child,
        provision: {
          key: provision.key,
          ages: provision.ages,
          offeredIn:
            provision.offeredIn === 'nationwide' ? 'nationwide' : provision.offeredIn.map((m) => m.code),
          scheme: provision.scheme,
        },
        scheme: provision.scheme ? (parameters.schemes.get(provision.scheme) ?? null) : null,
        norms: parameters.norms,
        assetLimits: parameters.assetLimits,
        date,
      });
      return {
        provision,
        evaluation,
        mainReason: mainReason(evaluation),
        nextStep: nextStep(evaluation, provision),
      };
    });
    return { index, age, outcomes };
  });
  return { date, children };
}
