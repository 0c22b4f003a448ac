import { provisionsInMunicipality } from '../catalogue/index.ts';
import { checkHousehold, type CheckRequest } from '../eligibility/check.ts';
import type { ReferenceParameters } from '../eligibility/parameters.ts';
import { loadSchemes } from '../eligibility/scheme-store.ts';
import { lookupPostcode, postcodeMessages } from '../municipalities/index.ts';
import type { Queryable } from '../platform/db.ts';
import type { ReferenceSnapshot } from '../platform/reference-changes/index.ts';
import type { Locale, Translations } from '../platform/i18n.ts';
import { registerFieldMessages, type FieldError } from '../platform/validation.ts';
import type { ApplicationRequest } from './api-schema.ts';
import { childKey, localiseChildIdentityErrors, normaliseChildIdentity } from './child-key.ts';
import { buildOffers, type OfferKind } from './family-offer.ts';
import { familyMessages } from './family-messages.ts';
import { eligibilitySnapshot } from './family-send.ts';
import { youngPersonMayApply } from './family-steps.ts';
import { precedenceRanks } from './precedence.ts';
import type { itemStatuses } from './schema.ts';
import type { Submission } from './submit.ts';

const messages = {
  municipality_not_of_postcode: {
    nl: 'Deze postcode ligt niet in deze gemeente. Zoek de gemeente op met /api/v1/municipalities?postcode=.',
    en: 'This postcode is not in this municipality. Look the municipality up with /api/v1/municipalities?postcode=.',
  },
  provision_not_offered: {
    nl: 'Deze voorziening bestaat niet of is er niet in deze gemeente.',
    en: 'This provision does not exist or is not offered in this municipality.',
  },
  provision_not_eligible: {
    nl: 'Dit kind kan deze voorziening niet krijgen. De check (/api/v1/eligibility/check) zegt waarom.',
    en: 'This child cannot get this provision. The check (/api/v1/eligibility/check) says why.',
  },
  provision_intermediary_only: {
    nl: 'Deze voorziening vraag je aan via een intermediair, niet zelf.',
    en: 'This provision is applied for through an intermediary, not by the family.',
  },
  provision_deferred: {
    nl: 'Vraag eerst de voorziening van de gemeente voor hetzelfde aan; deze komt daarna.',
    en: "Apply first for the municipality's provision for the same thing; this one comes after it.",
  },
} satisfies Record<string, Translations<string>>;
registerFieldMessages(messages);

const offerErrors: Record<Exclude<OfferKind, 'selectable'>, keyof typeof messages> = {
  not_eligible: 'provision_not_eligible',
  intermediary_only: 'provision_intermediary_only',
  deferred: 'provision_deferred',
};

/** One item of the answer: no names, no dates; the caller knows which child it sent at which index. */
export type ApiItem = {
  child: number;
  provision: string;
  handledBy: string;
  status: (typeof itemStatuses)[number];
};

export type SubmissionInput = {
  submissionKey: string;
  childKeySecret: string;
  today: string;
  locale: Locale;
};

export type Prepared =
  { ok: true; submission: Submission; items: ApiItem[] } | { ok: false; errors: FieldError[] };

/** The same order for a first answer and a repeated one. */
export function sortItems(items: ApiItem[]): ApiItem[] {
  return items.sort((a, b) => a.child - b.child || a.provision.localeCompare(b.provision));
}

/** Field errors that need no database: the child-key rules for names, dates and address, and who consents. */
function checkIdentities(body: ApplicationRequest, today: string, locale: Locale) {
  const errors: FieldError[] = [];
  const addressErrors = new Map<string, FieldError>();
  const identities = body.children.map((child, index) => {
    const result = normaliseChildIdentity(
      {
        firstName: child.firstName,
        birthDate: child.birthDate,
        postcode: body.postcode,
        houseNumber: body.houseNumber,
      },
      today,
    );
    if (result.ok) return result.identity;
    for (const error of localiseChildIdentityErrors(result.errors, locale)) {
      // The address is the household's, so its errors are named once, at the top level.
      if (error.field === 'postcode' || error.field === 'houseNumber') addressErrors.set(error.field, error);
      else errors.push({ ...error, field: `children[${index}].${error.field}` });
    }
    return null;
  });
  errors.unshift(...addressErrors.values());
  if (
    errors.length === 0 &&
    body.consent.by === 'young_person' &&
    !youngPersonMayApply({ children: body.children }, today)
  ) {
    errors.push({
      field: 'consent.by',
      code: 'young_person_only_own',
      message: familyMessages[locale].consent.youngPersonOnlyOwn,
    });
  }
  return { errors, identities };
}

/**
 * What checking a request needs from the database: the postcode's areas, the provisions offered in the
 * municipality with their schemes, and its routing precedence. Kept in memory while unchanged, so a
 * submission reads only the change counter before it is stored.
 */
