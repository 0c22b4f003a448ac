import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../platform/db.ts';
import type { Locale } from '../platform/i18n.ts';
import { importCatalogue, type ImportResult } from './import-catalogue.ts';
import { existingMunicipalityCodes, existingOrganisationKeys } from './store.ts';
import { parseCatalogueText, validateCatalogue, type ReportEntry } from './validate-catalogue.ts';

export type CatalogueLoad = { ok: true; imported: ImportResult } | { ok: false; errors: ReportEntry[] };

function formatOf(file: string): 'yaml' | 'json' | null {
  const extension = path.extname(file).toLowerCase();
  if (extension === '.json') return 'json';
  if (extension === '.yaml' || extension === '.yml') return 'yaml';
  return null;
}

/** Validates a whole catalogue file and imports it in one transaction, or imports nothing and reports why. */
export async function loadCatalogueFile(
  db: Database,
  file: string,
  options: { today: string; locale: Locale; schemeKeys?: ReadonlySet<string> },
): Promise<CatalogueLoad> {
  const { locale } = options;
  const format = formatOf(file);
  if (!format) {
    const message =
      locale === 'nl'
        ? 'Gebruik een bestand dat eindigt op .yaml, .yml of .json.'
        : 'Use a file ending in .yaml, .yml or .json.';
    return { ok: false, errors: [{ entry: 'file', field: '', code: 'catalogue_file_type', message }] };
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    const message =
      locale === 'nl' ? `Het bestand ${file} kan niet worden gelezen.` : `The file ${file} cannot be read.`;
    return { ok: false, errors: [{ entry: 'file', field: '', code: 'catalogue_unreadable', message }] };
  }
  const parsed = parseCatalogueText(text, format, locale);
  if (!parsed.ok) return parsed;

  return db.transaction(async (tx) => {
    const referenced = referencedOrganisationKeys(parsed.data);
    const validation = validateCatalogue(
      parsed.data,
      {
        organisationKeys: await existingOrganisationKeys(tx, referenced),
        municipalityCodes: await existingMunicipalityCodes(tx),
        today: options.today,
        schemeKeys: options.schemeKeys,
      },
      locale,
    );
    if (!validation.ok) return validation;
    return { ok: true, imported: await importCatalogue({ tx, catalogue: validation.catalogue }) };
  });
}

function referencedOrganisationKeys(data: unknown): string[] {
  const provisions = (data as { provisions?: unknown } | null)?.provisions;
  if (!Array.isArray(provisions)) return [];
  const keys = provisions.flatMap((p: Record<string, unknown> | null) =>
    [p?.fundedBy, p?.handledBy, p?.owner].filter((k): k is string => typeof k === 'string'),
  );
  return [...new Set(keys)];
}
