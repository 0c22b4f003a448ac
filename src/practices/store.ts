import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable, Transaction } from '../platform/db.ts';
import type { PracticeInput } from './practice-form.ts';
import { practiceReactions, practiceReviewSteps, practices } from './schema.ts';
import type { PracticeStatus } from './workflow.ts';

export type Practice = Omit<typeof practices.$inferSelect, 'search' | 'status'> & { status: PracticeStatus };
export type ReviewStep = { fromStatus: string | null; toStatus: string; comment: string | null; at: Date };
export type Reaction = { organisationKey: string; note: string | null; createdAt: Date };

const columns = {
  id: practices.id,
  organisationKey: practices.organisationKey,
  title: practices.title,
  summary: practices.summary,
  problem: practices.problem,
  approach: practices.approach,
  ambitions: practices.ambitions,
  lifeDomains: practices.lifeDomains,
  targetGroup: practices.targetGroup,
  results: practices.results,
  evidence: practices.evidence,
  costs: practices.costs,
  contact: practices.contact,
  documents: practices.documents,
  status: practices.status,
  submittedBy: practices.submittedBy,
  submittedAt: practices.submittedAt,
  publishedAt: practices.publishedAt,
};
const asPractice = (row: Record<string, unknown>) => row as Practice;

export async function insertPractice(
  tx: Transaction,
  input: { organisationKey: string; submittedBy: string | null; practice: PracticeInput },
): Promise<string> {
  const [row] = await tx
    .insert(practices)
    .values({
      ...input.practice,
      organisationKey: input.organisationKey,
      submittedBy: input.submittedBy,
      status: 'submitted',
    })
    .returning({ id: practices.id });
  await tx
    .insert(practiceReviewSteps)
    .values({ practiceId: row!.id, fromStatus: null, toStatus: 'submitted', by: input.submittedBy });
  return row!.id;
}

/** The submitter's corrected version after a return; it goes back into review. */
export async function resubmitPractice(
  tx: Transaction,
  id: string,
  practice: PracticeInput,
  by: string,
): Promise<boolean> {
  const updated = await tx
    .update(practices)
    .set({ ...practice, status: 'submitted' })
    .where(and(eq(practices.id, id), eq(practices.status, 'returned')))
    .returning({ id: practices.id });
  if (updated.length === 0) return false;
  await tx
    .insert(practiceReviewSteps)
    .values({ practiceId: id, fromStatus: 'returned', toStatus: 'submitted', by });
  return true;
}

/**
 * Moves a practice from the status the reviewer saw to the next one; when someone moved it meanwhile, nothing
 * changes and false says so. The step is appended to the history in the same transaction.
 */
export async function movePractice(
  tx: Transaction,
  move: { id: string; from: PracticeStatus; to: PracticeStatus; comment: string | null; by: string | null },
): Promise<boolean> {
  const updated = await tx
    .update(practices)
    .set({
      status: move.to,
      ...(move.to === 'published' ? { publishedAt: sql`now()` } : {}),
    })
    .where(and(eq(practices.id, move.id), eq(practices.status, move.from)))
    .returning({ id: practices.id });
  if (updated.length === 0) return false;
  await tx.insert(practiceReviewSteps).values({
    practiceId: move.id,
    fromStatus: move.from,
    toStatus: move.to,
    comment: move.comment,
    by: move.by,
  });
  return true;
}

export async function findPractice(db: Queryable, id: string): Promise<Practice | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [row] = await db.select(columns).from(practices).where(eq(practices.id, id));
  return row ? asPractice(row) : null;
}

export async function reviewHistory(db: Queryable, id: string): Promise<ReviewStep[]> {
  return db
    .select({
      fromStatus: practiceReviewSteps.fromStatus,
      toStatus: practiceReviewSteps.toStatus,
      comment: practiceReviewSteps.comment,
      at: practiceReviewSteps.at,
    })
    .from(practiceReviewSteps)
    .where(eq(practiceReviewSteps.practiceId, id))
    .orderBy(asc(practiceReviewSteps.id));
}

export async function practicesOf(db: Queryable, organisationKey: string): Promise<Practice[]> {
  const rows = await db
    .select(columns)
    .from(practices)
    .where(eq(practices.organisationKey, organisationKey))
    .orderBy(desc(practices.submittedAt));
  return rows.map(asPractice);
}

export async function practicesToReview(db: Queryable): Promise<Practice[]> {
  const rows = await db
    .select(columns)
    .from(practices)
    .where(inArray(practices.status, ['submitted', 'reviewed']))
    .orderBy(asc(practices.submittedAt));
  return rows.map(asPractice);
}

export type LibraryQuery = { q?: string; ambition?: number; domain?: string };

/**
 * Published practices, best match first when searched: Dutch stemming ("sportclubs" finds "sportclub"),
 * the title weighing more than the summary and the summary more than the rest.
 */
export async function searchLibrary(db: Queryable, query: LibraryQuery): Promise<Practice[]> {
  const q = query.q?.trim();
  const tsquery = sql`plainto_tsquery('dutch', ${q ?? ''})`;
  const rows = await db
    .select(columns)
    .from(practices)
    .where(
      and(
        eq(practices.status, 'published'),
        q ? sql`${practices.search} @@ ${tsquery}` : undefined,
        query.ambition
          ? sql`${practices.ambitions} @> ${JSON.stringify([query.ambition])}::jsonb`
          : undefined,
        query.domain ? sql`${practices.lifeDomains} @> ${JSON.stringify([query.domain])}::jsonb` : undefined,
      ),
    )
    .orderBy(...(q ? [desc(sql`ts_rank(${practices.search}, ${tsquery})`)] : []), desc(practices.publishedAt))
    .limit(100);
  return rows.map(asPractice);
}

export async function reactionsTo(db: Queryable, practiceId: string): Promise<Reaction[]> {
  return db
    .select({
      organisationKey: practiceReactions.organisationKey,
      note: practiceReactions.note,
      createdAt: practiceReactions.createdAt,
    })
    .from(practiceReactions)
    .where(eq(practiceReactions.practiceId, practiceId))
    .orderBy(asc(practiceReactions.createdAt));
}

/** "We tried this too", once per person; saying it again changes the note. */
export async function react(
  tx: Transaction,
  reaction: { practiceId: string; personId: string; organisationKey: string; note: string | null },
): Promise<void> {
  await tx
    .insert(practiceReactions)
    .values(reaction)
    .onConflictDoUpdate({
      target: [practiceReactions.practiceId, practiceReactions.personId],
      set: { note: reaction.note, organisationKey: reaction.organisationKey },
    });
}