async function submissionReference(
  db: Queryable,
  reference: ReferenceSnapshot,
  municipality: string,
  postcode: string,
) {
  const [lookup, offered, ranks] = await Promise.all([
    // The areas depend on the four digits only (the full postcode in the answer is not used here).
    reference.get(`postcode:${postcode.slice(0, 4)}`, () => lookupPostcode(db, postcode)),
    reference.get(`provisions:${municipality}`, () => provisionsInMunicipality(db, municipality)),
    reference.get(`precedence:${municipality}`, () => precedenceRanks(db, municipality)),
  ]);
  const schemes = await reference.get(`schemes:${municipality}`, () =>
    loadSchemes(
      db,
      offered.flatMap((p) => (p.scheme ? [p.scheme] : [])),
    ),
  );
  return { lookup, provisions: offered, ranks, schemes };
}

const fieldError = (field: string, code: keyof typeof messages, locale: Locale): FieldError => ({
  field,
  code,
  message: messages[code][locale],
});

/**
 * Checks an API request against the address, the catalogue and the eligibility rules, as the pages do:
 * every provision must be one the family could choose on /aanvragen (offered here, eligible or undecided, not
 * only through an intermediary, not deferred to the municipality's own). Then builds the Submission, with a
 * snapshot of the check's outcome and a child key per child. Nothing is stored here.
 */
export async function prepareApiSubmission(
  db: Queryable,
  reference: ReferenceSnapshot,
  parameters: ReferenceParameters,
  body: ApplicationRequest,
  input: SubmissionInput,
): Promise<Prepared> {
  const { today, locale } = input;
  const checked = checkIdentities(body, today, locale);
  if (checked.errors.length > 0) return { ok: false, errors: checked.errors };
  const identities = checked.identities.map((identity) => identity!);
  const postcode = identities[0]!.postcode;

  const { lookup, provisions, ranks, schemes } = await submissionReference(
    db,
    reference,
    body.municipality,
    postcode,
  );
  if (lookup.kind !== 'found')
    return {
      ok: false,
      errors: [
        { field: 'postcode', code: 'postcode_unknown', message: postcodeMessages.postcode_unknown[locale] },
      ],
    };
  if (!lookup.areas.some((area) => area.municipalityCode === body.municipality))
    return { ok: false, errors: [fieldError('municipality', 'municipality_not_of_postcode', locale)] };

  const request: CheckRequest = {
    municipality: body.municipality,
    household: { type: body.householdType, ageGroup: body.ageGroup },
    // "The intermediary vouches": no amount, so every income test is left to the handler (undecided).
    income: body.income.kind === 'monthly_net' ? body.income : { kind: 'not_given' },
    assets: { kind: body.assets },
    children: body.children.map((child) => ({ birthDate: child.birthDate })),
  };
  // Only the provisions asked for, and those of their categories that precedence could defer them to,
  // decide the answer: the rest of the municipality's catalogue need not be checked.
  const asked = new Set(body.children.flatMap((child) => child.provisions));
  const categories = new Set(provisions.filter((p) => asked.has(p.key)).map((p) => p.category));
  const relevant = provisions.filter((p) => categories.has(p.category));
  const result = checkHousehold(request, relevant, { ...parameters, schemes }, today);
  const offers = buildOffers(result, body.children, ranks);

  const errors: FieldError[] = [];
  const items: ApiItem[] = [];
  const children: Submission['children'] = body.children.map((child, index) => {
    const options = new Map(offers[index]!.options.map((option) => [option.provision.key, option]));
    const chosen = child.provisions.flatMap((key, position) => {
      const option = options.get(key);
      const field = `children[${index}].provisions[${position}]`;
      if (!option) errors.push(fieldError(field, 'provision_not_offered', locale));
      else if (option.kind !== 'selectable') errors.push(fieldError(field, offerErrors[option.kind], locale));
      else return [option];
      return [];
    });
    for (const option of chosen)
      items.push({
        child: index,
        provision: option.provision.key,
        handledBy: option.provision.handledBy.key,
        status: 'submitted',
      });
    return {
      firstName: child.firstName.trim(),
      birthDate: child.birthDate,
      childKey: childKey(input.childKeySecret, identities[index]!),
      provisions: chosen.map((option) => ({
        key: option.provision.key,
        handledBy: option.provision.handledBy.key,
        eligibility: eligibilitySnapshot(option.evaluation, today),
      })),
    };
  });
  if (errors.length > 0) return { ok: false, errors };

  const submission: Submission = {
    submissionKey: input.submissionKey,
    channel: 'family',
    intermediary: null,
    municipalityCode: body.municipality,
    postcode,
    houseNumber: body.houseNumber.trim(),
    householdType: body.householdType,
    incomeSource: body.incomeSource,
    netIncomeCents: body.income.kind === 'monthly_net' ? body.income.cents : null,
    intermediaryVouches: body.income.kind === 'intermediary_vouches',
    contactEmail: body.contact.email?.trim().toLowerCase() ?? null,
    contactPhone: body.contact.phone?.trim() ?? null,
    locale: body.locale,
    consent: { by: body.consent.by, text: body.consent.text },
    children,
  };
  return { ok: true, submission, items: sortItems(items) };
}
