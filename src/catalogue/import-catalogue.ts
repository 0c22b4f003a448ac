import { inArray, sql } from 'drizzle-orm';
import type { Transaction } from '../platform/db.ts';
import type { CatalogueFile } from './catalogue-file.ts';
import { organisations, provisionMunicipalities, provisions } from './schema.ts';

export type ImportResult = { organisations: number; provisions: number };

/**
 * Writes an already validated catalogue: every organisation and provision is inserted or replaced by its
 * key. The caller owns the transaction, so a failure leaves the catalogue as it was.
 */
export async function importCatalogue({
  tx,
  catalogue,
}: {
  tx: Transaction;
  catalogue: CatalogueFile;
}): Promise<ImportResult> {
  const isExample = catalogue.example;
  for (const org of catalogue.organisations) {
    const values = {
      name: org.name,
      kind: org.kind,
      municipalityCode: org.municipality ?? null,
      website: org.website ?? null,
      isExample,
      updatedAt: sql`now()`,
    };
    await tx
      .insert(organisations)
      .values({ key: org.key, ...values })
      .onConflictDoUpdate({ target: organisations.key, set: values });
  }

  for (const provision of catalogue.provisions) {
    const values = {
      nameNl: provision.name.nl,
      nameEn: provision.name.en,
      descriptionNl: provision.description.nl,
      descriptionEn: provision.description.en,
      category: provision.category,
      minAge: provision.ages.min,
      maxAge: provision.ages.max,
      nationwide: provision.offeredIn === 'nationwide',
      fundedBy: provision.fundedBy,
      handledBy: provision.handledBy,
      owner: provision.owner,
      applicationRoute: provision.applicationRoute,
      schemeKey: provision.scheme ?? null,
      amountCents: provision.amount?.cents ?? null,
      amountKind: provision.amount?.kind ?? null,
      amountPeriod: provision.amount?.period ?? null,
      link: provision.link ?? null,
      lastChecked: provision.lastChecked,
      isExample,
      updatedAt: sql`now()`,
    };
    await tx
      .insert(provisions)
      .values({ key: provision.key, ...values })
      .onConflictDoUpdate({ target: provisions.key, set: values });
  }

  const keys = catalogue.provisions.map((p) => p.key);
  if (keys.length > 0) {
    await tx.delete(provisionMunicipalities).where(inArray(provisionMunicipalities.provisionKey, keys));
  }
  const places = catalogue.provisions.flatMap((p) =>
    p.offeredIn === 'nationwide'
      ? []
      : [...new Set(p.offeredIn)].map((code) => ({ provisionKey: p.key, municipalityCode: code })),
  );
  if (places.length > 0) await tx.insert(provisionMunicipalities).values(places);

  return { organisations: catalogue.organisations.length, provisions: catalogue.provisions.length };
}
