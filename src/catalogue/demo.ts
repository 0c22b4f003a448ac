import { fileURLToPath } from 'node:url';
import type { Database } from '../platform/db.ts';
import { loadCatalogueFile } from './load-catalogue-file.ts';
import { countProvisions } from './store.ts';
import { formatReport } from './validate-catalogue.ts';

export const demoCatalogueFile = fileURLToPath(new URL('../../data/demo/catalogue.yaml', import.meta.url));

/** Seeds the example catalogue into an empty catalogue; a catalogue that has entries is left alone. */
export async function seedDemoCatalogue(
  db: Database,
  today: string,
  options: { force?: boolean; schemeKeys?: ReadonlySet<string> } = {},
) {
  if (!options.force && (await countProvisions(db)) > 0) return { seeded: false as const };
  const result = await loadCatalogueFile(db, demoCatalogueFile, {
    today,
    locale: 'en',
    schemeKeys: options.schemeKeys,
  });
  if (!result.ok) throw new Error(`The demo catalogue is invalid:\n${formatReport(result.errors)}`);
  return { seeded: true as const, ...result.imported };
}
