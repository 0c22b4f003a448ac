import { z } from 'zod';
import { checkRequestSchema, type CheckRequest } from './check.ts';

const request = checkRequestSchema.shape;

/**
 * What the self-check has been told so far; it lives only in the sealed token in the page address. Built
 * from the API's schema, so the pages accept exactly what the API accepts.
 */
export const answersSchema = z.object({
  municipality: z.object({ code: request.municipality, name: z.string() }).optional(),
  type: request.household.shape.type.optional(),
  ageGroup: request.household.shape.ageGroup.optional(),
  childAges: z.array(z.number().int().min(0).max(21)).min(1).max(10).optional(),
  income: request.income.optional(),
  assets: z.enum(['within_limit', 'over_limit', 'unknown']).optional(),
});
export type Answers = z.infer<typeof answersSchema>;

/** The questions in order; each page asks one. The slug is the page address (/check/<slug>). */
export const steps = ['woonplaats', 'huishouden', 'leeftijd', 'kinderen', 'inkomen', 'vermogen'] as const;
export type Step = (typeof steps)[number];

const answered: Record<Step, (a: Answers) => boolean> = {
  woonplaats: (a) => a.municipality !== undefined,
  huishouden: (a) => a.type !== undefined,
  leeftijd: (a) => a.ageGroup !== undefined,
  kinderen: (a) => a.childAges !== undefined,
  inkomen: (a) => a.income !== undefined,
  vermogen: (a) => a.assets !== undefined,
};

/** The first question not yet answered, or null when the result can be shown. */
export function firstOpenStep(answers: Answers): Step | null {
  return steps.find((step) => !answered[step](answers)) ?? null;
}

export function previousStep(step: Step): Step | null {
  const index = steps.indexOf(step);
  return index > 0 ? steps[index - 1]! : null;
}

export function nextStepAfter(step: Step, answers: Answers): Step | 'uitkomst' {
  const later = steps.slice(steps.indexOf(step) + 1).find((s) => !answered[s](answers));
  return later ?? firstOpenStep(answers) ?? 'uitkomst';
}

/** A complete set of answers as the request the API takes, so both give the same outcome. */
export function toCheckRequest(answers: Answers): CheckRequest | null {
  const { municipality, type, ageGroup, childAges, income, assets } = answers;
  if (!municipality || !type || !ageGroup || !childAges || !income || !assets) return null;
  return {
    municipality: municipality.code,
    household: { type, ageGroup },
    income,
    assets: { kind: assets },
    children: childAges.map((age) => ({ age })),
  };
}

/** Ages as a parent types them: "4, 10", "4 en 10", "4 10". */
export function parseChildAges(input: string): number[] | null {
  const parts = input
    .split(/[\s,;/+]+|\ben\b|\band\b/i)
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length === 0 || parts.length > 10 || parts.some((part) => !/^\d{1,2}$/.test(part))) return null;
  const ages = parts.map(Number);
  return ages.every((age) => age <= 21) ? ages : null;
}
