import type { Evaluation } from '../eligibility/evaluate.ts';
import { childKey, normaliseChildIdentity } from './child-key.ts';
import type { OfferOption } from './family-offer.ts';
import { firstOpenStep, type FamilyAnswers, type FamilyStep } from './family-steps.ts';
import type { Submission } from './submit.ts';

/**
 * The self-check's outcome as the handler sees it later: the outcome, the rule version and the reasons by
 * code (their texts are rebuilt in the handler's language), not the family's answers again.
 */
export function eligibilitySnapshot(evaluation: Evaluation, date: string) {
  return {
    outcome: evaluation.outcome,
    date,
    incomePercentOfNorm: evaluation.incomePercentOfNorm,
    norm: evaluation.norm,
    threshold: evaluation.threshold,
    reasons: evaluation.reasons.map((r) => ({ code: r.code, effect: r.effect, params: r.params })),
  };
}

/**
 * The Submission for complete answers and the provisions still chosen, or the step to go back to. Pure:
 * the child keys are computed here with the child-key secret, over the child-key normalisation.
 */
export function familySubmission(
  answers: FamilyAnswers,
  chosen: readonly OfferOption[][],
  input: { submissionKey: string; childKeySecret: string; today: string },
): { submission: Submission } | { open: FamilyStep } {
  const open = firstOpenStep(answers, input.today);
  if (open !== 'controleren') return { open };
  if (!chosen.some((options) => options.length > 0)) return { open: 'voorzieningen' };
  const { municipality, postcode, houseNumber, householdType, incomeSource, income, contact, consent } =
    answers;
  const children: Submission['children'] = [];
  for (const [index, child] of (answers.children ?? []).entries()) {
    const options = chosen[index] ?? [];
    if (options.length === 0) continue;
    const normalised = normaliseChildIdentity(
      {
        firstName: child.firstName,
        birthDate: child.birthDate,
        postcode: postcode!,
        houseNumber: houseNumber!,
      },
      input.today,
    );
    if (!normalised.ok) return { open: 'kinderen' };
    children.push({
      firstName: child.firstName,
      birthDate: child.birthDate,
      childKey: childKey(input.childKeySecret, normalised.identity),
      provisions: options.map((o) => ({
        key: o.provision.key,
        handledBy: o.provision.handledBy.key,
        eligibility: eligibilitySnapshot(o.evaluation, input.today),
      })),
    });
  }
  return {
    submission: {
      submissionKey: input.submissionKey,
      channel: 'family',
      intermediary: null,
      municipalityCode: municipality!.code,
      postcode: postcode!,
      houseNumber: houseNumber!,
      householdType: householdType!,
      incomeSource: incomeSource!,
      netIncomeCents: income!.kind === 'monthly_net' ? income!.cents : null,
      intermediaryVouches: income!.kind === 'vouched',
      contactEmail: contact!.email,
      contactPhone: contact!.phone,
      locale: contact!.locale,
      consent: { text: consent!.text, by: consent!.by },
      children,
    },
  };
}
