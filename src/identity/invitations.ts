import type { Queryable } from '../platform/db.ts';
import { issueOneTimeToken, personForOneTimeToken, useOneTimeToken } from './one-time-tokens.ts';
import { createPerson, findPersonByEmail, hasMembership, type Membership, type Person } from './store.ts';
import { memberships as membershipTable } from './schema.ts';

const INVITATION_DAYS = 7;

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
  const token = await issueOneTimeToken(db, {
    personId: person.id,
    purpose: 'invitation',
    expiresAt: new Date(now.getTime() + INVITATION_DAYS * 24 * 3600 * 1000),
  });
  return { person, token };
}

/** The person an unused, unexpired invitation is for; null for anything else. */
export function invitationFor(db: Queryable, token: string, now: Date): Promise<string | null> {
  return personForOneTimeToken(db, token, 'invitation', now);
}

/** Uses the invitation up; false when it was already used (two tabs, a replayed link) or has expired. */
export async function useInvitation(db: Queryable, token: string, now: Date): Promise<boolean> {
  return (await useOneTimeToken(db, token, 'invitation', now)) !== null;
}
