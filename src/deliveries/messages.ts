import { childIdentityMessages } from '../applications/index.ts';
import type { Locale, Translations } from '../platform/i18n.ts';
import { MAX_REFERENCE_LENGTH, MAX_VALUE_EUROS } from './columns.ts';

/** What is wrong with the file as a whole; nothing of such a file is imported. */
export const fileMessages = {
  file_type: {
    nl: 'Dit bestand is geen CSV- of Excel-bestand (.xlsx). Sla het op als CSV of .xlsx en probeer het opnieuw.',
    en: 'This file is not a CSV or Excel (.xlsx) file. Save it as CSV or .xlsx and try again.',
  },
  file_empty: {
    nl: 'Dit bestand is leeg. De eerste regel moet de kolomnamen bevatten.',
    en: 'This file is empty. The first line must hold the column names.',
  },
  file_unreadable: {
    nl: 'Dit bestand kon niet worden gelezen. Kijk of het een geldig CSV- of .xlsx-bestand is.',
    en: 'This file could not be read. Check that it is a valid CSV or .xlsx file.',
  },
  file_broken: {
    nl: 'Het bestand breekt af rond regel {detail} (bijvoorbeeld een aanhalingsteken dat niet wordt gesloten). De regels daarvoor zijn wel verwerkt; verbeter het bestand en lever het opnieuw aan: wat al is geïmporteerd, wordt niet dubbel geteld.',
    en: 'The file breaks off around line {detail} (for example a quote that is never closed). The lines before it were processed; correct the file and send it again: what was already imported is not counted twice.',
  },
  interrupted: {
    nl: 'Deze import is afgebroken, bijvoorbeeld doordat de server opnieuw startte. Lever het bestand opnieuw aan: wat al is geïmporteerd, wordt niet dubbel geteld.',
    en: 'This import was cut off, for example because the server restarted. Send the file again: what was already imported is not counted twice.',
  },
  file_too_large: {
    nl: 'Dit bestand is te groot. Splits het in kleinere bestanden.',
    en: 'This file is too large. Split it into smaller files.',
  },
  header_missing: {
    nl: 'Deze kolommen ontbreken in de eerste regel: {detail}.',
    en: 'These columns are missing from the first line: {detail}.',
  },
  header_unknown: {
    nl: 'Deze kolommen kennen we niet: {detail}. Haal ze weg of geef ze de goede naam.',
    en: 'These columns are not known: {detail}. Remove them or give them the right name.',
  },
  header_duplicate: {
    nl: 'Deze kolommen staan er twee keer in: {detail}.',
    en: 'These columns appear twice: {detail}.',
  },
  header_no_child: {
    nl: 'Geef het kind aan met de kolom child_key, of met de kolommen first_name, birth_date, postcode en house_number.',
    en: 'Identify the child with the column child_key, or with the columns first_name, birth_date, postcode and house_number.',
  },
  header_has_key: {
    nl: 'Dit bestand heeft al een kolom child_key. Pseudonimiseer het bestand met de gegevens van de kinderen.',
    en: "This file already has a child_key column. Pseudonymise the file with the children's details.",
  },
} satisfies Record<string, Translations<string>>;
export type FileProblem = keyof typeof fileMessages;

