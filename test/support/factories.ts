import { randomBytes } from 'node:crypto';
import type { CatalogueFile, CatalogueProvision } from '../../src/catalogue/catalogue-file.ts';
import { importCatalogue } from '../../src/catalogue/import-catalogue.ts';
import { seedExampleSchemes } from '../../src/eligibility/import-schemes-file.ts';
import type { Database } from '../../src/platform/db.ts';

export function uniqueKey(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

export function buildProvision(
  overrides: Partial<CatalogueProvision> & { key: string; owner: string },
): CatalogueProvision {
  return {
    name: { nl: `Voorziening ${overrides.key}`, en: `Provision ${overrides.key}` },
    description: {
      nl: 'Je kind kan op sport. Wij betalen de contributie van de club.',
      en: 'Your child can join a sports club. We pay the membership fee.',
    },
    category: 'sport',
    ages: { min: 4, max: 17 },
    offeredIn: ['GM0037'],
    fundedBy: overrides.owner,
    handledBy: overrides.owner,
    applicationRoute: 'self_or_intermediary',
    amount: { cents: 22500, kind: 'budget', period: 'calendar_year' },
    lastChecked: '2025-10-01',
    ...overrides,
  };
}

/** A small catalogue of one test's own: one organisation and the provisions asked for. */
export function buildCatalogue(
  provisions: (Partial<CatalogueProvision> & { key?: string })[] = [{}],
  options: { example?: boolean } = {},
): { catalogue: CatalogueFile; organisationKey: string; provisionKeys: string[] } {
  const organisationKey = uniqueKey('test-org');
  const built = provisions.map((p) =>
    buildProvision({ ...p, key: p.key ?? uniqueKey('test-provision'), owner: organisationKey }),
  );
  return {
    catalogue: {
      example: options.example ?? false,
      organisations: [{ key: organisationKey, name: `Testorganisatie ${organisationKey}`, kind: 'other' }],
      provisions: built,
    },
    organisationKey,
    provisionKeys: built.map((p) => p.key),
  };
}

export async function insertCatalogue(db: Database, catalogue: CatalogueFile): Promise<void> {
  await db.transaction((tx) => importCatalogue({ tx, catalogue }).then(() => undefined));
}

/** The example scheme rules (data/rules/schemes.yaml), which test catalogues name; safe to call again. */
export async function insertExampleSchemes(db: Database): Promise<void> {
  const result = await seedExampleSchemes(db, { evenIfSchemesExist: true });
  if (!result?.ok) throw new Error(`example schemes not loaded: ${JSON.stringify(result)}`);
}
