import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Queryable } from '../platform/db.ts';
import { oneTimeTokens } from './schema.ts';
import { createPerson, findPersonByEmail, hasMembership, type Membership, type Person } from './store.ts';
import { memberships as membershipTable } from './schema.ts';

const INVITATION_DAYS = 7;

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/**
 * Invites a person (new, or existing with an extra role) and returns the secret for their link. Only its
 * hash is stored; the link works once, for a week.
 */
export async function invitePerson(
  db: Queryable,
  input: { email: string; displayName: string; membership: Membership },
  now: Date,
): Promise<{ person: Person; token: string }> {
  const existing = await findPersonByEmail(db, input.email);
  const person =
    existing ??
    (await createPerson(db, { email: input.email, displayName: input.displayName, memberships: [] }));
  if (!(await hasMembership(db, person.id, input.membership))) {
    await db.insert(membershipTable).values({ personId: person.id, ...input.membership });
  }
  const token = randomBytes(32).toString('base64url');
  await db.insert(oneTimeTokens).values({
    tokenHash: hashToken(token),
    personId: person.id,
    purpose: 'invitation',
    expiresAt: new Date(now.getTime() + INVITATION_DAYS * 24 * 3600 * 1000),
  });
  return { person, token };
}

/** The person an unused, unexpired invitation is for; null for anything else. */
export async function invitationFor(db: Queryable, token: string, now: Date): Promise<string | null> {
  const rows = await db
    .select({ personId: oneTimeTokens.personId })
    .from(oneTimeTokens)
    .where(
      and(
        eq(oneTimeTokens.tokenHash, hashToken(token)),
        eq(oneTimeTokens.purpose, 'invitation'),
        isNull(oneTimeTokens.usedAt),
        gt(oneTimeTokens.expiresAt, now),
      ),
    );
  return rows[0]?.personId ?? null;
}

/** Uses the invitation up; false when it was already used (two tabs, a replayed link). */
export async function useInvitation(db: Queryable, token: string, now: Date): Promise<boolean> {
  const used = await db
    .update(oneTimeTokens)
    .set({ usedAt: now })
    .where(and(eq(oneTimeTokens.tokenHash, hashToken(token)), isNull(oneTimeTokens.usedAt)))
    .returning({ personId: oneTimeTokens.personId });
  return used.length === 1;
}
