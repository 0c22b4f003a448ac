import type { Translations } from '../i18n.ts';

export const layoutMessages: Translations<{
  siteName: string;
  tagline: string;
  skipToContent: string;
  otherLanguage: string;
  otherLanguageLabel: string;
  aboutData: string;
  apiDocs: string;
  footerLicence: string;
  dataSource: string;
  errorReference: string;
  backHome: string;
}> = {
  nl: {
    siteName: 'Meedoen',
    tagline: 'Elk kind kan meedoen',
    skipToContent: 'Ga direct naar de inhoud',
    otherLanguage: 'English',
    otherLanguageLabel: 'Read this page in English',
    aboutData: 'Over de gegevens',
    apiDocs: 'API voor ontwikkelaars',
    footerLicence: 'Meedoen is open source (EUPL-1.2).',
    dataSource: 'Bron: CBS (gemeentelijke indeling 2025, postcodes per gemeente 2023).',
    errorReference: 'Geef deze code door als je ons belt of mailt:',
    backHome: 'Naar de startpagina',
  },
  en: {
    siteName: 'Meedoen',
    tagline: 'Every child can take part',
    skipToContent: 'Skip to main content',
    otherLanguage: 'Nederlands',
    otherLanguageLabel: 'Lees deze pagina in het Nederlands',
    aboutData: 'About the data',
    apiDocs: 'API for developers',
    footerLicence: 'Meedoen is open source (EUPL-1.2).',
    dataSource:
      'Source: CBS (Statistics Netherlands), municipal division 2025, postcodes per municipality 2023.',
    errorReference: 'Mention this code if you call or e-mail us:',
    backHome: 'Go to the home page',
  },
};
