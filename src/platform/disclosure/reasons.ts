import type { Translations } from '../i18n.ts';

/** Why a figure is not shown. Stable codes (API clients key on them); texts in plain Dutch and English. */
export const suppressionReasons = {
  'small-count': {
    nl: 'Niet getoond: minder dan 10 kinderen. Zo is niemand te herkennen.',
    en: 'Not shown: fewer than 10 children, so that nobody can be recognised.',
  },
  secondary: {
    nl: 'Niet getoond: anders is een verborgen aantal terug te rekenen uit de totalen.',
    en: 'Not shown: otherwise a hidden number could be worked out from the totals.',
  },
  'percent-count-hidden': {
    nl: 'Geen percentage: het aantal bereikte kinderen is niet getoond.',
    en: 'No percentage: the number of children reached is not shown.',
  },
  'percent-small-numerator': {
    nl: 'Geen percentage: minder dan 10 kinderen bereikt.',
    en: 'No percentage: fewer than 10 children reached.',
  },
  'percent-small-denominator': {
    nl: 'Geen percentage: de doelgroep is kleiner dan 50 kinderen.',
    en: 'No percentage: the target group is smaller than 50 children.',
  },
  'percent-no-denominator': {
    nl: 'Geen percentage: de omvang van de doelgroep is niet bekend.',
    en: 'No percentage: the size of the target group is not known.',
  },
} satisfies Record<string, Translations<string>>;

export type SuppressionReason = keyof typeof suppressionReasons;

export type Suppression = { code: SuppressionReason; text: Translations<string> };

export const suppression = (code: SuppressionReason): Suppression => ({
  code,
  text: suppressionReasons[code],
});
