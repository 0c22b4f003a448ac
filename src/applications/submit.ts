import { eq } from 'drizzle-orm';
import type { Clock } from '../platform/clock.ts';
import type { Database, Transaction } from '../platform/db.ts';
import { enqueueMail } from '../platform/mail/index.ts';
import { logProcessingMany, type ProcessingActor } from '../platform/processing-log/index.ts';
import type { Pseudonymiser } from '../platform/processing-log/index.ts';
import type { TraceId } from '../platform/trace.ts';
import { submitActivity } from './activities.ts';
import {
  applicationChildren,
  applicationEvents,
  applicationItems,
  applications,
  type incomeSources,
} from './schema.ts';
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
  /** Work that belongs with the application, such as removing the draft it came from: same transaction. */
  alsoInTransaction?: (tx: Transaction) => Promise<void>;
  /** The confirmation mail: subject and body in the family's language, with the link and code in them. */
  confirmation: (submitted: { reference: string; trackingToken: string; locale: 'nl' | 'en' }) => {
    subject: string;
    body: string;
  };
};

async function existing(tx: Transaction, submissionKey: string, secret: string): Promise<Submitted | null> {
  const [row] = await tx
    .select({ id: applications.id, reference: applications.reference })
    .from(applications)
    .where(eq(applications.submissionKey, submissionKey));
  return row ? { created: false, ...row, trackingToken: trackingToken(secret, row.id) } : null;
}

/**
 * Stores an application with its children, one item per provision (each to its handling organisation),
 * the first event of each, one processing-log record per child and the confirmation mail, all in one
 * transaction. The same submission key again returns the first application: a double click, a retry
 * after a lost answer or ten concurrent submits create one.
 */
export async function submitApplication(submission: Submission, context: SubmitContext): Promise<Submitted> {
  const { db, clock, secret } = context;
  return db.transaction(async (tx) => {
    const now = clock.now();
    const id = crypto.randomUUID();
    const token = trackingToken(secret, id);
    const inserted = await tx
      .insert(applications)
      .values({
        id,
        reference: newReference(),
        trackingTokenHash: hashTrackingToken(token),
        channel: submission.channel,
        intermediaryPersonId: submission.intermediary?.personId ?? null,
        intermediaryOrganisation: submission.intermediary?.organisationKey ?? null,
        municipalityCode: submission.municipalityCode,
        postcode: submission.postcode,
        houseNumber: submission.houseNumber,
        householdType: submission.householdType,
        incomeSource: submission.incomeSource,
        netIncomeCents: submission.netIncomeCents,
        intermediaryVouches: submission.intermediaryVouches,
        contactEmail: submission.contactEmail,
        contactPhone: submission.contactPhone,
        locale: submission.locale,
        consentText: submission.consent.text,
        consentBy: submission.consent.by,
        consentedAt: now,
        submissionKey: submission.submissionKey,
        submittedAt: now,
      })
      // The same key again (a repeat, or a concurrent submit that committed first): return that application.
      .onConflictDoNothing({ target: applications.submissionKey })
      .returning({ reference: applications.reference });
    const reference = inserted[0]?.reference;
    if (!reference) {
      await context.alsoInTransaction?.(tx);
      return (await existing(tx, submission.submissionKey, secret))!;
    }

    // Ids are made here, so children, items and their first events take one statement each, whatever
    // the number of children.
    const actorKind = submission.channel === 'family' ? 'family' : 'staff';
    const children = submission.children.map((child, position) => ({
      id: crypto.randomUUID(),
      applicationId: id,
      position,
      firstName: child.firstName,
      birthDate: child.birthDate,
      childKey: child.childKey,
    }));
    const items = submission.children.flatMap((child, position) =>
      child.provisions.map((p) => ({
        id: crypto.randomUUID(),
        applicationId: id,
        childId: children[position]!.id,
        provisionKey: p.key,
        handlingOrganisation: p.handledBy,
        status: 'submitted',
        eligibility: p.eligibility,
        updatedAt: now,
      })),
    );
    await tx.insert(applicationChildren).values(children);
    if (items.length > 0) {
      await tx.insert(applicationItems).values(items);
      await tx.insert(applicationEvents).values(
        items.map((item) => ({
          itemId: item.id,
          fromStatus: null,
          toStatus: 'submitted',
          actorKind,
          actorPersonId: submission.intermediary?.personId ?? null,
          at: now,
        })),
      );
    }
    await logProcessingMany(
      tx,
      submission.children.map((child) => ({
        actor: context.actor,
        activity: submitActivity,
        action: 'create' as const,
        subject: { kind: 'child', id: child.childKey },
        traceId: context.traceId,
      })),
      context.pseudonymiser,
    );
    if (submission.contactEmail) {
      const mail = context.confirmation({ reference, trackingToken: token, locale: submission.locale });
      await enqueueMail(tx, { recipient: submission.contactEmail, purpose: 'application-received', ...mail });
    }
    await context.alsoInTransaction?.(tx);
    return { created: true, id, reference, trackingToken: token };
  });
}
