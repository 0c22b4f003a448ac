import { historyOf, type ItemEvent } from './history.ts';
import { and, asc, count, desc, eq, inArray, lte, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { organisations, provisions } from '../catalogue/schema.ts';
import { municipalityTable } from '../municipalities/index.ts';
import type { Database, Transaction } from '../platform/db.ts';
import { logProcessing, type Pseudonymiser } from '../platform/processing-log/index.ts';
import type { TraceId } from '../platform/trace.ts';
import { handleActivity } from './activities.ts';
import type { ProvisionAmount } from './budget.ts';
import { olderThanCutoff, openStatuses, QUEUE_PAGE_SIZE, type QueueFilter } from './handling-queue.ts';
import { applicationChildren, applicationItems, applications, deliveries } from './schema.ts';
import type { ItemStatus } from './status.ts';

/** The handler or coordinator acting for the organisation in the address. */
export type HandlerActor = {
  personId: string;
  role: string;
  organisation: string;
  traceId: TraceId;
  pseudonymiser: Pseudonymiser;
};

export type QueueRow = {
  id: string;
  reference: string;
  provisionName: { nl: string; en: string };
  municipalityName: string;
  status: ItemStatus;
  submittedAt: Date;
};

export type Queue = {
  rows: QueueRow[];
  total: number;
  counts: Partial<Record<ItemStatus, number>>;
  provisions: { key: string; name: { nl: string; en: string } }[];
  municipalities: { code: string; name: string }[];
};

/** The filters other than the status: the counts per status are taken under these. */
function scopeConditions(organisation: string, filter: QueueFilter, now: Date): SQL[] {
  const conditions: SQL[] = [eq(applicationItems.handlingOrganisation, organisation)];
  if (filter.provision) conditions.push(eq(applicationItems.provisionKey, filter.provision));
  if (filter.municipality) conditions.push(eq(applications.municipalityCode, filter.municipality));
  if (filter.olderThanDays !== null)
    conditions.push(lte(applications.submittedAt, olderThanCutoff(filter.olderThanDays, now)));
  return conditions;
}

function statusCondition(filter: QueueFilter): SQL | undefined {
  if (filter.status === 'all') return undefined;
  if (filter.status === 'open') return inArray(applicationItems.status, openStatuses);
  return eq(applicationItems.status, filter.status);
}

/**
 * One page of the organisation's items with the filters, and the counts per status. Reads no child's
 * data at all (no name, no birth date, no address, no income), so it needs no processing-log record:
 * see docs/applications.md, "Handling and delivery".
 */
export async function readQueue(
  db: Database,
  organisation: string,
  filter: QueueFilter,
  now: Date,
): Promise<Queue> {
  const scope = scopeConditions(organisation, filter, now);
  const status = statusCondition(filter);
  const where = and(...scope, ...(status ? [status] : []));
  const order =
    filter.order === 'oldest'
      ? [asc(applications.submittedAt), asc(applicationItems.id)]
      : [desc(applications.submittedAt), desc(applicationItems.id)];
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({
        id: applicationItems.id,
        reference: applications.reference,
        nameNl: provisions.nameNl,
        nameEn: provisions.nameEn,
        municipalityName: municipalityTable.name,
        status: applicationItems.status,
        submittedAt: applications.submittedAt,
      })
      .from(applicationItems)
      .innerJoin(applications, eq(applications.id, applicationItems.applicationId))
      .innerJoin(provisions, eq(provisions.key, applicationItems.provisionKey))
      .innerJoin(municipalityTable, eq(municipalityTable.code, applications.municipalityCode))
      .where(where)
      .orderBy(...order)
      .limit(QUEUE_PAGE_SIZE)
      .offset((filter.page - 1) * QUEUE_PAGE_SIZE);
    const perStatus = await tx
      .select({ status: applicationItems.status, n: count() })
      .from(applicationItems)
      .innerJoin(applications, eq(applications.id, applicationItems.applicationId))
      .where(and(...scope))
      .groupBy(applicationItems.status);
    const counts = Object.fromEntries(perStatus.map((r) => [r.status, Number(r.n)])) as Queue['counts'];
    const total = perStatus
      .filter(
        (r) =>
          filter.status === 'all' ||
          (filter.status === 'open'
            ? openStatuses.includes(r.status as ItemStatus)
            : r.status === filter.status),
      )
      .reduce((sum, r) => sum + Number(r.n), 0);
    // The filter form's choices: the provisions and municipalities this organisation has requests for.
    const ownProvisions = await tx
      .selectDistinct({ key: provisions.key, nameNl: provisions.nameNl, nameEn: provisions.nameEn })
      .from(applicationItems)
      .innerJoin(provisions, eq(provisions.key, applicationItems.provisionKey))
      .where(eq(applicationItems.handlingOrganisation, organisation))
      .orderBy(asc(provisions.nameNl), asc(provisions.key));
    const places = await tx
      .selectDistinct({ code: municipalityTable.code, name: municipalityTable.name })
      .from(applicationItems)
      .innerJoin(applications, eq(applications.id, applicationItems.applicationId))
      .innerJoin(municipalityTable, eq(municipalityTable.code, applications.municipalityCode))
      .where(eq(applicationItems.handlingOrganisation, organisation))
      .orderBy(asc(municipalityTable.name));
    return {
      rows: rows.map((r) => ({
        id: r.id,
        reference: r.reference,
        provisionName: { nl: r.nameNl, en: r.nameEn },
        municipalityName: r.municipalityName,
        status: r.status as ItemStatus,
        submittedAt: r.submittedAt,
      })),
      total,
      counts,
      provisions: ownProvisions.map((p) => ({ key: p.key, name: { nl: p.nameNl, en: p.nameEn } })),
      municipalities: places,
    };
  });
}

