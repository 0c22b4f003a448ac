import YAML from 'yaml';
import type { Locale, Translations } from '../platform/i18n.ts';
import { describeIssues, fieldPath } from '../platform/validation.ts';
import { catalogueFileSchema, type CatalogueFile } from './catalogue-file.ts';

export type ReportEntry = { entry: string; key?: string; field: string; code: string; message: string };

export type CatalogueValidation =
  { ok: true; catalogue: CatalogueFile } | { ok: false; errors: ReportEntry[] };

export type KnownData = {
  organisationKeys: ReadonlySet<string>;
  municipalityCodes: ReadonlySet<string>;
  today: string; // ISO date in Europe/Amsterdam
  /** Eligibility schemes a provision may refer to; when absent, references are not checked. */
  schemeKeys?: ReadonlySet<string>;
};

const crossCheckMessages: Record<string, Translations<(value: string) => string>> = {
  catalogue_duplicate_key: {
    nl: (v) => `De sleutel ${v} staat meer dan één keer in het bestand.`,
    en: (v) => `The key ${v} occurs more than once in the file.`,
  },
  catalogue_unknown_organisation: {
    nl: (v) => `Organisatie ${v} staat niet in het bestand en ook niet in de database.`,
    en: (v) => `Organisation ${v} is neither in the file nor in the database.`,
  },
  catalogue_unknown_municipality: {
    nl: (v) => `${v} is geen gemeente van 2025.`,
    en: (v) => `${v} is not a municipality of 2025.`,
  },
  catalogue_unknown_scheme: {
    nl: (v) => `Er zijn geen regels met de naam ${v}.`,
    en: (v) => `There are no rules called ${v}.`,
  },
  catalogue_last_checked_future: {
    nl: (v) => `De datum ${v} ligt in de toekomst.`,
    en: (v) => `The date ${v} is in the future.`,
  },
};

function crossError(
  entry: string,
  key: string | undefined,
  field: string,
  code: string,
  value: string,
  locale: Locale,
) {
  return { entry, ...(key ? { key } : {}), field, code, message: crossCheckMessages[code]![locale](value) };
}

/** Reads YAML or JSON; a syntax error becomes a report entry with its line, never an exception. */
export function parseCatalogueText(
  text: string,
  format: 'yaml' | 'json',
  locale: Locale,
): { ok: true; data: unknown } | { ok: false; errors: ReportEntry[] } {
  try {
    return {
      ok: true,
      data: format === 'json' ? JSON.parse(text) : YAML.parse(text, { maxAliasCount: 100 }),
    };
  } catch (error) {
    const line = (error as { linePos?: { line: number }[] }).linePos?.[0]?.line;
    const where = line ? (locale === 'nl' ? ` (regel ${line})` : ` (line ${line})`) : '';
    const message =
      locale === 'nl'
        ? `Het bestand is geen geldige ${format.toUpperCase()}${where}.`
        : `The file is not valid ${format.toUpperCase()}${where}.`;
    return { ok: false, errors: [{ entry: 'file', field: '', code: 'catalogue_syntax', message }] };
  }
}

function entryOf(
  path: readonly PropertyKey[],
  data: unknown,
): { entry: string; key?: string; field: string } {
  const [list, index, ...rest] = path;
  if ((list === 'organisations' || list === 'provisions') && typeof index === 'number') {
    const raw = (data as Record<string, unknown[]>)[list]?.[index] as { key?: unknown } | undefined;
    const key = typeof raw?.key === 'string' ? raw.key : undefined;
    return { entry: `${list}[${index}]`, ...(key ? { key } : {}), field: fieldPath(rest) };
  }
  return { entry: 'file', field: fieldPath(path) };
}

/** Checks a whole catalogue: each entry's fields, then keys, references and dates across entries. */
export function validateCatalogue(data: unknown, known: KnownData, locale: Locale): CatalogueValidation {
  const parsed = catalogueFileSchema.safeParse(data ?? {});
  if (!parsed.success) {
    const described = describeIssues(parsed.error.issues, locale);
    const errors = parsed.error.issues.map((issue, i) => ({
      ...entryOf(issue.path, data),
      code: described[i]!.code,
      message: described[i]!.message,
    }));
    return { ok: false, errors };
  }
  const catalogue = parsed.data;
  const errors: ReportEntry[] = [];

  const organisationKeys = new Set<string>();
  catalogue.organisations.forEach((org, i) => {
    const entry = `organisations[${i}]`;
    if (organisationKeys.has(org.key))
      errors.push(crossError(entry, org.key, 'key', 'catalogue_duplicate_key', org.key, locale));
    organisationKeys.add(org.key);
    if (org.municipality && !known.municipalityCodes.has(org.municipality)) {
      errors.push(
        crossError(
          entry,
          org.key,
          'municipality',
          'catalogue_unknown_municipality',
          org.municipality,
          locale,
        ),
      );
    }
  });

  const provisionKeys = new Set<string>();
  catalogue.provisions.forEach((provision, i) => {
    const entry = `provisions[${i}]`;
    const k = provision.key;
    if (provisionKeys.has(k)) errors.push(crossError(entry, k, 'key', 'catalogue_duplicate_key', k, locale));
    provisionKeys.add(k);
    for (const field of ['fundedBy', 'handledBy', 'owner'] as const) {
      const ref = provision[field];
      if (!organisationKeys.has(ref) && !known.organisationKeys.has(ref)) {
        errors.push(crossError(entry, k, field, 'catalogue_unknown_organisation', ref, locale));
      }
    }
    if (provision.offeredIn !== 'nationwide') {
      provision.offeredIn.forEach((code, j) => {
        if (!known.municipalityCodes.has(code)) {
          errors.push(
            crossError(entry, k, `offeredIn[${j}]`, 'catalogue_unknown_municipality', code, locale),
          );
        }
      });
    }
    if (provision.scheme && known.schemeKeys && !known.schemeKeys.has(provision.scheme)) {
      errors.push(crossError(entry, k, 'scheme', 'catalogue_unknown_scheme', provision.scheme, locale));
    }
    if (provision.lastChecked > known.today) {
      errors.push(
        crossError(entry, k, 'lastChecked', 'catalogue_last_checked_future', provision.lastChecked, locale),
      );
    }
  });

  return errors.length > 0 ? { ok: false, errors } : { ok: true, catalogue };
}

export function formatReport(errors: readonly ReportEntry[]): string {
  return errors
    .map((e) => `${e.entry}${e.key ? ` (${e.key})` : ''}${e.field ? ` → ${e.field}` : ''}: ${e.message}`)
    .join('\n');
}
