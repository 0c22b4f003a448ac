import { asc, eq } from 'drizzle-orm';
import type { Queryable } from '../platform/db.ts';
import { routingPrecedence } from './schema.ts';

/** What precedence needs to know of a provision a child could apply for. */
export type PrecedenceOption = { key: string; category: string; handledBy: string };

/** Per deferred provision, the provisions of the same kind to apply for first. */
export type Deferrals = Map<string, string[]>;

/**
 * Which of one child's possible provisions are not offered because an organisation that comes first in the
 * municipality helps with the same kind of thing. Within a category, only organisations that have a rank
 * take part: when they differ, every provision of a higher (later) rank is deferred to those of the lowest
 * rank. An organisation without a rank is never deferred and never defers another, so a municipality that
 * configured nothing sees every provision. Pure: ranks come in as data.
 */
export function applyPrecedence(
  options: readonly PrecedenceOption[],
  ranks: ReadonlyMap<string, number>,
): Deferrals {
  const deferrals: Deferrals = new Map();
  const byCategory = new Map<string, PrecedenceOption[]>();
  for (const option of options) {
    if (!ranks.has(option.handledBy)) continue;
    byCategory.set(option.category, [...(byCategory.get(option.category) ?? []), option]);
  }
  for (const ranked of byCategory.values()) {
    const first = Math.min(...ranked.map((o) => ranks.get(o.handledBy)!));
    const firstKeys = ranked.filter((o) => ranks.get(o.handledBy) === first).map((o) => o.key);
    for (const option of ranked) {
      if (ranks.get(option.handledBy)! > first) deferrals.set(option.key, firstKeys);
    }
  }
  return deferrals;
}

/** The municipality's ranks by organisation; empty when it configured none. */
export async function precedenceRanks(db: Queryable, municipalityCode: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ organisation: routingPrecedence.organisationKey, rank: routingPrecedence.rank })
    .from(routingPrecedence)
    .where(eq(routingPrecedence.municipalityCode, municipalityCode))
    .orderBy(asc(routingPrecedence.rank));
  return new Map(rows.map((row) => [row.organisation, row.rank]));
}
