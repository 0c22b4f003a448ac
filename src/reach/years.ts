import { sql } from 'drizzle-orm';
import type { Queryable } from '../platform/db.ts';

/** The years that have any reach figure, oldest first: what a dashboard offers to choose from. */
export async function reachYears(db: Queryable): Promise<number[]> {
  const result = (await db.execute(sql`select distinct year from reach_counts order by year`)) as unknown as {
    rows: { year: number }[];
  };
  return result.rows.map((row) => Number(row.year));
}
