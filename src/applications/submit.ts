import { eq } from 'drizzle-orm';
import type { Clock } from '../platform/clock.ts';
import { isUniqueViolation, type Database, type Queryable, type Transaction } from '../platform/db.ts';
import type { ProcessingActor } from '../platform/processing-log/index.ts';
import type { Pseudonymiser } from '../platform/processing-log/index.ts';
import type { TraceId } from '../platform/trace.ts';
import { submitActivity } from './activities.ts';
import { storeApplications, type ApplicationRows } from './application-insert.ts';
import { groupCommit } from '../platform/group-commit.ts';
import { applications, type incomeSources } from './schema.ts';
import { hashTrackingToken, newReference, trackingToken } from './tokens.ts';

export type IncomeSource = (typeof incomeSources)[number];

export type ChildRequest = {
  firstName: string;
  birthDate: string;
  childKey: string;
  provisions: { key: string; handledBy: string; eligibility: unknown }[];
};

/** A complete, validated application; the pages and the API build it, this module only stores it. */
export type Submission = {
  submissionKey: string;
  channel: 'family' | 'intermediary';
  intermediary: { personId: string; organisationKey: string } | null;
  municipalityCode: string;
  postcode: string;
  houseNumber: string;
  householdType: string;
  incomeSource: IncomeSource;
  netIncomeCents: number | null;
  intermediaryVouches: boolean;
  contactEmail: string | null;
  contactPhone: string | null;
  locale: 'nl' | 'en';
  consent: { text: string; by: 'parent' | 'young_person' | 'family_via_intermediary' };
  children: ChildRequest[];
};

export type Submitted = { created: boolean; id: string; reference: string; trackingToken: string };

export type SubmitContext = {
  db: Database;
  clock: Clock;
  secret: string;
  pseudonymiser: Pseudonymiser;
  actor: ProcessingActor;
  traceId: TraceId;
  /**
   * The count of reference changes the submission was checked at, when it was checked against data kept in
   * memory: storing then refuses with ReferenceChangedError when they changed since (check again, resend).
   */
  referenceGeneration?: number;
  /** Work that belongs with the application, such as removing the draft it came from: same transaction. */
  alsoInTransaction?: (tx: Transaction) => Promise<void>;
  /** The confirmation mail: subject and body in the family's language, with the link and code in them. */
  confirmation: (submitted: { reference: string; trackingToken: string; locale: 'nl' | 'en' }) => {
    subject: string;
    body: string;
  };
};

async function existing(db: Queryable, submissionKey: string, secret: string): Promise<Submitted | null> {
  const [row] = await db
    .select({ id: applications.id, reference: applications.reference })
    .from(applications)
    .where(eq(applications.submissionKey, submissionKey));
  return row ? { created: false, ...row, trackingToken: trackingToken(secret, row.id) } : null;
}

/** A second application with the same submission key: the one statement below failed as a whole. */
const isRepeatedSubmission = (error: unknown) => isUniqueViolation(error, 'applications_submission_key');

/** What application-insert.ts stores for one application, with what it needs made up here. */
function applicationRows(submission: Submission, context: SubmitContext, made: Made): ApplicationRows {
  return {
    submission,
    referenceGeneration: context.referenceGeneration ?? null,
    made: { ...made, trackingTokenHash: hashTrackingToken(made.token) },
    pseudonymiser: context.pseudonymiser,
    processing: submission.children.map((child) => ({
      actor: context.actor,
      activity: submitActivity,
      action: 'create' as const,
      subject: { kind: 'child', id: child.childKey },
      traceId: context.traceId,
    })),
    mail: submission.contactEmail
      ? {
          recipient: submission.contactEmail,
          purpose: 'application-received',
          ...context.confirmation({
            reference: made.reference,
            trackingToken: made.token,
            locale: submission.locale,
          }),
        }
      : null,
  };
}

/**
 * Applications submitted at the same time are stored together (group commit, decision 6), per database: they
 * share a statement's start, its commit and its round trip. With 50 clients at once that took the endpoint
 * from 902 to 1,269–1,640 submissions a second (BENCHMARKS.md, section 4). Alone, one is stored at once.
 */
const storersByDatabase = new WeakMap<Database, (rows: ApplicationRows) => Promise<boolean>>();
function storeWithOthers(db: Database, rows: ApplicationRows): Promise<boolean> {
  let store = storersByDatabase.get(db);
  if (!store) {
    store = groupCommit({
      writeTogether: (list: ApplicationRows[]) => storeApplications(db, list),
      groupOf: (item) => item.referenceGeneration,
      maxInFlight: 4,
      maxGroup: 50,
    });
    storersByDatabase.set(db, store);
  }
  return store(rows);
}

/** The catalogue, schemes or postcodes changed after the submission was checked: nothing was stored. */
export class ReferenceChangedError extends Error {
  constructor() {
    super('the reference data changed after the submission was checked');
  }
}

type Made = { id: string; reference: string; token: string; now: Date };

/**
 * Stores an application with its children, one item per provision (each to its handling organisation),
 * the first event of each, one processing-log record per child and the confirmation mail, all or nothing.
 * The same submission key again returns the first application: a double click, a retry after a lost
 * answer or ten concurrent submits create one (the unique key refuses the others' statement whole).
 */
export async function submitApplication(submission: Submission, context: SubmitContext): Promise<Submitted> {
  const { db, clock, secret } = context;
  const id = crypto.randomUUID();
  const made: Made = { id, reference: newReference(), token: trackingToken(secret, id), now: clock.now() };
  const submitted: Submitted = { created: true, id, reference: made.reference, trackingToken: made.token };
  const alsoInTransaction = context.alsoInTransaction;
  try {
    const rows = applicationRows(submission, context, made);
    const fresh = !alsoInTransaction
      ? await storeWithOthers(db, rows)
      : await db.transaction(async (tx) => {
          if (!(await storeApplications(tx, [rows]))) return false;
          await alsoInTransaction(tx);
          return true;
        });
    if (!fresh) throw new ReferenceChangedError();
    return submitted;
  } catch (error) {
    if (!isRepeatedSubmission(error)) throw error;
  }
  // The key was used before (a repeat, or a concurrent submit that committed first): that application.
  if (!alsoInTransaction) return (await existing(db, submission.submissionKey, secret))!;
  return db.transaction(async (tx) => {
    await alsoInTransaction(tx);
    return (await existing(tx, submission.submissionKey, secret))!;
  });
}
