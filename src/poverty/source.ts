import type { Translations } from '../platform/i18n.ts';

/** The credit wherever the poverty figures appear (CBS and SCP publications; CBS open data CC BY 4.0). */
export const povertySource: Translations<string> = {
  nl: 'Bron: CBS / SCP (per cijfer de publicatie in de tabel; open data van CBS, CC BY 4.0). Streefwaarden: brief van de minister van SZW aan de Eerste Kamer, 2020.',
  en: 'Source: CBS / SCP (Statistics Netherlands and the Netherlands Institute for Social Research; each figure’s publication is in the table; CBS open data, CC BY 4.0). Targets: letter of the Minister of Social Affairs to the Senate, 2020.',
};

export const labourParticipationSource: Translations<string> = {
  nl: 'Bron: zoals per regel genoemd in het geïmporteerde bestand. Meedoen levert hier zelf geen cijfers mee.',
  en: 'Source: as named on each row of the imported file. Meedoen ships no figures for this itself.',
};
