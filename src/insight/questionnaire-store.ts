import { createHmac } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Queryable, Transaction } from '../platform/db.ts';
import { discloseTable, type ProtectedTable } from './disclose.ts';
import { likedOptions, meantOptions, type Answers } from './questionnaire.ts';
import { childAnswers, childQuestionnairesUsed } from './schema.ts';

/** A keyed hash of the delivery: enough to refuse a second answer, useless to find the first one. */
export const deliveryHash = (secret: string, itemId: string) =>
  createHmac('sha256', secret).update(`vragenlijst:${itemId}`).digest('base64url');

export async function alreadyAnswered(db: Queryable, hash: string): Promise<boolean> {
  const rows = await db
    .select()
    .from(childQuestionnairesUsed)
    .where(eq(childQuestionnairesUsed.deliveryHash, hash));
  return rows.length > 0;
}

/** Stores the answers once per delivery; false when this delivery's questionnaire was already answered. */
export async function saveAnswers(
  tx: Transaction,
  input: {
    hash: string;
    municipalityCode: string;
    category: string;
    quarter: string;
    answers: Required<Answers>;
  },
): Promise<boolean> {
  const used = await tx
    .insert(childQuestionnairesUsed)
    .values({ deliveryHash: input.hash })
    .onConflictDoNothing()
    .returning();
  if (used.length === 0) return false;
  await tx.insert(childAnswers).values({
    municipalityCode: input.municipalityCode,
    provisionCategory: input.category,
    quarter: input.quarter,
    liked: input.answers.liked,
    meant: input.answers.meant,
    missing: input.answers.missing.trim() || null,
    filledInBy: input.answers.filledInBy,
  });
  return true;
}

export type ChildrenFigures = {
  municipalities: string[];
  liked: ProtectedTable;
  meant: ProtectedTable;
};

/** How children rated what they received, per municipality, and what it meant to them: all disclosed. */
export async function childrenFigures(db: Queryable): Promise<ChildrenFigures> {
  const rows = await db
    .select({
      municipality: childAnswers.municipalityCode,
      liked: childAnswers.liked,
      meant: childAnswers.meant,
      n: sql<number>`count(*)::int`,
    })
    .from(childAnswers)
    .groupBy(childAnswers.municipalityCode, childAnswers.liked, childAnswers.meant);
  const municipalities = [...new Set(rows.map((r) => r.municipality))].sort();
  const count = (filter: (r: (typeof rows)[number]) => boolean) =>
    rows.filter(filter).reduce((sum, r) => sum + r.n, 0);
  const cells = municipalities.map((m) =>
    likedOptions.map((l) => count((r) => r.municipality === m && r.liked === l)),
  );
  const rowTotals = municipalities.map((m) => count((r) => r.municipality === m));
  const liked = discloseTable({
    cells,
    rowTotals,
    columnTotals: likedOptions.map((l) => count((r) => r.liked === l)),
    grandTotal: count(() => true),
  });
  // What it meant, for the whole country: several may be ticked, so the total is the number of answers.
  const meant = discloseTable({
    cells: [meantOptions.map((m) => count((r) => r.meant.includes(m)))],
    rowTotals: [count(() => true)],
  });
  return { municipalities, liked, meant };
}
