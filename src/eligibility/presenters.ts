import { z } from 'zod';
import type { CheckResult } from './check.ts';

const reasonResource = z.object({
  code: z.string(),
  effect: z.enum(['pass', 'fail', 'undecided', 'info']),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  text: z.object({ nl: z.string(), en: z.string() }),
});

export const checkResultResource = z.object({
  date: z.string(),
  municipality: z.object({ code: z.string(), name: z.string() }),
  children: z.array(
    z.object({
      index: z.number().int(),
      age: z.number().int().nullable(),
      provisions: z.array(
        z.object({
          id: z.string(),
          name: z.object({ nl: z.string(), en: z.string() }),
          category: z.string(),
          handledBy: z.object({ key: z.string(), name: z.string() }),
          outcome: z.enum(['eligible', 'not_eligible', 'undecided']),
          incomePercentOfNorm: z.number().nullable(),
          norm: z
            .object({
              cents: z.number().int(),
              basis: z.enum(['including_holiday_allowance', 'excluding_holiday_allowance']),
              validFrom: z.string(),
              source: z.string(),
              mayBeOutdated: z.boolean(),
            })
            .nullable(),
          threshold: z
            .object({
              percent: z.number(),
              cents: z.number().int(),
              scheme: z.string(),
              version: z.number().int(),
              validFrom: z.string(),
              source: z.string(),
            })
            .nullable(),
          reason: reasonResource.meta({ description: 'the one reason that decided, for a one-line answer' }),
          reasons: z.array(reasonResource),
          nextStep: z.enum(['apply_yourself', 'ask_intermediary', 'none']),
          example: z.boolean(),
        }),
      ),
    }),
  ),
});

export function presentCheckResult(result: CheckResult, municipality: { code: string; name: string }) {
  return {
    date: result.date,
    municipality,
    children: result.children.map((child) => ({
      index: child.index,
      age: child.age,
      provisions: child.outcomes.map(({ provision, evaluation, mainReason, nextStep }) => ({
        id: provision.key,
        name: provision.name,
        category: provision.category,
        handledBy: { key: provision.handledBy.key, name: provision.handledBy.name },
        outcome: evaluation.outcome,
        incomePercentOfNorm: evaluation.incomePercentOfNorm,
        norm: evaluation.norm,
        threshold: evaluation.threshold,
        reason: mainReason,
        reasons: evaluation.reasons,
        nextStep,
        example: provision.isExample,
      })),
    })),
  };
}
