import { sql } from 'drizzle-orm';
import type { Queryable } from '../platform/db.ts';
import type { BreakdownRow } from './figures.ts';

/**
 * What one answer reads from the database, in one statement (one snapshot): the change counters of the
 * year's counts and of the reference data, the municipality's breakdown rows, and whether this transaction
 * wrote anything. The counters are bumped by triggers in every writer's transaction (see schema.ts).
 */
export type ReachState = {
  countsVersion: bigint;
  referenceVersion: bigint;
  /** False inside a transaction that wrote: what it sees may still roll back, so nothing is kept from it. */
  cacheable: boolean;
  breakdownRows: BreakdownRow[];
};

export async function readReachState(db: Queryable, year: number, code: string | null): Promise<ReachState> {
  const result = (await db.execute(sql`
    select
      (select coalesce(sum(version), 0) from reach_versions where year = ${year})::text as counts,
      (select coalesce(max(version), 0) from reach_reference_version)::text as reference,
      txid_current_if_assigned() is null as cacheable,
      (select coalesce(json_agg(json_build_object('boundaries', boundaries, 'dimension', dimension,
          'value', value, 'reached', reached) order by value), '[]')
        from reach_counts
        where boundaries in ('recorded', 'today') and year = ${year} and municipality_code = ${code ?? ''}
          and dimension in ('category', 'provider')) as breakdown`)) as unknown as {
    rows: { counts: string; reference: string; cacheable: boolean; breakdown: BreakdownRow[] | string }[];
  };
  const row = result.rows[0]!;
  return {
    countsVersion: BigInt(row.counts),
    referenceVersion: BigInt(row.reference),
    cacheable: row.cacheable,
    breakdownRows: typeof row.breakdown === 'string' ? JSON.parse(row.breakdown) : row.breakdown,
  };
}

type Entry<T> = { counts: bigint; reference: bigint; value: Promise<T> };

/**
 * Values computed from one state of the database, kept per key while the counters stay the same. The
 * counters only grow (over committed data), so an entry is replaced only by one of a newer state: a reader
 * in an older snapshot computes for itself without pushing the newer entry out.
 */
export class VersionedCache<T> {
  readonly #entries = new Map<string, Entry<T>>();

  constructor(readonly limit: number) {}

  get(
    key: string,
    state: Pick<ReachState, 'countsVersion' | 'referenceVersion' | 'cacheable'>,
    compute: () => Promise<T>,
    uses: 'counts' | 'reference' = 'counts',
  ): Promise<T> {
    if (!state.cacheable) return compute();
    const counts = uses === 'counts' ? state.countsVersion : 0n;
    const known = this.#entries.get(key);
    if (known && known.counts === counts && known.reference === state.referenceVersion) return known.value;
    const value = compute();
    if (known && (known.counts > counts || known.reference > state.referenceVersion)) return value;
    this.#entries.delete(key);
    if (this.#entries.size >= this.limit) this.#entries.delete(this.#entries.keys().next().value!);
    this.#entries.set(key, { counts, reference: state.referenceVersion, value });
    // A failed computation is not kept: the next answer tries again.
    value.catch(() => {
      if (this.#entries.get(key)?.value === value) this.#entries.delete(key);
    });
    return value;
  }
}
