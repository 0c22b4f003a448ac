import { and, asc, eq, isNull } from 'drizzle-orm';
import { organisations, provisions } from '../catalogue/schema.ts';
import type { Transaction } from '../platform/db.ts';
import { logProcessingMany, type Pseudonymiser } from '../platform/processing-log/index.ts';
import type { TraceId } from '../platform/trace.ts';
import { trackActivity } from './activities.ts';
import { historyOf } from './history.ts';
import { applicationChildren, applicationItems, applications } from './schema.ts';
import type { ItemStatus } from './status.ts';

export type TrackedEvent = { toStatus: ItemStatus; reasonCode: string | null; text: string | null; at: Date };

export type TrackedItem = {
  id: string;
  status: ItemStatus;
  provision: { nl: string; en: string };
  handledBy: string;
  history: TrackedEvent[];
};

export type TrackedApplication = {
  id: string;
  reference: string;
  submittedAt: Date;
  children: { id: string; firstName: string; items: TrackedItem[] }[];
};

/** The application behind a tracking token's hash, if it exists and is not erased: its id only. */
export async function findTrackedApplicationId(tx: Transaction, tokenHash: string): Promise<string | null> {
  const [row] = await tx
    .select({ id: applications.id })
    .from(applications)
    .where(and(eq(applications.trackingTokenHash, tokenHash), isNull(applications.erasedAt)));
  return row?.id ?? null;
}

/**
 * Everything the tracking page shows, in four queries whatever the number of children and items, and one
 * processing-log record per child in the caller's transaction: the read and its record go together.
 */
export async function readTrackedApplication(
  tx: Transaction,
  tokenHash: string,
  log: { pseudonymiser: Pseudonymiser; traceId: TraceId },
): Promise<TrackedApplication | null> {
  const [application] = await tx
    .select({ id: applications.id, reference: applications.reference, submittedAt: applications.submittedAt })
    .from(applications)
    .where(and(eq(applications.trackingTokenHash, tokenHash), isNull(applications.erasedAt)));
  if (!application) return null;
  const children = await tx
    .select({
      id: applicationChildren.id,
      firstName: applicationChildren.firstName,
      childKey: applicationChildren.childKey,
    })
    .from(applicationChildren)
    .where(eq(applicationChildren.applicationId, application.id))
    .orderBy(asc(applicationChildren.position));
  const items = await tx
    .select({
      id: applicationItems.id,
      childId: applicationItems.childId,
      status: applicationItems.status,
      nameNl: provisions.nameNl,
      nameEn: provisions.nameEn,
      handledBy: organisations.name,
    })
    .from(applicationItems)
    .innerJoin(provisions, eq(provisions.key, applicationItems.provisionKey))
    .innerJoin(organisations, eq(organisations.key, applicationItems.handlingOrganisation))
    .where(eq(applicationItems.applicationId, application.id))
    .orderBy(asc(provisions.nameNl));
  const events = await historyOf(
    tx,
    items.map((item) => item.id),
  );
  await logProcessingMany(
    tx,
    children.flatMap((child) =>
      child.childKey
        ? [
            {
              actor: { personId: null, role: 'family', organisation: null },
              activity: trackActivity,
              action: 'read' as const,
              subject: { kind: 'child', id: child.childKey },
              traceId: log.traceId,
            },
          ]
        : [],
    ),
    log.pseudonymiser,
  );
  return {
    ...application,
    children: children.map((child) => ({
      id: child.id,
      firstName: child.firstName ?? '',
      items: items
        .filter((item) => item.childId === child.id)
        .map((item) => ({
          id: item.id,
          status: item.status as ItemStatus,
          provision: { nl: item.nameNl, en: item.nameEn },
          handledBy: item.handledBy,
          history: events
            .filter((event) => event.itemId === item.id)
            .map((event) => ({
              toStatus: event.toStatus as ItemStatus,
              reasonCode: event.reasonCode,
              text: event.text,
              at: event.at,
            })),
        })),
    })),
  };
}

/** Whether an item belongs to the application; a posted item id is never trusted on its own. */
export async function itemOfApplication(
  tx: Transaction,
  applicationId: string,
  itemId: string,
): Promise<{ status: ItemStatus; nameNl: string; nameEn: string } | null> {
  const [row] = await tx
    .select({ status: applicationItems.status, nameNl: provisions.nameNl, nameEn: provisions.nameEn })
    .from(applicationItems)
    .innerJoin(provisions, eq(provisions.key, applicationItems.provisionKey))
    .where(and(eq(applicationItems.id, itemId), eq(applicationItems.applicationId, applicationId)));
  return row ? { ...row, status: row.status as ItemStatus } : null;
}
