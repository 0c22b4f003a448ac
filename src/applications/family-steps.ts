import { z } from 'zod';
import { ageOn } from '../eligibility/evaluate.ts';
import { MAX_CENTS } from '../eligibility/check.ts';
import type { PostcodeLookup } from '../municipalities/index.ts';
import { postcodeMessages } from '../municipalities/index.ts';
import type { Locale } from '../platform/i18n.ts';
import { parseEuroAmount } from '../platform/money-input.ts';
import type { FieldError } from '../platform/validation.ts';
import { localiseChildIdentityErrors, normaliseChildIdentity } from './child-key.ts';
import { familyMessages } from './family-messages.ts';
import { incomeSources } from './schema.ts';

export const MAX_CHILDREN = 10;
/** From this age a young person may consent, and so apply, for themself (UAVG art. 5). */
export const AGE_OF_CONSENT = 16;
const MAX_EMAIL_LENGTH = 254;
const MAX_PHONE_LENGTH = 30;

/**
 * What the family has told so far, as saved in the draft. Each field is optional: a draft is filled step by
 * step, and a draft saved by an older version that no longer parses is simply started again.
 */
export const familyAnswersSchema = z.object({
  postcode: z.string().optional(),
  houseNumber: z.string().optional(),
  municipality: z.object({ code: z.string(), name: z.string() }).optional(),
  householdType: z.enum(['single_parent', 'couple', 'other']).optional(),
  ageGroup: z.enum(['21_to_pension', 'pension', 'under_21', 'mixed']).optional(),
  incomeSource: z.enum(incomeSources).optional(),
  income: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('monthly_net'), cents: z.number().int().min(0).max(MAX_CENTS) }),
      z.object({ kind: z.literal('vouched') }),
    ])
    .optional(),
  assets: z.enum(['within_limit', 'over_limit', 'unknown']).optional(),
  children: z
    .array(z.object({ firstName: z.string(), birthDate: z.string() }))
    .max(MAX_CHILDREN)
    .optional(),
  childrenDone: z.boolean().optional(),
  /** Per child (same order as children), the chosen provision keys. */
  choices: z.array(z.array(z.string())).optional(),
  contact: z
    .object({ email: z.string().nullable(), phone: z.string().nullable(), locale: z.enum(['nl', 'en']) })
    .optional(),
  /** Who consented, and the exact statement shown, in the language it was read in. */
  consent: z.object({ by: z.enum(['parent', 'young_person']), text: z.string() }).optional(),
});
export type FamilyAnswers = z.infer<typeof familyAnswersSchema>;

/** The pages in order; each asks one question or a small group. The slug is the address /aanvragen/<slug>. */
export const familySteps = [
  'woonplaats',
  'huishouden',
  'inkomstenbron',
  'inkomen',
  'kinderen',
  'voorzieningen',
  'contact',
  'toestemming',
  'controleren',
] as const;
export type FamilyStep = (typeof familySteps)[number];
/** The steps that take an answer; the last one only shows them all. */
export type QuestionStep = Exclude<FamilyStep, 'controleren'>;

export function isFamilyStep(value: string): value is FamilyStep {
  return (familySteps as readonly string[]).includes(value);
}

/** A young person applies only for themself: one child, who is 16 or older today. */
export function youngPersonMayApply(answers: FamilyAnswers, today: string): boolean {
  const children = answers.children ?? [];
  return children.length === 1 && ageOn(children[0]!.birthDate, today) >= AGE_OF_CONSENT;
}

const answered: Record<QuestionStep, (a: FamilyAnswers, today: string) => boolean> = {
  woonplaats: (a) => Boolean(a.municipality && a.postcode && a.houseNumber),
  huishouden: (a) => Boolean(a.householdType && a.ageGroup),
  inkomstenbron: (a) => a.incomeSource !== undefined,
  inkomen: (a) => a.income !== undefined && a.assets !== undefined,
  kinderen: (a) => (a.children?.length ?? 0) > 0 && a.childrenDone === true,
  voorzieningen: (a) => (a.choices ?? []).some((keys) => keys.length > 0),
  contact: (a) => a.contact !== undefined,
  toestemming: (a, today) =>
    a.consent !== undefined && (a.consent.by === 'parent' || youngPersonMayApply(a, today)),
};

/** The first step without an answer; the check-your-answers page once everything is answered. */
export function firstOpenStep(answers: FamilyAnswers, today: string): FamilyStep {
  return (
    familySteps.find((step) => step !== 'controleren' && !answered[step](answers, today)) ?? 'controleren'
  );
}

/** After an answer: the next step still open after this one, else any open one, else the check page. */
export function nextStepAfter(step: QuestionStep, answers: FamilyAnswers, today: string): FamilyStep {
  const later = familySteps
    .slice(familySteps.indexOf(step) + 1)
    .find((s) => s !== 'controleren' && !answered[s](answers, today));
  return later ?? firstOpenStep(answers, today);
}

