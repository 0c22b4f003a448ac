import type { Locale } from '../platform/i18n.ts';

/** The four ambitions of the government's approach to child poverty (letter of 1 April 2019). */
export const ambitionNumbers = [1, 2, 3, 4] as const;

export const ambitionLabels: Record<Locale, Record<number, string>> = {
  nl: {
    1: 'Ambitie 1: ieder kind in een gezin met een laag inkomen kan meedoen',
    2: 'Ambitie 2: minder huishoudens met kinderen met een laag inkomen',
    3: 'Ambitie 3: inzicht in de brede kansarmoede onder kinderen',
    4: 'Ambitie 4: goede voorbeelden in beeld en verspreid',
  },
  en: {
    1: 'Ambition 1: every child in a low-income family can take part',
    2: 'Ambition 2: fewer households with children on a low income',
    3: 'Ambition 3: insight into children’s broader lack of opportunity',
    4: 'Ambition 4: good practices made visible and shared',
  },
};
