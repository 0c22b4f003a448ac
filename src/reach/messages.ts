import { defineProblem } from '../platform/problems.ts';
import { registerFieldMessages } from '../platform/validation.ts';

export const reachFieldMessages = {
  reach_municipality_malformed: {
    nl: 'Een gemeentecode is GM met 4 cijfers, zoals GM0363.',
    en: 'A municipality code is GM followed by 4 digits, like GM0363.',
  },
  reach_municipality_unknown: {
    nl: 'Deze gemeentecode kennen we niet (ook niet als oude code van een samengevoegde gemeente).',
    en: 'We do not know this municipality code (not as the old code of a merged municipality either).',
  },
  reach_year_invalid: {
    nl: 'Geef een jaar met 4 cijfers, tussen 2000 en 2100, zoals 2025.',
    en: 'Give a year of 4 digits, between 2000 and 2100, like 2025.',
  },
  reach_boundaries_invalid: {
    nl: "Kies 'recorded' (zoals vastgelegd) of 'today' (in de gemeentegrenzen van nu).",
    en: "Choose 'recorded' (as recorded) or 'today' (in today's municipal boundaries).",
  },
};
registerFieldMessages(reachFieldMessages);

export const reachMessages = {
  ...reachFieldMessages,
  credit: {
    nl: 'Bron doelgroepen en gemeentegegevens: CBS (schattingen: bewerking Meedoen van CBS-cijfers).',
    en: 'Source of target groups and municipal data: CBS (estimates: Meedoen calculation from CBS figures).',
  },
  estimate: { nl: 'schatting', en: 'estimate' },
  countsNote: {
    nl: 'Bereik: unieke kinderen met minstens één levering in het jaar, over alle organisaties. Een kind met twee inkomensbronnen in een jaar telt bij elk mee, maar één keer in het totaal.',
    en: 'Reach: unique children with at least one delivery in the year, across all organisations. A child with two income sources in a year counts in each, but once in the total.',
  },
  estimateNote: {
    nl: "Doelgroepen met label 'schatting' zijn afgeleid van CBS-postcodecijfers; ingevoerde cijfers gaan voor.",
    en: "Target groups labelled 'estimate' are derived from CBS postcode figures; imported figures take precedence.",
  },
  disclosureNote: {
    nl: 'Aantallen van 1 tot 9 en aantallen waaruit die terug te rekenen zijn, worden niet getoond; kleine gemeenten afgerond op 5.',
    en: 'Counts from 1 to 9, and counts from which they could be worked out, are not shown; small municipalities rounded to 5.',
  },
};

export const reachProblems = {
  municipalityUnknown: defineProblem({
    code: 'reach-municipality-unknown',
    status: 400,
    title: { nl: 'Onbekende gemeente', en: 'Unknown municipality' },
  }),
};