/** Whether a page may be shown: every step before it is answered. */
export function mayShow(step: FamilyStep, answers: FamilyAnswers, today: string): boolean {
  return familySteps.indexOf(step) <= familySteps.indexOf(firstOpenStep(answers, today));
}

export function previousStep(step: FamilyStep): FamilyStep | null {
  const index = familySteps.indexOf(step);
  return index > 0 ? familySteps[index - 1]! : null;
}

export type Body = Record<string, string | string[] | undefined>;

/** The form's fields: strings, and lists for repeated names (checkboxes); anything else is ignored. */
export function formFields(raw: unknown): Body {
  if (typeof raw !== 'object' || raw === null) return {};
  const body: Body = {};
  for (const [name, value] of Object.entries(raw)) {
    if (typeof value === 'string') body[name] = value;
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) body[name] = value;
  }
  return body;
}

/** One value of a field; a repeated field where one value is expected counts as not given. */
export function single(body: Body, name: string): string {
  const value = body[name];
  return typeof value === 'string' ? value.trim() : '';
}

function list(body: Body, name: string): string[] {
  const value = body[name];
  return typeof value === 'string' ? [value] : (value ?? []);
}

/** What a step page shows besides the saved answers: what was typed, errors, a municipality choice. */
export type StepView = {
  values?: Body;
  errors?: FieldError[];
  split?: { postcode: string; houseNumber: string; areas: { code: string; name: string }[] };
  formExpired?: boolean;
};

/** What a step needs from outside: the date, the postcode lookup, and the provisions each child may choose. */
export type StepInput = {
  today: string;
  locale: Locale;
  findPostcode: (postcode: string) => Promise<PostcodeLookup>;
  /** Per child, the keys of the provisions that may be chosen (eligible or undecided, not deferred). */
  selectable: () => Promise<string[][]>;
};

export type StepOutcome = { answers: FamilyAnswers; stay?: boolean } | StepView;

const PHONE = /^\+?[0-9]{10,15}$/;

/**
 * Applies the answer to one step: the new answers (and whether to stay on the page, as after adding a
 * child), or the page again with its errors. Only the lookups come from outside; the rest is pure.
 */
