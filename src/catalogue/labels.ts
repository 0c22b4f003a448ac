import { formatEuros, type Locale, type Translations } from '../platform/i18n.ts';
import type { AmountPeriod, ApplicationRoute, Category, Provision } from './provision.ts';

export const categoryLabels: Translations<Record<Category, string>> = {
  nl: {
    sport: 'Sport',
    culture: 'Cultuur (muziek, dans, theater)',
    school_costs: 'Schoolkosten',
    computer: 'Laptop of computer',
    bicycle: 'Fiets',
    birthday: 'Verjaardag',
    swimming_lessons: 'Zwemles',
    clothing: 'Kleding',
    outings: 'Uitjes',
    independent_living: 'Op jezelf wonen (18-21 jaar)',
    other: 'Overig',
  },
  en: {
    sport: 'Sport',
    culture: 'Culture (music, dance, theatre)',
    school_costs: 'School costs',
    computer: 'Laptop or computer',
    bicycle: 'Bicycle',
    birthday: 'Birthday',
    swimming_lessons: 'Swimming lessons',
    clothing: 'Clothing',
    outings: 'Outings',
    independent_living: 'Living on your own (18-21)',
    other: 'Other',
  },
};

export const applicationRouteLabels: Translations<Record<ApplicationRoute, string>> = {
  nl: {
    self_or_intermediary: 'Je kunt dit zelf aanvragen. Een school of hulpverlener mag het ook voor je doen.',
    intermediary_only:
      'Je kunt dit niet zelf aanvragen. Vraag het aan de school, de wijkteam-medewerker of een andere hulpverlener.',
  },
  en: {
    self_or_intermediary: 'You can apply yourself. A school or social worker may also apply for you.',
    intermediary_only:
      'You cannot apply yourself. Ask the school, the neighbourhood team or another social worker to apply for you.',
  },
};

export const applicationRouteShort: Translations<Record<ApplicationRoute, string>> = {
  nl: { self_or_intermediary: 'Zelf aanvragen', intermediary_only: 'Alleen via school of hulpverlener' },
  en: { self_or_intermediary: 'Apply yourself', intermediary_only: 'Only through school or social worker' },
};

const periodLabels: Translations<Record<AmountPeriod, string>> = {
  nl: {
    calendar_year: 'per kalenderjaar',
    school_year: 'per schooljaar',
    season: 'per seizoen',
    once: 'eenmalig',
  },
  en: {
    calendar_year: 'per calendar year',
    school_year: 'per school year',
    season: 'per season',
    once: 'once',
  },
};

export function describeAmount(amount: Provision['amount'], locale: Locale): string {
  if (!amount) return locale === 'nl' ? 'Hangt af van je situatie' : 'Depends on your situation';
  const euros = formatEuros(amount.cents, locale);
  const prefix = amount.kind === 'budget' ? (locale === 'nl' ? 'Tot ' : 'Up to ') : '';
  const worth = amount.kind === 'value' ? (locale === 'nl' ? 'Waarde ' : 'Worth ') : '';
  return `${prefix}${worth}${euros} ${periodLabels[locale][amount.period]}`;
}

export function describeAges(ages: Provision['ages'], locale: Locale): string {
  return locale === 'nl' ? `${ages.min} tot en met ${ages.max} jaar` : `${ages.min} to ${ages.max} years`;
}
