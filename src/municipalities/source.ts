import type { Translations } from '../platform/i18n.ts';

/** Attribution shown wherever municipality or postcode data appears (CBS open data, CC BY 4.0). */
export const municipalitiesSource: Translations<string> = {
  nl: 'Bron: CBS, gemeentelijke indeling 2025 en postcodes per gemeente 2023.',
  en: 'Source: CBS (Statistics Netherlands), municipal division 2025 and postcodes per municipality 2023.',
};
