import { isCalendarDate } from '../platform/clock.ts';
import type { Locale } from '../platform/i18n.ts';
import type { FieldError } from '../platform/validation.ts';
import type { SchemeVersion } from './parameters.ts';
import type { NewScheme } from './scheme-store.ts';

/** The editor's fields as typed; errors name the same fields. */
export type SchemeFormFields = Record<string, string>;

const messages = {
  nl: {
    validFromMissing: 'Vul de datum in vanaf wanneer deze regels gelden, als jjjj-mm-dd.',
    validFromPast: (today: string) =>
      `Kies vandaag (${today}) of later: uitkomsten van eerdere dagen blijven zo uitgelegd als ze waren.`,
    validFromNotAfter: (latest: string) =>
      `Kies een datum na ${latest}: vanaf die datum geldt al een versie. Een nieuwe versie begint later.`,
    incomeTest: 'Kies of er een inkomensgrens is.',
    percent: 'Vul een percentage in tussen 50 en 300, met hoogstens twee cijfers achter de komma.',
    holidayAllowance: 'Kies of het vakantiegeld meetelt.',
    assetTest: 'Kies of het vermogen wordt getoetst.',
    source: 'Noem de bron van deze regels (een besluit, beleidsregel of webpagina), in 3 tot 300 tekens.',
    key: 'Gebruik 3 tot 80 kleine letters, cijfers of streepjes, bijvoorbeeld utrecht-minimaregelingen.',
    keyTaken: 'Deze sleutel bestaat al. Kies een andere.',
    versionConflict: 'Iemand anders voegde net een versie toe. Bekijk de versies en probeer het opnieuw.',
    name: 'Vul een naam in van 2 tot 200 tekens.',
    municipality: 'Vul een gemeentecode van het CBS in, zoals GM0344, of laat het veld leeg.',
  },
  en: {
    validFromMissing: 'Enter the date from which these rules apply, as yyyy-mm-dd.',
    validFromPast: (today: string) =>
      `Choose today (${today}) or later: outcomes of earlier days keep the explanation they had.`,
    validFromNotAfter: (latest: string) =>
      `Choose a date after ${latest}: a version already applies from that date. A new version starts later.`,
    incomeTest: 'Choose whether there is an income limit.',
    percent: 'Enter a percentage between 50 and 300, with at most two decimals.',
    holidayAllowance: 'Choose whether the holiday allowance counts.',
    assetTest: 'Choose whether assets are tested.',
    source: 'Name the source of these rules (a decision, policy rule or web page), in 3 to 300 characters.',
    key: 'Use 3 to 80 lower-case letters, digits or hyphens, for example utrecht-minimaregelingen.',
    keyTaken: 'This key already exists. Choose another.',
    versionConflict: 'Someone else just added a version. Look at the versions and try again.',
    name: 'Enter a name of 2 to 200 characters.',
    municipality: 'Enter a CBS municipality code such as GM0344, or leave the field empty.',
  },
} satisfies Record<Locale, Record<string, string | ((value: string) => string)>>;

export const schemeFormMessages = messages;

const value = (fields: SchemeFormFields, name: string) => (fields[name] ?? '').trim();

/** "117,5" and "117.5" both mean 117.5%; more than two decimals would not be stored exactly. */
function parsePercent(text: string): number | null {
  const match = /^(\d{2,3})(?:[.,](\d{1,2}))?\s*%?$/.exec(text);
  if (!match) return null;
  const percent = Number(`${match[1]}.${match[2] ?? '0'}`);
  return percent >= 50 && percent <= 300 ? percent : null;
}

export type VersionContext = { today: string; latestValidFrom: string | null; nextVersion: number };

/**
 * Reads a new version of a scheme's rules from the form. It starts today or later and after the latest
 * version, because a version in force on an earlier day may already have decided for a family.
 */
export function versionFromForm(
  fields: SchemeFormFields,
  context: VersionContext,
  locale: Locale,
): { ok: true; version: SchemeVersion } | { ok: false; errors: FieldError[] } {
  const text = messages[locale];
  const errors: FieldError[] = [];
  const fail = (field: string, code: string, message: string) => errors.push({ field, code, message });

  const validFrom = value(fields, 'validFrom');
  if (!isCalendarDate(validFrom)) fail('validFrom', 'scheme_valid_from_invalid', text.validFromMissing);
  else if (validFrom < context.today)
    fail('validFrom', 'scheme_valid_from_past', text.validFromPast(context.today));
  else if (context.latestValidFrom && validFrom <= context.latestValidFrom)
    fail('validFrom', 'scheme_valid_from_not_after', text.validFromNotAfter(context.latestValidFrom));

  const kind = value(fields, 'incomeTest');
  let incomeTest: SchemeVersion['incomeTest'] | null = null;
  if (kind === 'none') incomeTest = { kind: 'none' };
  else if (kind === 'percent_of_norm') {
    const percent = parsePercent(value(fields, 'percent'));
    const holidayAllowance = value(fields, 'holidayAllowance');
    if (percent === null) fail('percent', 'scheme_percent_invalid', text.percent);
    if (holidayAllowance !== 'included' && holidayAllowance !== 'excluded')
      fail('holidayAllowance', 'scheme_holiday_allowance_missing', text.holidayAllowance);
    else if (percent !== null) incomeTest = { kind, percent, holidayAllowance };
  } else fail('incomeTest', 'scheme_income_test_missing', text.incomeTest);

  const asset = value(fields, 'assetTest');
  if (asset !== 'yes' && asset !== 'no') fail('assetTest', 'scheme_asset_test_missing', text.assetTest);

  const source = value(fields, 'source');
  if (source.length < 3 || source.length > 300) fail('source', 'scheme_source_invalid', text.source);

  if (errors.length > 0 || !incomeTest) return { ok: false, errors };
  return {
    ok: true,
    version: { version: context.nextVersion, validFrom, incomeTest, assetTest: asset === 'yes', source },
  };
}

/** Reads the scheme's own fields (key, names, municipality); whether the key is free is the caller's check. */
export function schemeFromForm(
  fields: SchemeFormFields,
  owner: string,
  municipalityCodes: ReadonlySet<string>,
  locale: Locale,
): { ok: true; scheme: NewScheme } | { ok: false; errors: FieldError[] } {
  const text = messages[locale];
  const errors: FieldError[] = [];
  const key = value(fields, 'key');
  if (!/^[a-z0-9-]{3,80}$/.test(key))
    errors.push({ field: 'key', code: 'scheme_key_invalid', message: text.key });
  const name = { nl: value(fields, 'name.nl'), en: value(fields, 'name.en') };
  for (const locale of ['nl', 'en'] as const) {
    if (name[locale].length < 2 || name[locale].length > 200)
      errors.push({ field: `name.${locale}`, code: 'scheme_name_invalid', message: text.name });
  }
  const municipality = value(fields, 'municipality').toUpperCase();
  if (municipality !== '' && !municipalityCodes.has(municipality))
    errors.push({ field: 'municipality', code: 'scheme_municipality_unknown', message: text.municipality });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, scheme: { key, name, municipality: municipality || null, owner } };
}
