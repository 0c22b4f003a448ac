import { z } from 'zod';
import type { Queryable } from '../platform/db.ts';
import type { Locale } from '../platform/i18n.ts';
import { registerFieldMessages } from '../platform/validation.ts';
import { findMunicipality, MUNICIPALITY_CODE, type Municipality } from '../municipalities/index.ts';
import { categories, matchesFilter, MAX_AGE, MIN_AGE, orderForDisplay, type Provision } from './provision.ts';
import { allProvisions, provisionsInMunicipality } from './store.ts';

registerFieldMessages({
  age_range: {
    nl: `Vul een leeftijd in van ${MIN_AGE} tot en met ${MAX_AGE} jaar, in hele jaren.`,
    en: `Enter an age from ${MIN_AGE} to ${MAX_AGE}, in whole years.`,
  },
  category_unknown: { nl: 'Kies een soort hulp uit de lijst.', en: 'Choose a kind of help from the list.' },
});

// An empty form field means "no filter", not zero.
const blankIsAbsent = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/** One schema for the search, shared by the API query and the results page. */
export const provisionSearchSchema = z.object({
  municipality: z.preprocess(
    blankIsAbsent,
    z.string().regex(MUNICIPALITY_CODE, { error: 'municipality_code_malformed' }).optional(),
  ),
  age: z.preprocess(
    blankIsAbsent,
    z.coerce
      .number({ error: 'age_range' })
      .int({ error: 'age_range' })
      .min(MIN_AGE, { error: 'age_range' })
      .max(MAX_AGE, { error: 'age_range' })
      .optional(),
  ),
  category: z.preprocess(blankIsAbsent, z.enum(categories, { error: 'category_unknown' }).optional()),
});
export type ProvisionSearch = z.infer<typeof provisionSearchSchema>;

export type SearchResult =
  | { kind: 'unknown-municipality' }
  | { kind: 'found'; municipality: Municipality | null; provisions: Provision[] };

export async function searchProvisions(
  db: Queryable,
  search: ProvisionSearch,
  locale: Locale,
): Promise<SearchResult> {
  let municipality: Municipality | null = null;
  if (search.municipality) {
    municipality = await findMunicipality(db, search.municipality);
    if (!municipality) return { kind: 'unknown-municipality' };
  }
  const candidates = municipality
    ? await provisionsInMunicipality(db, municipality.code)
    : await allProvisions(db);
  const provisions = orderForDisplay(
    candidates.filter((p) => matchesFilter(p, { age: search.age, category: search.category })),
    locale,
  );
  return { kind: 'found', municipality, provisions };
}