/** What is wrong with one field of one row; the row is reported and the other rows are imported. */
export const rowMessages = {
  reference_required: {
    nl: 'Vul uw eigen kenmerk van de levering in.',
    en: 'Fill in your own reference for the delivery.',
  },
  reference_too_long: {
    nl: `Het kenmerk is te lang: hoogstens ${MAX_REFERENCE_LENGTH} tekens.`,
    en: `The reference is too long: at most ${MAX_REFERENCE_LENGTH} characters.`,
  },
  municipality_required: {
    nl: 'Vul de gemeente in: de CBS-code (zoals GM0363) of de naam.',
    en: 'Fill in the municipality: the CBS code (like GM0363) or the name.',
  },
  municipality_unknown: {
    nl: 'Deze gemeente kennen we niet. Gebruik de CBS-code (zoals GM0363) of de naam zoals het CBS die schrijft.',
    en: 'This municipality is not known. Use the CBS code (like GM0363) or the name as CBS spells it.',
  },
  delivered_on_required: { nl: 'Vul de datum van de levering in.', en: 'Fill in the date of the delivery.' },
  delivered_on_malformed: {
    nl: 'Schrijf de datum als jaar-maand-dag (2025-03-28) of dag-maand-jaar (28-03-2025).',
    en: 'Write the date as year-month-day (2025-03-28) or day-month-year (28-03-2025).',
  },
  delivered_on_not_a_date: {
    nl: 'Deze datum bestaat niet.',
    en: 'This date does not exist.',
  },
  delivered_on_in_future: {
    nl: 'Deze datum ligt in de toekomst. Lever alleen wat al is geleverd.',
    en: 'This date is in the future. Only send what has been delivered.',
  },
  delivered_on_too_old: {
    nl: 'Deze datum ligt voor 2015. Kijk of hij klopt.',
    en: 'This date is before 2015. Check that it is right.',
  },
  category_required: { nl: 'Vul de categorie in.', en: 'Fill in the category.' },
  category_unknown: {
    nl: 'Deze categorie kennen we niet. Kies een van: {categories}.',
    en: 'This category is not known. Choose one of: {categories}.',
  },
  value_required: { nl: 'Vul de waarde in euro in.', en: 'Fill in the value in euros.' },
  value_malformed: {
    nl: 'Schrijf de waarde in euro, zoals 12,50 of 12.50.',
    en: 'Write the value in euros, like 12.50 or 12,50.',
  },
  value_too_large: {
    nl: `De waarde is te hoog: hoogstens € ${MAX_VALUE_EUROS.toLocaleString('nl-NL')}.`,
    en: `The value is too high: at most € ${MAX_VALUE_EUROS.toLocaleString('en-GB')}.`,
  },
  income_source_required: {
    nl: 'Vul de inkomstenbron van het huishouden in.',
    en: "Fill in the household's source of income.",
  },
  income_source_unknown: {
    nl: 'Deze inkomstenbron kennen we niet. Kies een van: {incomeSources}.',
    en: 'This source of income is not known. Choose one of: {incomeSources}.',
  },
  child_key_malformed: {
    nl: 'Deze kindsleutel klopt niet. Een kindsleutel begint met ck1_ en heeft daarna 64 tekens (0-9, a-f). Maak hem met meedoen pseudonymize.',
    en: 'This child key is not valid. A child key starts with ck1_ followed by 64 characters (0-9, a-f). Make it with meedoen pseudonymize.',
  },
  child_missing: {
    nl: 'Geef het kind aan: een kindsleutel, of voornaam, geboortedatum, postcode en huisnummer.',
    en: 'Identify the child: a child key, or first name, date of birth, postcode and house number.',
  },
  child_key_and_fields: {
    nl: 'Geef het kind aan met een kindsleutel of met de gegevens van het kind, niet met allebei.',
    en: "Identify the child with a child key or with the child's details, not both.",
  },
  ...childIdentityMessages,
} satisfies Record<string, Translations<string>>;
export type RowProblem = keyof typeof rowMessages;

export function fileMessage(code: string, detail: string | null, locale: Locale): string {
  const template =
    (fileMessages as Record<string, Translations<string>>)[code] ?? fileMessages.file_unreadable;
  return template[locale].replace('{detail}', detail ?? '');
}

export function rowMessage(code: string, locale: Locale, lists: Record<string, string>): string {
  const template = (rowMessages as Record<string, Translations<string>>)[code];
  if (!template) return code;
  return template[locale].replace(/\{(\w+)\}/g, (_, name: string) => lists[name] ?? '');
}