export async function applyFamilyAnswer(
  step: QuestionStep,
  body: Body,
  answers: FamilyAnswers,
  input: StepInput,
): Promise<StepOutcome> {
  const { locale, today } = input;
  const text = familyMessages[locale];
  const invalid = (errors: FieldError[]): StepView => ({ values: body, errors });
  const error = (field: string, message: string, code = 'invalid'): FieldError => ({ field, code, message });

  switch (step) {
    case 'woonplaats': {
      const postcode = single(body, 'postcode');
      const houseNumber = single(body, 'houseNumber');
      // The child key's own rules check the address, so what is accepted here can always be keyed.
      const checked = normaliseChildIdentity(
        { firstName: 'xx', birthDate: today, postcode, houseNumber },
        today,
      );
      if (!checked.ok) return invalid(localiseChildIdentityErrors(checked.errors, locale));
      const lookup = await input.findPostcode(postcode);
      if (lookup.kind !== 'found')
        return invalid([error('postcode', postcodeMessages.postcode_unknown[locale], 'postcode_unknown')]);
      const areas = lookup.areas.map((a) => ({ code: a.municipalityCode, name: a.municipalityName }));
      const chosen =
        areas.length === 1 ? areas[0] : areas.find((a) => a.code === single(body, 'municipality'));
      if (!chosen) {
        const errors = single(body, 'kiezen') === '1' ? [error('municipality', text.choose, 'required')] : [];
        return { split: { postcode: lookup.postcode, houseNumber, areas }, errors };
      }
      const moved = answers.municipality?.code !== chosen.code;
      return {
        answers: {
          ...answers,
          postcode: checked.identity.postcode,
          houseNumber,
          municipality: chosen,
          // Another municipality has another catalogue: what was chosen there is chosen again.
          choices: moved ? undefined : answers.choices,
        },
      };
    }
    case 'huishouden': {
      const type = familyAnswersSchema.shape.householdType.safeParse(
        single(body, 'householdType') || undefined,
      );
      const age = familyAnswersSchema.shape.ageGroup.safeParse(single(body, 'ageGroup') || undefined);
      const errors: FieldError[] = [];
      if (!type.success || !type.data) errors.push(error('householdType', text.choose, 'required'));
      if (!age.success || !age.data || (age.data === 'mixed' && type.data !== 'couple'))
        errors.push(error('ageGroup', text.choose, 'required'));
      if (errors.length > 0) return invalid(errors);
      return { answers: { ...answers, householdType: type.data, ageGroup: age.data } };
    }
    case 'inkomstenbron': {
      const parsed = familyAnswersSchema.shape.incomeSource.safeParse(
        single(body, 'incomeSource') || undefined,
      );
      if (!parsed.success || !parsed.data) return invalid([error('incomeSource', text.choose, 'required')]);
      return { answers: { ...answers, incomeSource: parsed.data } };
    }
    case 'inkomen': {
      const errors: FieldError[] = [];
      const vouched = single(body, 'vouch') === 'yes';
      const cents = vouched ? null : parseEuroAmount(single(body, 'income'));
      if (!vouched && (cents === null || cents > MAX_CENTS))
        errors.push(error('income', text.income.amountError, 'income_amount'));
      const assets = familyAnswersSchema.shape.assets.safeParse(single(body, 'assets') || undefined);
      if (!assets.success || !assets.data) errors.push(error('assets', text.choose, 'required'));
      if (errors.length > 0) return invalid(errors);
      const income = vouched ? { kind: 'vouched' as const } : { kind: 'monthly_net' as const, cents: cents! };
      return { answers: { ...answers, income, assets: assets.data } };
    }
    case 'kinderen':
      return applyChildren(body, answers, input);
    case 'voorzieningen': {
      const selectable = await input.selectable();
      const choices = selectable.map((keys, index) => {
        const chosen = new Set(list(body, `kind-${index}`));
        return keys.filter((key) => chosen.has(key));
      });
      if (!choices.some((keys) => keys.length > 0))
        return invalid([error('kind-0', text.provisions.chooseOne, 'required')]);
      return { answers: { ...answers, choices } };
    }
    case 'contact': {
      const email = single(body, 'email').toLowerCase();
      const phone = single(body, 'phone');
      const language = single(body, 'language');
      const errors: FieldError[] = [];
      if (email === '' && phone === '') errors.push(error('email', text.contact.neither, 'contact_required'));
      if (email !== '' && (email.length > MAX_EMAIL_LENGTH || !z.email().safeParse(email).success))
        errors.push(error('email', text.contact.emailError, 'email_malformed'));
      if (phone !== '' && (phone.length > MAX_PHONE_LENGTH || !PHONE.test(phone.replace(/[\s\-().]/g, ''))))
        errors.push(error('phone', text.contact.phoneError, 'phone_malformed'));
      if (language !== 'nl' && language !== 'en') errors.push(error('language', text.choose, 'required'));
      if (errors.length > 0) return invalid(errors);
      return {
        answers: {
          ...answers,
          contact: { email: email || null, phone: phone || null, locale: language as Locale },
        },
      };
    }
    case 'toestemming': {
      const by = single(body, 'by');
      const errors: FieldError[] = [];
      if (by !== 'parent' && by !== 'young_person') errors.push(error('by', text.choose, 'required'));
      else if (by === 'young_person' && !youngPersonMayApply(answers, today))
        errors.push(error('by', text.consent.youngPersonOnlyOwn, 'young_person_only_own'));
      if (single(body, 'agree') !== 'yes')
        errors.push(error('agree', text.consent.mustAgree, 'consent_required'));
      if (errors.length > 0) return invalid(errors);
      const who = by as 'parent' | 'young_person';
      return { answers: { ...answers, consent: { by: who, text: consentText(who, locale) } } };
    }
  }
}

/**
 * The statement as one text, exactly as shown, with the choice of who applies: what the family agreed to is
 * stored with the application.
 */
export function consentText(by: 'parent' | 'young_person', locale: Locale): string {
  const text = familyMessages[locale].consent;
  return [by === 'parent' ? text.parent : text.young_person, ...text.statement].join(' ');
}

/** Adds a child (checked by the child key's own rules and messages), removes one, or goes on. */
function applyChildren(body: Body, answers: FamilyAnswers, input: StepInput): StepOutcome {
  const { locale, today } = input;
  const text = familyMessages[locale].children;
  const children = answers.children ?? [];
  // A change of children changes whose provisions were chosen: those are chosen again.
  const changed = (next: FamilyAnswers['children'], done: boolean): StepOutcome => ({
    answers: { ...answers, children: next, childrenDone: done, choices: undefined },
    stay: !done,
  });

  const remove = single(body, 'remove');
  if (remove !== '') {
    const index = Number(remove);
    if (!Number.isInteger(index) || index < 0 || index >= children.length) return { values: {} };
    return changed(
      children.filter((_, i) => i !== index),
      false,
    );
  }
  const firstName = single(body, 'firstName');
  const birthDate = single(body, 'birthDate');
  const addAnother = single(body, 'action') === 'add';
  if (firstName === '' && birthDate === '' && children.length > 0 && !addAnother)
    return { answers: { ...answers, childrenDone: true } };
  const checked = normaliseChildIdentity(
    { firstName, birthDate, postcode: answers.postcode ?? '', houseNumber: answers.houseNumber ?? '' },
    today,
  );
  const errors = checked.ok
    ? []
    : localiseChildIdentityErrors(
        checked.errors.filter((e) => e.field === 'firstName' || e.field === 'birthDate'),
        locale,
      );
  if (errors.length === 0 && children.length >= MAX_CHILDREN)
    errors.push({ field: 'firstName', code: 'too_many_children', message: text.tooMany });
  if (errors.length > 0) return { values: body, errors };
  return changed([...children, { firstName, birthDate }], !addAnother);
}
