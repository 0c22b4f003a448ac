import { orderForDisplay, provisionsInMunicipality, type Provision } from '../catalogue/index.ts';
import { ageOn, type Evaluation } from '../eligibility/evaluate.ts';
import { checkHousehold, type CheckRequest, type CheckResult } from '../eligibility/check.ts';
import type { ReferenceParameters } from '../eligibility/parameters.ts';
import type { Reason } from '../eligibility/reasons.ts';
import { loadSchemes } from '../eligibility/scheme-store.ts';
import type { Queryable } from '../platform/db.ts';
import type { Locale } from '../platform/i18n.ts';
import type { FamilyAnswers } from './family-steps.ts';
import { applyPrecedence, precedenceRanks } from './precedence.ts';

/**
 * How a provision stands for one child: it may be chosen (eligible, or undecided for a handler to decide),
 * or not here: only through an intermediary, after another organisation (precedence), or not possible.
 */
export type OfferKind = 'selectable' | 'intermediary_only' | 'deferred' | 'not_eligible';

export type OfferOption = {
  provision: Provision;
  evaluation: Evaluation;
  mainReason: Reason;
  kind: OfferKind;
  /** For a deferred provision: the ones to apply for first. */
  deferredTo: Provision[];
};

export type ChildOffer = { index: number; firstName: string; age: number | null; options: OfferOption[] };

/** The check's request for these answers; null while a needed answer is missing. */
export function checkRequestFor(answers: FamilyAnswers): CheckRequest | null {
  const { municipality, householdType, ageGroup, income, assets, children } = answers;
  if (!municipality || !householdType || !ageGroup || !income || !assets || !children?.length) return null;
  return {
    municipality: municipality.code,
    household: { type: householdType, ageGroup },
    // "My intermediary vouches": no amount, so every income test is left to the handler (undecided).
    income: income.kind === 'monthly_net' ? income : { kind: 'not_given' },
    assets: { kind: assets },
    children: children.map((child) => ({ birthDate: child.birthDate })),
  };
}

/** Per child, every provision with its outcome and whether the family may choose it here. Pure. */
export function buildOffers(
  result: CheckResult,
  children: readonly { firstName: string; birthDate: string }[],
  ranks: ReadonlyMap<string, number>,
): ChildOffer[] {
  return result.children.map((child) => {
    const possible = child.outcomes.filter(
      (o) => o.evaluation.outcome !== 'not_eligible' && o.provision.applicationRoute !== 'intermediary_only',
    );
    const deferrals = applyPrecedence(
      possible.map((o) => ({
        key: o.provision.key,
        category: o.provision.category,
        handledBy: o.provision.handledBy.key,
      })),
      ranks,
    );
    const byKey = new Map(child.outcomes.map((o) => [o.provision.key, o.provision]));
    const options = child.outcomes.map((o): OfferOption => {
      const deferredTo = (deferrals.get(o.provision.key) ?? []).map((key) => byKey.get(key)!);
      const kind: OfferKind =
        o.evaluation.outcome === 'not_eligible'
          ? 'not_eligible'
          : o.provision.applicationRoute === 'intermediary_only'
            ? 'intermediary_only'
            : deferredTo.length > 0
              ? 'deferred'
              : 'selectable';
      return { provision: o.provision, evaluation: o.evaluation, mainReason: o.mainReason, kind, deferredTo };
    });
    const given = children[child.index]!;
    return {
      index: child.index,
      firstName: given.firstName,
      age: given.birthDate <= result.date ? ageOn(given.birthDate, result.date) : null,
      options,
    };
  });
}

/**
 * Loads the municipality's catalogue, the schemes it names and the precedence, and builds the offers: four
 * queries whatever the number of children or provisions.
 */
export async function loadOffers(
  db: Queryable,
  parameters: ReferenceParameters,
  answers: FamilyAnswers,
  today: string,
  locale: Locale,
): Promise<ChildOffer[] | null> {
  const request = checkRequestFor(answers);
  if (!request) return null;
  const provisions = orderForDisplay(await provisionsInMunicipality(db, request.municipality), locale);
  const [schemes, ranks] = await Promise.all([
    loadSchemes(
      db,
      provisions.flatMap((p) => (p.scheme ? [p.scheme] : [])),
    ),
    precedenceRanks(db, request.municipality),
  ]);
  const result = checkHousehold(request, provisions, { ...parameters, schemes }, today);
  return buildOffers(result, answers.children ?? [], ranks);
}

/** Per child, the keys that may be chosen. */
export function selectableKeys(offers: readonly ChildOffer[]): string[][] {
  return offers.map((child) =>
    child.options.filter((o) => o.kind === 'selectable').map((o) => o.provision.key),
  );
}

/** The chosen provisions that may still be chosen under the current answers (an answer may have changed). */
export function stillChosen(answers: FamilyAnswers, offers: readonly ChildOffer[]): OfferOption[][] {
  return offers.map((child) => {
    const chosen = new Set(answers.choices?.[child.index] ?? []);
    return child.options.filter((o) => o.kind === 'selectable' && chosen.has(o.provision.key));
  });
}
