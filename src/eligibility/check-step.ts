import type { PostcodeLookup } from '../municipalities/index.ts';
import { postcodeMessages } from '../municipalities/index.ts';
import type { Locale } from '../platform/i18n.ts';
import type { FieldError } from '../platform/validation.ts';
import { answersSchema, parseChildAges, type Answers, type Step } from './check-answers.ts';
import { MAX_CENTS } from './check.ts';
import { checkMessages } from './check-messages.ts';
import { parseEuroAmount } from '../platform/money-input.ts';

export type Body = Record<string, string | undefined>;

/** What a question page shows besides the answers so far: typed values, errors, a municipality choice. */
export type StepView = {
  values?: Body;
  errors?: FieldError[];
  split?: { postcode: string; areas: { code: string; name: string }[] };
};

/** Only single text values count as answers: a repeated or structured field is treated as not given. */
export function textFields(raw: unknown): Body {
  if (typeof raw !== 'object' || raw === null) return {};
  return Object.fromEntries(
    Object.entries(raw).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

/**
 * Applies the answer to one question: the new answers, or the page again with its errors, or the choice
 * of municipality for a split postcode. The postcode lookup is passed in; everything else is pure.
 */
export async function applyAnswer(
  step: Step,
  body: Body,
  answers: Answers,
  locale: Locale,
  findPostcode: (postcode: string) => Promise<PostcodeLookup>,
): Promise<{ answers: Answers } | StepView> {
  const text = checkMessages[locale];
  const fieldError = (field: string, message: string, code = 'invalid'): StepView => ({
    values: body,
    errors: [{ field, code, message }],
  });
  switch (step) {
    case 'woonplaats': {
      const lookup = await findPostcode(body.postcode ?? '');
      if (lookup.kind !== 'found') {
        const code =
          (body.postcode ?? '').trim() === ''
            ? 'postcode_required'
            : lookup.kind === 'malformed'
              ? 'postcode_malformed'
              : 'postcode_unknown';
        return fieldError('postcode', postcodeMessages[code][locale], code);
      }
      const areas = lookup.areas.map((a) => ({ code: a.municipalityCode, name: a.municipalityName }));
      const chosen = areas.length === 1 ? areas[0] : areas.find((a) => a.code === body.municipality);
      if (!chosen) {
        // The choice page says "kiezen": sent from there without a choice, it asks again with a message.
        const errors =
          body.kiezen === '1' ? [{ field: 'municipality', code: 'required', message: text.choose }] : [];
        return { split: { postcode: lookup.postcode, areas }, errors };
      }
      return { answers: { ...answers, municipality: chosen } };
    }
    case 'huishouden': {
      const parsed = answersSchema.shape.type.safeParse(body.type);
      if (!parsed.success || !parsed.data) return fieldError('type', text.choose, 'required');
      // A different household can make the earlier age answer impossible (only couples are "mixed").
      const ageGroup =
        parsed.data !== 'couple' && answers.ageGroup === 'mixed' ? undefined : answers.ageGroup;
      return { answers: { ...answers, type: parsed.data, ageGroup } };
    }
    case 'leeftijd': {
      const parsed = answersSchema.shape.ageGroup.safeParse(body.ageGroup);
      if (!parsed.success || !parsed.data || (parsed.data === 'mixed' && answers.type !== 'couple')) {
        return fieldError('ageGroup', text.choose, 'required');
      }
      return { answers: { ...answers, ageGroup: parsed.data } };
    }
    case 'kinderen': {
      const ages = parseChildAges(body.childAges ?? '');
      if (!ages) return fieldError('childAges', text.children.error, 'check_children_ages');
      return { answers: { ...answers, childAges: ages } };
    }
    case 'inkomen': {
      if (body.unknown === 'yes') return { answers: { ...answers, income: { kind: 'not_given' } } };
      const cents = parseEuroAmount(body.income ?? '');
      if (cents === null || cents > MAX_CENTS)
        return fieldError('income', text.income.error, 'check_income_amount');
      return { answers: { ...answers, income: { kind: 'monthly_net', cents } } };
    }
    case 'vermogen': {
      const parsed = answersSchema.shape.assets.safeParse(body.assets);
      if (!parsed.success || !parsed.data) return fieldError('assets', text.choose, 'required');
      return { answers: { ...answers, assets: parsed.data } };
    }
  }
}