export type ItemDetail = {
  id: string;
  status: ItemStatus;
  provision: { key: string; name: { nl: string; en: string }; category: string; amount: ProvisionAmount };
  eligibility: unknown;
  application: {
    id: string;
    reference: string;
    channel: 'family' | 'intermediary';
    intermediaryOrganisationName: string | null;
    municipalityName: string;
    householdType: string;
    incomeSource: string;
    netIncomeCents: number | null;
    intermediaryVouches: boolean;
    contactEmail: string | null;
    contactPhone: string | null;
    submittedAt: Date;
    erasedAt: Date | null;
  };
  child: { firstName: string | null; birthDate: string | null; childKey: string | null };
  events: ItemEvent[];
  delivery: {
    deliveredOn: string;
    description: string;
    valueCents: number;
    budgetOverrideReason: string | null;
  } | null;
};

const intermediaryOrganisations = alias(organisations, 'intermediary_organisations');

export function amountOf(row: {
  amountCents: number | null;
  amountKind: string | null;
  amountPeriod: string | null;
}): ProvisionAmount {
  if (row.amountCents === null || !row.amountKind || !row.amountPeriod) return null;
  return {
    cents: row.amountCents,
    kind: row.amountKind as 'value' | 'budget',
    period: row.amountPeriod as NonNullable<ProvisionAmount>['period'],
  };
}

/**
 * One item of this organisation with what the decision needs, and one read record for its child in the
 * same transaction; null when the item is not this organisation's (the page then says "not found").
 */
export async function readItemDetail(
  tx: Transaction,
  actor: HandlerActor,
  itemId: string,
): Promise<ItemDetail | null> {
  const [row] = await tx
    .select({
      id: applicationItems.id,
      status: applicationItems.status,
      eligibility: applicationItems.eligibility,
      provisionKey: provisions.key,
      nameNl: provisions.nameNl,
      nameEn: provisions.nameEn,
      category: provisions.category,
      amountCents: provisions.amountCents,
      amountKind: provisions.amountKind,
      amountPeriod: provisions.amountPeriod,
      applicationId: applications.id,
      reference: applications.reference,
      channel: applications.channel,
      intermediaryOrganisationName: intermediaryOrganisations.name,
      municipalityName: municipalityTable.name,
      householdType: applications.householdType,
      incomeSource: applications.incomeSource,
      netIncomeCents: applications.netIncomeCents,
      intermediaryVouches: applications.intermediaryVouches,
      contactEmail: applications.contactEmail,
      contactPhone: applications.contactPhone,
      submittedAt: applications.submittedAt,
      erasedAt: applications.erasedAt,
      firstName: applicationChildren.firstName,
      birthDate: applicationChildren.birthDate,
      childKey: applicationChildren.childKey,
    })
    .from(applicationItems)
    .innerJoin(applications, eq(applications.id, applicationItems.applicationId))
    .innerJoin(applicationChildren, eq(applicationChildren.id, applicationItems.childId))
    .innerJoin(provisions, eq(provisions.key, applicationItems.provisionKey))
    .innerJoin(municipalityTable, eq(municipalityTable.code, applications.municipalityCode))
    .leftJoin(
      intermediaryOrganisations,
      eq(intermediaryOrganisations.key, applications.intermediaryOrganisation),
    )
    .where(
      and(eq(applicationItems.id, itemId), eq(applicationItems.handlingOrganisation, actor.organisation)),
    );
  if (!row) return null;
  const events = await historyOf(tx, [itemId]);
  const [delivery] = await tx
    .select({
      deliveredOn: deliveries.deliveredOn,
      description: deliveries.description,
      valueCents: deliveries.valueCents,
      budgetOverrideReason: deliveries.budgetOverrideReason,
    })
    .from(deliveries)
    .where(eq(deliveries.itemId, itemId));
  // An erased application shows nothing about the child, so nothing about it is processed.
  if (row.childKey)
    await logProcessing(
      tx,
      {
        actor: { personId: actor.personId, role: actor.role, organisation: actor.organisation },
        activity: handleActivity,
        action: 'read',
        subject: { kind: 'child', id: row.childKey },
        traceId: actor.traceId,
      },
      actor.pseudonymiser,
    );
  return {
    id: row.id,
    status: row.status as ItemStatus,
    provision: {
      key: row.provisionKey,
      name: { nl: row.nameNl, en: row.nameEn },
      category: row.category,
      amount: amountOf(row),
    },
    eligibility: row.eligibility,
    application: {
      id: row.applicationId,
      reference: row.reference,
      channel: row.channel as 'family' | 'intermediary',
      intermediaryOrganisationName: row.intermediaryOrganisationName,
      municipalityName: row.municipalityName,
      householdType: row.householdType,
      incomeSource: row.incomeSource,
      netIncomeCents: row.netIncomeCents,
      intermediaryVouches: row.intermediaryVouches,
      contactEmail: row.contactEmail,
      contactPhone: row.contactPhone,
      submittedAt: row.submittedAt,
      erasedAt: row.erasedAt,
    },
    child: { firstName: row.firstName, birthDate: row.birthDate, childKey: row.childKey },
    events: events.map((e) => ({ ...e, toStatus: e.toStatus as ItemStatus })),
    delivery: delivery ?? null,
  };
}

/**
 * Locks one item of this organisation for a change, so a decision and a colleague's (or the family's)
 * change cannot cross; null when it is not this organisation's.
 */
export async function lockOwnItem(tx: Transaction, organisation: string, itemId: string) {
  const [row] = await tx
    .select({ status: applicationItems.status })
    .from(applicationItems)
    .where(and(eq(applicationItems.id, itemId), eq(applicationItems.handlingOrganisation, organisation)))
    .for('update');
  return row ? { status: row.status as ItemStatus } : null;
}
