import type { Translations } from '../platform/i18n.ts';

export const pageMessages: Translations<{
  homeTitle: string;
  homeIntro: string;
  homeIntro2: string;
  postcodeLabel: string;
  postcodeHint: string;
  ageLabel: string;
  ageHint: string;
  search: string;
  privacyNote: string;
  chooseTitle: string;
  chooseIntro: (postcode: string) => string;
  chooseLegend: string;
  chooseButton: string;
  addressShare: (percent: string) => string;
  resultsTitle: (municipality: string) => string;
  resultsCount: (count: number, age: number | undefined) => string;
  noResults: string;
  filterTitle: string;
  categoryLabel: string;
  allCategories: string;
  filterButton: string;
  otherPostcode: string;
  exampleBadge: string;
  exampleNotice: string;
  forAges: string;
  worth: string;
  howToApply: string;
  handledBy: string;
  fundedBy: string;
  where: string;
  nationwide: string;
  moreInformation: string;
  moreInformationLink: (organisation: string) => string;
  lastChecked: string;
  lastCheckedBy: (date: string, owner: string) => string;
  backToResults: string;
  readMore: (name: string) => string;
  unknownMunicipalityTitle: string;
  unknownMunicipalityBody: string;
  sourcesTitle: string;
}> = {
  nl: {
    homeTitle: 'Welke hulp is er voor je kind?',
    homeIntro:
      'Heb je weinig geld? Dan kan je kind toch meedoen. Er is hulp voor sport, muziek, school, een fiets, een laptop of een verjaardag.',
    homeIntro2: 'Vul je postcode in. Dan zie je welke hulp er is waar jij woont.',
    postcodeLabel: 'Je postcode',
    postcodeHint: 'Bijvoorbeeld: 9711 AB',
    ageLabel: 'Leeftijd van je kind (mag je leeg laten)',
    ageHint: 'In jaren, van 0 tot en met 21. Dan zie je alleen hulp voor die leeftijd.',
    search: 'Zoek hulp',
    privacyNote: 'We bewaren je postcode niet.',
    chooseTitle: 'Kies je gemeente',
    chooseIntro: (postcode) =>
      `Postcode ${postcode} ligt in meer dan één gemeente. In welke gemeente woon je?`,
    chooseLegend: 'Gemeente',
    chooseButton: 'Verder',
    addressShare: (percent) => `${percent} van de adressen met deze postcode`,
    resultsTitle: (municipality) => `Hulp voor kinderen in ${municipality}`,
    resultsCount: (count, age) =>
      `${count === 1 ? 'We vonden 1 soort hulp' : `We vonden ${count} soorten hulp`}${age === undefined ? '' : ` voor een kind van ${age} jaar`}.`,
    noResults: 'We vonden geen hulp die past. Probeer een andere leeftijd of kies alle soorten hulp.',
    filterTitle: 'Zoek preciezer',
    categoryLabel: 'Soort hulp',
    allCategories: 'Alle soorten hulp',
    filterButton: 'Toon hulp',
    otherPostcode: 'Zoek met een andere postcode',
    exampleBadge: 'Voorbeeld',
    exampleNotice:
      'Let op: dit zijn voorbeeldgegevens. Meedoen is nog in ontwikkeling. De hulp hieronder lijkt op echte hulp, maar je kunt hem nog niet zo aanvragen.',
    forAges: 'Voor',
    worth: 'Waarde',
    howToApply: 'Aanvragen',
    handledBy: 'Aanvragen bij',
    fundedBy: 'Betaald door',
    where: 'Waar',
    nationwide: 'In heel Nederland',
    moreInformation: 'Meer informatie',
    moreInformationLink: (organisation) => `Website van ${organisation}`,
    lastChecked: 'Gecontroleerd',
    lastCheckedBy: (date, owner) => `${date} door ${owner}`,
    backToResults: 'Terug naar de lijst',
    readMore: (name) => `Meer over ${name}`,
    unknownMunicipalityTitle: 'Deze gemeente kennen we niet',
    unknownMunicipalityBody: 'Zoek opnieuw met je postcode.',
    sourcesTitle: 'Over de gegevens',
  },
  en: {
    homeTitle: 'What help is there for your child?',
    homeIntro:
      'Short of money? Your child can still take part. There is help for sport, music, school, a bicycle, a laptop or a birthday.',
    homeIntro2: 'Enter your postcode to see what help there is where you live.',
    postcodeLabel: 'Your postcode',
    postcodeHint: 'For example: 9711 AB',
    ageLabel: "Your child's age (optional)",
    ageHint: 'In years, from 0 to 21. You then see only help for that age.',
    search: 'Find help',
    privacyNote: 'We do not keep your postcode.',
    chooseTitle: 'Choose your municipality',
    chooseIntro: (postcode) =>
      `Postcode ${postcode} lies in more than one municipality. Which one do you live in?`,
    chooseLegend: 'Municipality',
    chooseButton: 'Continue',
    addressShare: (percent) => `${percent} of the addresses with this postcode`,
    resultsTitle: (municipality) => `Help for children in ${municipality}`,
    resultsCount: (count, age) =>
      `${count === 1 ? 'We found 1 kind of help' : `We found ${count} kinds of help`}${age === undefined ? '' : ` for a child aged ${age}`}.`,
    noResults: 'We found no help that fits. Try another age or choose all kinds of help.',
    filterTitle: 'Narrow your search',
    categoryLabel: 'Kind of help',
    allCategories: 'All kinds of help',
    filterButton: 'Show help',
    otherPostcode: 'Search with another postcode',
    exampleBadge: 'Example',
    exampleNotice:
      'Please note: this is example data. Meedoen is still being built. The help below resembles real help, but you cannot apply for it like this yet.',
    forAges: 'For',
    worth: 'Value',
    howToApply: 'How to apply',
    handledBy: 'Apply to',
    fundedBy: 'Paid for by',
    where: 'Where',
    nationwide: 'All of the Netherlands',
    moreInformation: 'More information',
    moreInformationLink: (organisation) => `Website of ${organisation}`,
    lastChecked: 'Checked',
    lastCheckedBy: (date, owner) => `${date} by ${owner}`,
    backToResults: 'Back to the list',
    readMore: (name) => `More about ${name}`,
    unknownMunicipalityTitle: 'We do not know this municipality',
    unknownMunicipalityBody: 'Search again with your postcode.',
    sourcesTitle: 'About the data',
  },
};
