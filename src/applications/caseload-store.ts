import { historyOf, type ItemEvent } from './history.ts';
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import { provisions } from '../catalogue/schema.ts';
import { municipalityTable } from '../municipalities/index.ts';
import type { Transaction } from '../platform/db.ts';
import {
  logProcessing,
  logProcessingMany,
  type ProcessingActor,
  type Pseudonymiser,
} from '../platform/processing-log/index.ts';
import type { TraceId } from '../platform/trace.ts';
import { trackActivity } from './activities.ts';
import { applicationChildren, applicationEvents, applicationItems, applications } from './schema.ts';
import type { ItemStatus } from './status.ts';

/** Who reads or acts: the intermediary, in the organisation the address names. */
export type IntermediaryActor = {
  personId: string;
  organisation: string;
  traceId: TraceId;
  pseudonymiser: Pseudonymiser;
};

const processingActor = (actor: IntermediaryActor): ProcessingActor => ({
  personId: actor.personId,
  role: 'intermediary',
  organisation: actor.organisation,
});

/** Made by this person for this organisation: nobody else's application is ever read here. */
const ownedBy = (actor: IntermediaryActor) =>
  and(
    eq(applications.intermediaryPersonId, actor.personId),
    eq(applications.intermediaryOrganisation, actor.organisation),
  );

export type CaseloadItem = {
  id: string;
  childId: string;
  provisionKey: string;
  provisionName: { nl: string; en: string };
  handlingOrganisation: string;
  status: ItemStatus;
  updatedAt: Date;
  participationConfirmedAt: Date | null;
};
export type CaseloadChild = {
  id: string;
  position: number;
  firstName: string | null;
  childKey: string | null;
};
export type CaseloadApplication = {
  id: string;
  reference: string;
  submittedAt: Date;
  municipalityName: string;
  erased: boolean;
  children: CaseloadChild[];
  items: CaseloadItem[];
};

/** The newest this many; older ones are still found by their address from the family's code. */
export const CASELOAD_LIMIT = 200;

async function childrenAndItems(tx: Transaction, applicationIds: string[]) {
  if (applicationIds.length === 0) return { children: [], items: [] };
  const children = await tx
    .select({
      id: applicationChildren.id,
      applicationId: applicationChildren.applicationId,
      position: applicationChildren.position,
      firstName: applicationChildren.firstName,
      childKey: applicationChildren.childKey,
    })
    .from(applicationChildren)
    .where(inArray(applicationChildren.applicationId, applicationIds))
    .orderBy(asc(applicationChildren.position));
  const items = await tx
    .select({
      id: applicationItems.id,
      applicationId: applicationItems.applicationId,
      childId: applicationItems.childId,
      provisionKey: applicationItems.provisionKey,
      nameNl: provisions.nameNl,
      nameEn: provisions.nameEn,
      handlingOrganisation: applicationItems.handlingOrganisation,
      status: applicationItems.status,
      updatedAt: applicationItems.updatedAt,
      participationConfirmedAt: applicationItems.participationConfirmedAt,
    })
    .from(applicationItems)
    .innerJoin(provisions, eq(provisions.key, applicationItems.provisionKey))
    .where(inArray(applicationItems.applicationId, applicationIds))
    .orderBy(asc(applicationItems.childId), asc(provisions.nameNl));
  return { children, items };
}

/** One read record per child whose first name is shown, in the transaction that read it. */
async function logShown(tx: Transaction, actor: IntermediaryActor, children: CaseloadChild[]) {
  await logProcessingMany(
    tx,
    children
      .filter((child) => child.firstName !== null && child.childKey !== null)
      .map((child) => ({
        actor: processingActor(actor),
        activity: trackActivity,
        action: 'read' as const,
        subject: { kind: 'child', id: child.childKey! },
        traceId: actor.traceId,
      })),
    actor.pseudonymiser,
  );
}

function assemble(
  row: { id: string; reference: string; submittedAt: Date; municipalityName: string; erasedAt: Date | null },
  found: Awaited<ReturnType<typeof childrenAndItems>>,
): CaseloadApplication {
  return {
    id: row.id,
    reference: row.reference,
    submittedAt: row.submittedAt,
    municipalityName: row.municipalityName,
    erased: row.erasedAt !== null,
    children: found.children.filter((c) => c.applicationId === row.id),
    items: found.items
      .filter((i) => i.applicationId === row.id)
      .map((i) => ({
        id: i.id,
        childId: i.childId,
        provisionKey: i.provisionKey,
        provisionName: { nl: i.nameNl, en: i.nameEn },
        handlingOrganisation: i.handlingOrganisation,
        status: i.status as ItemStatus,
        updatedAt: i.updatedAt,
        participationConfirmedAt: i.participationConfirmedAt,
      })),
  };
}

