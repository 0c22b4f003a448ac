import { createHash, createHmac, randomBytes } from 'node:crypto';
import { and, eq, gt, lte } from 'drizzle-orm';
import type { Database, Queryable } from '../platform/db.ts';
import { logDraftSave, type DraftRecord } from './draft-log.ts';
import { applicationDrafts } from './schema.ts';

/** The cookie that finds a family's draft again; only a hash of its value is stored. */
export const DRAFT_COOKIE = 'meedoen_aanvraag';
/** A draft lives a week after its last change: long enough to find a payslip, short for a shared computer. */
export const DRAFT_LIFETIME_MS = 7 * 24 * 3600 * 1000;

export type Draft = { id: string; tokenHash: string; answers: unknown; step: string; expiresAt: Date };

export function newDraftToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashDraftToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/**
 * The submission key of the application sent from a draft: a repeat of the final POST (double click, a
 * resend after a lost answer) carries the same cookie, so it finds the application the first one created,
 * even after the draft itself is gone.
 */
export function draftSubmissionKey(secret: string, tokenHash: string): string {
  return `page:${createHmac('sha256', secret).update(`application-draft:${tokenHash}`).digest('base64url')}`;
}

export async function findDraft(db: Queryable, tokenHash: string, now: Date): Promise<Draft | null> {
  const [row] = await db
    .select({
      id: applicationDrafts.id,
      tokenHash: applicationDrafts.tokenHash,
      answers: applicationDrafts.answers,
      step: applicationDrafts.step,
      expiresAt: applicationDrafts.expiresAt,
    })
    .from(applicationDrafts)
    .where(and(eq(applicationDrafts.tokenHash, tokenHash), gt(applicationDrafts.expiresAt, now)));
  return row ?? null;
}

export async function createDraft(db: Queryable, tokenHash: string, step: string, now: Date): Promise<void> {
  await db.insert(applicationDrafts).values({
    tokenHash,
    answers: {},
    step,
    createdAt: now,
    updatedAt: now,
    expiresAt: new Date(now.getTime() + DRAFT_LIFETIME_MS),
  });
}

/** Saves the answers and the step to resume at; every save gives the draft another week. */
export async function saveDraft(
  db: Database,
  id: string,
  change: { answers: unknown; step: string },
  now: Date,
  record: DraftRecord,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(applicationDrafts)
      .set({ ...change, updatedAt: now, expiresAt: new Date(now.getTime() + DRAFT_LIFETIME_MS) })
      .where(eq(applicationDrafts.id, id));
    await logDraftSave(tx, id, record);
  });
}

export async function deleteDraft(db: Queryable, tokenHash: string): Promise<void> {
  await db.delete(applicationDrafts).where(eq(applicationDrafts.tokenHash, tokenHash));
}

/** For the daily job: drafts nobody came back to are deleted, with everything typed in them. */
export async function deleteExpiredDrafts(db: Queryable, now: Date): Promise<number> {
  const deleted = await db
    .delete(applicationDrafts)
    .where(lte(applicationDrafts.expiresAt, now))
    .returning({ id: applicationDrafts.id });
  return deleted.length;
}
