import { orderForDisplay, provisionsInMunicipality } from '../catalogue/index.ts';
import { findMunicipality, type Municipality } from '../municipalities/index.ts';
import type { Queryable } from '../platform/db.ts';
import type { Locale } from '../platform/i18n.ts';
import { checkHousehold, type CheckRequest, type CheckResult } from './check.ts';
import type { Parameters } from './parameters.ts';

export type CheckRun =
  { kind: 'unknown-municipality' } | { kind: 'done'; municipality: Municipality; result: CheckResult };

/** Loads what the check needs and runs it; nothing about the household is stored. */
export async function runCheck(
  db: Queryable,
  parameters: Parameters,
  request: CheckRequest,
  today: string,
  locale: Locale,
): Promise<CheckRun> {
  const municipality = await findMunicipality(db, request.municipality);
  if (!municipality) return { kind: 'unknown-municipality' };
  const provisions = orderForDisplay(await provisionsInMunicipality(db, municipality.code), locale);
  return {
    kind: 'done',
    municipality,
    result: checkHousehold(request, provisions, parameters, request.date ?? today),
  };
}
