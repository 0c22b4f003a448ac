import { orderForDisplay, provisionsInMunicipality } from '../catalogue/index.ts';
import { findMunicipality, type Municipality } from '../municipalities/index.ts';
import type { Queryable } from '../platform/db.ts';
import type { Locale } from '../platform/i18n.ts';
import { checkHousehold, type CheckRequest, type CheckResult } from './check.ts';
import type { ReferenceParameters } from './parameters.ts';
import { loadSchemes } from './scheme-store.ts';

export type CheckRun =
  { kind: 'unknown-municipality' } | { kind: 'done'; municipality: Municipality; result: CheckResult };

/** Loads what the check needs and runs it; nothing about the household is stored. */
export async function runCheck(
  db: Queryable,
  reference: ReferenceParameters,
  request: CheckRequest,
  today: string,
  locale: Locale,
): Promise<CheckRun> {
  const municipality = await findMunicipality(db, request.municipality);
  if (!municipality) return { kind: 'unknown-municipality' };
  const provisions = orderForDisplay(await provisionsInMunicipality(db, municipality.code), locale);
  const schemes = await loadSchemes(
    db,
    provisions.flatMap((p) => (p.scheme ? [p.scheme] : [])),
  );
  return {
    kind: 'done',
    municipality,
    result: checkHousehold(request, provisions, { ...reference, schemes }, request.date ?? today),
  };
}
