export type Locale = 'nl' | 'en';

/**
 * The words a visitor sees and the tests look for. Written out here rather than imported from the app, so a
 * changed text on a page is a deliberate change the browser tests notice.
 */
export const texts = {
  nl: {
    htmlLang: 'nl',
    otherLanguageLink: /\bEnglish\b/,
    search: 'Zoek hulp',
    chooseTitle: 'Kies je gemeente',
    chooseButton: 'Verder',
    filterButton: 'Toon hulp',
    resultsHeading: (municipality: string) => `Hulp voor kinderen in ${municipality}`,
    exampleNotice: /voorbeeldgegevens/,
    exampleBadge: 'Voorbeeld',
    backToResults: 'Terug naar de lijst',
    errorTitlePrefix: 'Fout:',
    errorSummaryHeading: 'Er ging iets mis',
    cbsCredit: 'Bron: CBS',
  },
  en: {
    htmlLang: 'en',
    otherLanguageLink: /\bNederlands\b/,
    search: 'Find help',
    chooseTitle: 'Choose your municipality',
    chooseButton: 'Continue',
    filterButton: 'Show help',
    resultsHeading: (municipality: string) => `Help for children in ${municipality}`,
    exampleNotice: /example data/,
    exampleBadge: 'Example',
    backToResults: 'Back to the list',
    errorTitlePrefix: 'Error:',
    errorSummaryHeading: 'There is a problem',
    cbsCredit: 'Source: CBS',
  },
} as const satisfies Record<Locale, unknown>;

export type Texts = (typeof texts)[Locale];
