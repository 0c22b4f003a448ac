import { sql } from 'drizzle-orm';
import type { Transaction } from '../platform/db.ts';
import type { LabourParticipationRow } from './labour-participation-file.ts';
import { povertyLabourParticipation } from './schema.ts';

/**
 * Writes validated labour-participation figures: a row for a year, definition and income source already
 * there is replaced (a newer publication), others are added. The caller owns the transaction, so a file
 * goes in whole or not at all.
 */
export async function importLabourParticipation({
  tx,
  rows,
}: {
  tx: Transaction;
  rows: LabourParticipationRow[];
}): Promise<{ written: number }> {
  if (rows.length === 0) return { written: 0 };
  await tx
    .insert(povertyLabourParticipation)
    .values(rows)
    .onConflictDoUpdate({
      target: [
        povertyLabourParticipation.year,
        povertyLabourParticipation.definition,
        povertyLabourParticipation.incomeSource,
      ],
      set: {
        households: sql`excluded.households`,
        percentage: sql`excluded.percentage`,
        status: sql`excluded.status`,
        source: sql`excluded.source`,
        sourceUrl: sql`excluded.source_url`,
        importedAt: sql`now()`,
      },
    });
  return { written: rows.length };
}
