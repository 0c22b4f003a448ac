import { formatEuros, formatIsoDate, type Locale, type Translations } from '../platform/i18n.ts';

type Params = Record<string, string | number>;
type Text = (p: Params, locale: Locale) => string;

const euros = (cents: string | number | undefined, locale: Locale) => formatEuros(Number(cents), locale);
const date = (iso: string | number | undefined, locale: Locale) => formatIsoDate(String(iso), locale);
/** Schemes that leave holiday pay out compare with the norm without it (95%); say so, or 121% looks wrong. */
const withoutHoliday = (p: Params, locale: Locale) =>
  p.basis === 'excluded' ? (locale === 'nl' ? ' zonder vakantiegeld' : ' without holiday pay') : '';
const percentFormats: Record<Locale, Intl.NumberFormat> = {
  nl: new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }),
};
const percent = (value: string | number | undefined, locale: Locale) =>
  `${percentFormats[locale].format(Number(value))}%`;

export type ReasonEffect = 'pass' | 'fail' | 'undecided' | 'info';

/** Every reason an outcome can give: a stable code, what it does to the outcome, and B1 texts. */
export const reasonCatalogue = {
  not_offered_here: {
    effect: 'fail',
    text: {
      nl: () => 'Deze hulp is er niet in jouw gemeente.',
      en: () => 'This help is not offered in your municipality.',
    },
  },
  age_within: {
    effect: 'pass',
    text: {
      nl: (p) =>
        `Je kind is ${p.age} jaar. Deze hulp is voor kinderen van ${p.min} tot en met ${p.max} jaar.`,
      en: (p) => `Your child is ${p.age}. This help is for children aged ${p.min} to ${p.max}.`,
    },
  },
  age_outside: {
    effect: 'fail',
    text: {
      nl: (p) =>
        `Je kind is ${p.age} jaar. Deze hulp is alleen voor kinderen van ${p.min} tot en met ${p.max} jaar.`,
      en: (p) => `Your child is ${p.age}. This help is only for children aged ${p.min} to ${p.max}.`,
    },
  },
  child_age_unknown: {
    effect: 'undecided',
    text: {
      nl: () => 'We weten de leeftijd van je kind niet.',
      en: () => "We do not know your child's age.",
    },
  },
  no_rules_known: {
    effect: 'undecided',
    text: {
      nl: () => 'We kennen de regels van deze hulp niet. Een medewerker kijkt naar je situatie.',
      en: () => 'We do not know the rules of this help. A staff member will look at your situation.',
    },
  },
  rules_not_in_force: {
    effect: 'undecided',
    text: {
      nl: (p, l) =>
        `De regels gelden pas vanaf ${date(p.validFrom, l)}. Een medewerker kijkt naar je situatie.`,
      en: (p, l) =>
        `The rules only apply from ${date(p.validFrom, l)}. A staff member will look at your situation.`,
    },
  },
  no_income_test: {
    effect: 'pass',
    text: {
      nl: () => 'Voor deze hulp kijken ze niet naar je inkomen. Je school of hulpverlener vraagt het aan.',
      en: () => 'This help does not look at your income. Your school or social worker applies for you.',
    },
  },
  household_type_not_covered: {
    effect: 'undecided',
    text: {
      nl: () =>
        'Voor jouw soort huishouden kunnen we het hier niet uitrekenen. Een medewerker kijkt naar je situatie.',
      en: () =>
        'We cannot work this out here for your kind of household. A staff member will look at your situation.',
    },
  },
  household_age_not_covered: {
    effect: 'undecided',
    text: {
      nl: () => 'Voor jouw leeftijd gelden andere normen. Een medewerker kijkt naar je situatie.',
      en: () => 'Other norms apply at your age. A staff member will look at your situation.',
    },
  },
  norm_unknown_for_date: {
    effect: 'undecided',
    text: {
      nl: () => 'We kennen de bijstandsnorm voor deze datum niet. Een medewerker kijkt naar je situatie.',
      en: () =>
        'We do not know the social assistance norm for this date. A staff member will look at your situation.',
    },
  },
  norm_may_be_outdated: {
    effect: 'info',
    text: {
      nl: (p, l) =>
        `We rekenen met de bijstandsnorm van ${date(p.validFrom, l)}. Er kan al een nieuwe norm zijn. De uitkomst kan dus nog veranderen.`,
      en: (p, l) =>
        `We use the social assistance norm of ${date(p.validFrom, l)}. There may be a newer norm, so the outcome may still change.`,
    },
  },
  income_not_given: {
    effect: 'undecided',
    text: {
      nl: () => 'Je hebt je inkomen niet ingevuld. Je hulpverlener of een medewerker kijkt naar je situatie.',
      en: () =>
        'You did not give your income. Your social worker or a staff member will look at your situation.',
    },
  },
  income_within_threshold: {
    effect: 'pass',
    text: {
      nl: (p, l) =>
        `Je inkomen is ${euros(p.incomeCents, l)} per maand. Dat is ${percent(p.incomePercent, l)} van de bijstandsnorm${withoutHoliday(p, l)}. De grens is ${percent(p.thresholdPercent, l)} (${euros(p.thresholdCents, l)}).`,
      en: (p, l) =>
        `Your income is ${euros(p.incomeCents, l)} a month. That is ${percent(p.incomePercent, l)} of the social assistance norm${withoutHoliday(p, l)}. The limit is ${percent(p.thresholdPercent, l)} (${euros(p.thresholdCents, l)}).`,
    },
  },
  income_above_threshold: {
    effect: 'fail',
    text: {
      nl: (p, l) =>
        `Je inkomen is ${euros(p.incomeCents, l)} per maand. Dat is ${percent(p.incomePercent, l)} van de bijstandsnorm${withoutHoliday(p, l)}. Dat is meer dan de grens van ${percent(p.thresholdPercent, l)} (${euros(p.thresholdCents, l)}).`,
      en: (p, l) =>
        `Your income is ${euros(p.incomeCents, l)} a month. That is ${percent(p.incomePercent, l)} of the social assistance norm${withoutHoliday(p, l)}, above the limit of ${percent(p.thresholdPercent, l)} (${euros(p.thresholdCents, l)}).`,
    },
  },
  assets_within_limit: {
    effect: 'pass',
    text: {
      nl: (p, l) => `Je spaargeld en bezit zijn niet meer dan ${euros(p.limitCents, l)}.`,
      en: (p, l) => `Your savings and assets are not more than ${euros(p.limitCents, l)}.`,
    },
  },
  assets_above_limit: {
    effect: 'fail',
    text: {
      nl: (p, l) =>
        `Je spaargeld en bezit zijn meer dan ${euros(p.limitCents, l)}. Dat is te veel voor deze hulp.`,
      en: (p, l) =>
        `Your savings and assets are more than ${euros(p.limitCents, l)}. That is too much for this help.`,
    },
  },
  assets_unknown: {
    effect: 'undecided',
    text: {
      nl: (p, l) =>
        `We weten niet of je spaargeld en bezit meer zijn dan ${euros(p.limitCents, l)}. Een medewerker kijkt hiernaar.`,
      en: (p, l) =>
        `We do not know whether your savings and assets are more than ${euros(p.limitCents, l)}. A staff member will check.`,
    },
  },
  asset_limit_unknown_for_date: {
    effect: 'undecided',
    text: {
      nl: () => 'We kennen de vermogensgrens voor deze datum niet. Een medewerker kijkt hiernaar.',
      en: () => 'We do not know the asset limit for this date. A staff member will check.',
    },
  },
  asset_limit_may_be_outdated: {
    effect: 'info',
    text: {
      nl: (p, l) =>
        `We rekenen met de vermogensgrens van ${date(p.validFrom, l)}. Er kan al een nieuwe grens zijn.`,
      en: (p, l) => `We use the asset limit of ${date(p.validFrom, l)}. There may be a newer limit.`,
    },
  },
} satisfies Record<string, { effect: ReasonEffect; text: Translations<Text> }>;

export type ReasonCode = keyof typeof reasonCatalogue;

export type Reason = { code: ReasonCode; effect: ReasonEffect; params: Params; text: Translations<string> };

export function reason(code: ReasonCode, params: Params = {}): Reason {
  const entry = reasonCatalogue[code];
  const templates = entry.text as Translations<Text>;
  let text: Translations<string> | undefined;
  // Texts are written when first read: a full check makes hundreds of reasons and shows few of them.
  return {
    code,
    effect: entry.effect,
    params,
    get text() {
      text ??= { nl: templates.nl(params, 'nl'), en: templates.en(params, 'en') };
      return text;
    },
  };
}
