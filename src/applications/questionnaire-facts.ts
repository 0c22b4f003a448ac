import { and, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../platform/db.ts';
import { applicationItems, applications, deliveryRecords } from './schema.ts';
import { hashTrackingToken } from './tokens.ts';

/**
 * For the children's questionnaire: the municipality and kind of provision of a delivered item, reached
 * through the family's own tracking link. Nothing else of the family leaves this module.
 */
export async function deliveredItemFacts(
  db: Queryable,
  trackingToken: string,
  itemId: string,
): Promise<{ municipalityCode: string; category: string } | null> {
  if (!/^[0-9a-f-]{36}$/i.test(itemId)) return null;
  const [row] = await db
    .select({ municipalityCode: applications.municipalityCode, category: deliveryRecords.category })
    .from(applicationItems)
    .innerJoin(applications, eq(applications.id, applicationItems.applicationId))
    .innerJoin(deliveryRecords, eq(deliveryRecords.source, `meedoen:${itemId}`))
    .where(
      and(
        eq(applicationItems.id, itemId),
        eq(applicationItems.status, 'delivered'),
        eq(applications.trackingTokenHash, hashTrackingToken(trackingToken)),
        isNull(applications.erasedAt),
      ),
    );
  return row ?? null;
}
