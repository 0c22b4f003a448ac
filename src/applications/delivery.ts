import { and, eq, sql } from 'drizzle-orm';
import { provisions } from '../catalogue/schema.ts';
import { lockForTransaction, type Transaction } from '../platform/db.ts';
import { refreshReach } from '../reach/index.ts';
import { checkBudget, type BudgetCheck } from './budget.ts';
import { amountOf, type HandlerActor } from './handling-store.ts';
import {
  applicationChildren,
  applicationItems,
  applications,
  deliveries,
  deliveryRecords,
} from './schema.ts';
import { moveItem, type MoveContext } from './transition.ts';
import type { ItemStatus } from './status.ts';

export type DeliveryInput = {
  itemId: string;
  deliveredOn: string;
  description: string;
  valueCents: number;
  /** The handler's reason to go over the budget; null when they did not choose to. */
  overrideReason: string | null;
  /** The status the handler saw: a delivery registers on what they looked at, or not at all. */
  expectedStatus: ItemStatus | null;
};

export type DeliveryResult =
  | { ok: true; budget: BudgetCheck }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'not-allowed'; current: ItemStatus }
  | { ok: false; reason: 'over-budget'; budget: Extract<BudgetCheck, { kind: 'over' }> };

/** The statistical record's source for a delivery made here; partners' records use their own prefix. */
export const meedoenSource = (itemId: string) => `meedoen:${itemId}`;

/**
 * The values already delivered to this child (by key, so across applications and organisations) for this
 * provision, read from the statistical records: they outlive the applications' erasure, so a budget given
 * "once" stays used after the earlier application's personal data are gone.
 */
export async function earlierDeliveries(tx: Transaction, childKey: string, provisionKey: string) {
  return tx
    .select({ deliveredOn: deliveryRecords.deliveredOn, valueCents: deliveryRecords.valueCents })
    .from(deliveryRecords)
    .innerJoin(applicationItems, eq(deliveryRecords.source, sql`'meedoen:' || ${applicationItems.id}::text`))
    .where(and(eq(deliveryRecords.childKey, childKey), eq(applicationItems.provisionKey, provisionKey)));
}

/**
 * Registers the delivery of a granted item in the caller's transaction: checks the child's budget for the
 * period, stores the delivery, moves the item to "delivered" (history, processing log, the family's mail)
 * and writes the one statistical record the reach monitor counts. All of it, or nothing.
 */
export async function registerDelivery(
  tx: Transaction,
  actor: HandlerActor,
  input: DeliveryInput,
  context: MoveContext & { now: Date },
): Promise<DeliveryResult> {
  const [item] = await tx
    .select({
      status: applicationItems.status,
      provisionKey: applicationItems.provisionKey,
      category: provisions.category,
      amountCents: provisions.amountCents,
      amountKind: provisions.amountKind,
      amountPeriod: provisions.amountPeriod,
      childKey: applicationChildren.childKey,
      municipalityCode: applications.municipalityCode,
      incomeSource: applications.incomeSource,
    })
    .from(applicationItems)
    .innerJoin(applications, eq(applications.id, applicationItems.applicationId))
    .innerJoin(applicationChildren, eq(applicationChildren.id, applicationItems.childId))
    .innerJoin(provisions, eq(provisions.key, applicationItems.provisionKey))
    .where(
      and(
        eq(applicationItems.id, input.itemId),
        eq(applicationItems.handlingOrganisation, actor.organisation),
      ),
    )
    .for('update', { of: applicationItems });
  if (!item || !item.childKey) return { ok: false, reason: 'not-found' };
  const status = item.status as ItemStatus;
  if (status !== 'granted' || (input.expectedStatus !== null && input.expectedStatus !== status))
    return { ok: false, reason: 'not-allowed', current: status };

  // Two deliveries for the same child and provision (two applications, two handlers) wait for each other,
  // so both cannot fit into the same remainder.
  await lockForTransaction(tx, `budget:${item.childKey}:${item.provisionKey}`);
  const budget = checkBudget({
    amount: amountOf(item),
    earlier: await earlierDeliveries(tx, item.childKey, item.provisionKey),
    deliveredOn: input.deliveredOn,
    valueCents: input.valueCents,
  });
  if (budget.kind === 'over' && input.overrideReason === null)
    return { ok: false, reason: 'over-budget', budget };

  await tx.insert(deliveries).values({
    itemId: input.itemId,
    deliveredOn: input.deliveredOn,
    description: input.description,
    valueCents: input.valueCents,
    // Only a delivery that actually goes over keeps a reason: a ticked box within budget overrode nothing.
    budgetOverrideReason: budget.kind === 'over' ? input.overrideReason : null,
    registeredBy: actor.personId,
    registeredAt: context.now,
  });
  const moved = await moveItem(
    tx,
    {
      itemId: input.itemId,
      to: 'delivered',
      actor: { kind: 'staff', personId: actor.personId, role: actor.role, organisation: actor.organisation },
      now: context.now,
      traceId: actor.traceId,
    },
    context,
  );
  // The row is locked and was granted, so this cannot fail; if it ever does, nothing of it may stay.
  if (!moved.ok) throw new Error(`Delivery could not move item ${input.itemId}: ${moved.reason}`);
  const year = Number(input.deliveredOn.slice(0, 4));
  await tx.insert(deliveryRecords).values({
    source: meedoenSource(input.itemId),
    childKey: item.childKey,
    municipalityCode: item.municipalityCode,
    year,
    deliveredOn: input.deliveredOn,
    incomeSource: item.incomeSource,
    category: item.category,
    valueCents: input.valueCents,
    handlingOrganisation: actor.organisation,
  });
  await refreshReach(tx, [{ municipalityCode: item.municipalityCode, year }], [actor.organisation]);
  return { ok: true, budget };
}
