import type { Locale } from '../platform/i18n.ts';

/** The life domains in which poverty touches a child (the list; the same for practices). */
export const lifeDomains = [
  'school',
  'housing',
  'safety',
  'health',
  'money',
  'parents_work',
  'social_network',
  'leisure',
  'basic_needs',
] as const;
export type LifeDomain = (typeof lifeDomains)[number];

export const lifeDomainLabels: Record<Locale, Record<LifeDomain, string>> = {
  nl: {
    school: 'School',
    housing: 'Wonen en buurt',
    safety: 'Veiligheid',
    health: 'Gezondheid',
    money: 'Schulden en geldzorgen',
    parents_work: 'Werk van de ouders',
    social_network: 'Sociaal netwerk',
    leisure: 'Vrije tijd en meedoen',
    basic_needs: 'Voeding en basisbehoeften',
  },
  en: {
    school: 'School',
    housing: 'Housing and neighbourhood',
    safety: 'Safety',
    health: 'Health',
    money: 'Debts and money worries',
    parents_work: 'Parents’ work',
    social_network: 'Social network',
    leisure: 'Leisure and taking part',
    basic_needs: 'Food and basic needs',
  },
};

export function isLifeDomain(value: string): value is LifeDomain {
  return (lifeDomains as readonly string[]).includes(value);
}