const applicationColumns = {
  id: applications.id,
  reference: applications.reference,
  submittedAt: applications.submittedAt,
  erasedAt: applications.erasedAt,
  municipalityName: municipalityTable.name,
};

/** The applications this intermediary made for this organisation, newest first, and the log of who was shown. */
export async function readCaseload(
  tx: Transaction,
  actor: IntermediaryActor,
): Promise<CaseloadApplication[]> {
  const rows = await tx
    .select(applicationColumns)
    .from(applications)
    .innerJoin(municipalityTable, eq(municipalityTable.code, applications.municipalityCode))
    .where(ownedBy(actor))
    .orderBy(desc(applications.submittedAt), desc(applications.id))
    .limit(CASELOAD_LIMIT);
  const found = await childrenAndItems(
    tx,
    rows.map((r) => r.id),
  );
  const caseload = rows.map((row) => assemble(row, found));
  await logShown(
    tx,
    actor,
    caseload.flatMap((a) => a.children),
  );
  return caseload;
}

export type ApplicationDetail = CaseloadApplication & { events: ItemEvent[] };

/** One application of this intermediary with every item's history, or null when it is not theirs. */
export async function readApplicationDetail(
  tx: Transaction,
  actor: IntermediaryActor,
  applicationId: string,
): Promise<ApplicationDetail | null> {
  const [row] = await tx
    .select(applicationColumns)
    .from(applications)
    .innerJoin(municipalityTable, eq(municipalityTable.code, applications.municipalityCode))
    .where(and(eq(applications.id, applicationId), ownedBy(actor)));
  if (!row) return null;
  const found = await childrenAndItems(tx, [row.id]);
  const application = assemble(row, found);
  const itemIds = application.items.map((i) => i.id);
  const events = await historyOf(tx, itemIds);
  await logShown(tx, actor, application.children);
  return { ...application, events };
}

/**
 * Locks one item of one of this intermediary's applications, so a confirmation and a handler's change
 * cannot cross; null when the item is not on an application of theirs.
 */
export async function lockOwnItem(
  tx: Transaction,
  actor: IntermediaryActor,
  applicationId: string,
  itemId: string,
) {
  const [row] = await tx
    .select({
      status: applicationItems.status,
      participationConfirmedAt: applicationItems.participationConfirmedAt,
      childKey: applicationChildren.childKey,
      erasedAt: applications.erasedAt,
    })
    .from(applicationItems)
    .innerJoin(applications, eq(applications.id, applicationItems.applicationId))
    .innerJoin(applicationChildren, eq(applicationChildren.id, applicationItems.childId))
    .where(and(eq(applicationItems.id, itemId), eq(applications.id, applicationId), ownedBy(actor)))
    .for('update', { of: applicationItems });
  return row ? { ...row, status: row.status as ItemStatus } : null;
}

export type ConfirmResult = 'confirmed' | 'not-delivered' | 'already-confirmed';

/**
 * The intermediary confirms that the child actually takes part: the only proof of reach beyond "delivered".
 * Only for a delivered item, once; the history gets a row without a status change, and the log one record.
 */
export async function confirmParticipation(
  tx: Transaction,
  actor: IntermediaryActor,
  item: { id: string; status: ItemStatus; participationConfirmedAt: Date | null; childKey: string | null },
  now: Date,
): Promise<ConfirmResult> {
  if (item.status !== 'delivered') return 'not-delivered';
  if (item.participationConfirmedAt) return 'already-confirmed';
  const updated = await tx
    .update(applicationItems)
    .set({ participationConfirmedAt: now })
    .where(and(eq(applicationItems.id, item.id), isNull(applicationItems.participationConfirmedAt)))
    .returning({ id: applicationItems.id });
  if (updated.length === 0) return 'already-confirmed';
  await tx.insert(applicationEvents).values({
    itemId: item.id,
    fromStatus: item.status,
    toStatus: item.status,
    actorKind: 'family',
    actorPersonId: actor.personId,
    reasonCode: 'participation_confirmed',
    at: now,
  });
  if (item.childKey)
    await logProcessing(
      tx,
      {
        actor: processingActor(actor),
        activity: trackActivity,
        action: 'update',
        subject: { kind: 'child', id: item.childKey },
        traceId: actor.traceId,
      },
      actor.pseudonymiser,
    );
  return 'confirmed';
}
