import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, gt } from 'drizzle-orm';
import type { Database, Queryable } from '../platform/db.ts';
import { logDraftSave, type DraftRecord } from './draft-log.ts';
import { readDraftAnswers, type DraftAnswers, type DraftStep } from './intermediary-draft.ts';
import { applicationDrafts, applications } from './schema.ts';

/** An intermediary's draft stays a month: long enough for a family to find a payslip, short enough to forget. */
export const DRAFT_DAYS = 30;

export type StaffDraft = { id: string; answers: DraftAnswers; step: string; updatedAt: Date };

/** The submission key of a draft: sending it twice (a double click, a retry) finds the first application. */
export const submissionKeyFor = (draftId: string) => `intermediary-draft:${draftId}`;

const expiry = (now: Date) => new Date(now.getTime() + DRAFT_DAYS * 24 * 60 * 60 * 1000);

/**
 * A new draft of this person. Staff drafts are found by their owner, not by a cookie; the token column is
 * unique and required, so it holds the hash of a random value nobody holds.
 */
export async function createStaffDraft(
  db: Queryable,
  ownerPersonId: string,
  organisation: string,
  now: Date,
) {
  const [row] = await db
    .insert(applicationDrafts)
    .values({
      tokenHash: createHash('sha256').update(randomBytes(32)).digest('base64url'),
      ownerPersonId,
      answers: { organisation } satisfies DraftAnswers,
      step: 'gezin',
      createdAt: now,
      updatedAt: now,
      expiresAt: expiry(now),
    })
    .returning({ id: applicationDrafts.id });
  return row!.id;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The person's own unexpired draft for this organisation, or null (someone else's is null too). */
export async function findStaffDraft(
  db: Queryable,
  draftId: string,
  ownerPersonId: string,
  organisation: string,
  now: Date,
): Promise<StaffDraft | null> {
  if (!UUID.test(draftId)) return null;
  const [row] = await db
    .select()
    .from(applicationDrafts)
    .where(
      and(
        eq(applicationDrafts.id, draftId),
        eq(applicationDrafts.ownerPersonId, ownerPersonId),
        gt(applicationDrafts.expiresAt, now),
      ),
    );
  const answers = row ? readDraftAnswers(row.answers) : null;
  if (!row || !answers || answers.organisation !== organisation) return null;
  return { id: row.id, answers, step: row.step, updatedAt: row.updatedAt };
}

/** Every save moves the expiry on: a draft someone is still working on does not run out. */
export async function saveStaffDraft(
  db: Database,
  draftId: string,
  answers: DraftAnswers,
  step: DraftStep,
  now: Date,
  record: DraftRecord,
) {
  await db.transaction(async (tx) => {
    await tx
      .update(applicationDrafts)
      .set({ answers, step, updatedAt: now, expiresAt: expiry(now) })
      .where(eq(applicationDrafts.id, draftId));
    await logDraftSave(tx, draftId, record);
  });
}

export async function deleteStaffDraft(db: Queryable, draftId: string) {
  await db.delete(applicationDrafts).where(eq(applicationDrafts.id, draftId));
}

/** The person's unfinished drafts for this organisation, newest first, to resume from the caseload. */
export async function openStaffDrafts(
  db: Queryable,
  ownerPersonId: string,
  organisation: string,
  now: Date,
): Promise<StaffDraft[]> {
  const rows = await db
    .select()
    .from(applicationDrafts)
    .where(and(eq(applicationDrafts.ownerPersonId, ownerPersonId), gt(applicationDrafts.expiresAt, now)))
    .orderBy(desc(applicationDrafts.updatedAt))
    .limit(50);
  return rows.flatMap((row) => {
    const answers = readDraftAnswers(row.answers);
    return answers && answers.organisation === organisation
      ? [{ id: row.id, answers, step: row.step, updatedAt: row.updatedAt }]
      : [];
  });
}

/** The application a draft became, when this person sent it (the draft itself is gone then). */
export async function applicationSentFrom(db: Queryable, draftId: string, personId: string) {
  if (!UUID.test(draftId)) return null;
  const [row] = await db
    .select({ id: applications.id })
    .from(applications)
    .where(
      and(
        eq(applications.submissionKey, submissionKeyFor(draftId)),
        eq(applications.intermediaryPersonId, personId),
      ),
    );
  return row?.id ?? null;
}
