import { eq } from 'drizzle-orm';
import { provisions } from '../catalogue/schema.ts';
import type { Transaction } from '../platform/db.ts';
import { enqueueMail } from '../platform/mail/index.ts';
import { logProcessing, type Pseudonymiser } from '../platform/processing-log/index.ts';
import type { TraceId } from '../platform/trace.ts';
import { handleActivity, trackActivity } from './activities.ts';
import { applicationChildren, applicationEvents, applicationItems, applications } from './schema.ts';
import { statusMail } from './status-mail.ts';
import { canMove, familyIsNotified, isFinal, type ActorKind, type ItemStatus } from './status.ts';
import { trackingToken } from './tokens.ts';

export type MoveActor = {
  kind: ActorKind;
  personId: string | null;
  role: string; // for the processing log: 'family', 'intermediary', 'handler', …
  organisation: string | null;
};

export type MoveRequest = {
  itemId: string;
  to: ItemStatus;
  actor: MoveActor;
  reasonCode?: string | null;
  text?: string | null;
  now: Date;
  traceId: TraceId;
};

export type MoveContext = { secret: string; publicBaseUrl: string; pseudonymiser: Pseudonymiser };

export type MoveResult =
  | { ok: true; from: ItemStatus; applicationId: string }
  | { ok: false; reason: 'not-found' | 'not-allowed'; current?: ItemStatus };

/**
 * Moves one item to a new status in the caller's transaction: the status, its history, the processing-log
 * record and the family's e-mail are written together, or none of them. The row is locked first, so two
 * handlers deciding at once cannot both move it from the same status.
 */
export async function moveItem(
  tx: Transaction,
  request: MoveRequest,
  context: MoveContext,
): Promise<MoveResult> {
  const [row] = await tx
    .select({
      status: applicationItems.status,
      applicationId: applicationItems.applicationId,
      reference: applications.reference,
      locale: applications.locale,
      contactEmail: applications.contactEmail,
      childKey: applicationChildren.childKey,
      provisionNl: provisions.nameNl,
      provisionEn: provisions.nameEn,
    })
    .from(applicationItems)
    .innerJoin(applications, eq(applications.id, applicationItems.applicationId))
    .innerJoin(applicationChildren, eq(applicationChildren.id, applicationItems.childId))
    .innerJoin(provisions, eq(provisions.key, applicationItems.provisionKey))
    .where(eq(applicationItems.id, request.itemId))
    .for('update', { of: applicationItems });
  if (!row) return { ok: false, reason: 'not-found' };
  const from = row.status as ItemStatus;
  if (!canMove(from, request.to, request.actor.kind))
    return { ok: false, reason: 'not-allowed', current: from };

  await tx
    .update(applicationItems)
    .set({ status: request.to, updatedAt: request.now, finalAt: isFinal(request.to) ? request.now : null })
    .where(eq(applicationItems.id, request.itemId));
  await tx.insert(applicationEvents).values({
    itemId: request.itemId,
    fromStatus: from,
    toStatus: request.to,
    actorKind: request.actor.kind,
    actorPersonId: request.actor.personId,
    reasonCode: request.reasonCode ?? null,
    text: request.text ?? null,
    at: request.now,
  });
  if (row.childKey) {
    await logProcessing(
      tx,
      {
        actor: {
          personId: request.actor.personId,
          role: request.actor.role,
          organisation: request.actor.organisation,
        },
        activity: request.actor.kind === 'staff' ? handleActivity : trackActivity,
        action: 'update',
        subject: { kind: 'child', id: row.childKey },
        traceId: request.traceId,
      },
      context.pseudonymiser,
    );
  }
  if (row.contactEmail && familyIsNotified(request.to)) {
    const locale = row.locale === 'en' ? 'en' : 'nl';
    const mail = statusMail({
      locale,
      status: request.to,
      provisionName: locale === 'en' ? row.provisionEn : row.provisionNl,
      reference: row.reference,
      trackingUrl: `${context.publicBaseUrl}/volgen/${trackingToken(context.secret, row.applicationId)}`,
    });
    if (mail) await enqueueMail(tx, { recipient: row.contactEmail, purpose: 'application-status', ...mail });
  }
  return { ok: true, from, applicationId: row.applicationId };
}
