import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../platform/db.ts';
import { sessions } from './schema.ts';
import { defaultSessionLimits, sessionState, type SessionLimits } from './session-policy.ts';
import { findPerson, membershipsOf, type Membership, type Person } from './store.ts';

export const SESSION_COOKIE = 'meedoen_sessie';

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export type ActiveSession = {
  idHash: string;
  person: Pick<Person, 'id' | 'email' | 'displayName'>;
  memberships: Membership[];
  secondFactorDone: boolean;
  idleEndsAt: Date;
  warn: boolean;
};

/** A new session with a new random id: whatever id the browser had before is never reused (no fixation). */
export async function startSession(db: Queryable, personId: string, now: Date): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.insert(sessions).values({ idHash: hashToken(token), personId, createdAt: now, lastSeenAt: now });
  return token;
}

/** The session behind a cookie, touched as seen now; null when unknown, revoked, expired or the person is gone. */
export async function resumeSession(
  db: Queryable,
  token: string,
  now: Date,
  limits: SessionLimits = defaultSessionLimits,
): Promise<ActiveSession | null> {
  const idHash = hashToken(token);
  const [row] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.idHash, idHash), isNull(sessions.revokedAt)));
  if (!row) return null;
  const state = sessionState({ createdAt: row.createdAt, lastSeenAt: row.lastSeenAt }, now, limits);
  const person = state.kind === 'active' ? await findPerson(db, row.personId) : null;
  if (state.kind === 'expired' || !person || !person.active) {
    await db.update(sessions).set({ revokedAt: now }).where(eq(sessions.idHash, idHash));
    return null;
  }
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.idHash, idHash));
  const fresh = sessionState({ createdAt: row.createdAt, lastSeenAt: now }, now, limits);
  return {
    idHash,
    person: { id: person.id, email: person.email, displayName: person.displayName },
    memberships: await membershipsOf(db, person.id),
    secondFactorDone: row.secondFactorAt !== null,
    idleEndsAt: fresh.kind === 'active' ? fresh.idleEndsAt : now,
    warn: fresh.kind === 'active' && fresh.warn,
  };
}

/**
 * After the second factor the session gets a new id again, so an id seen before the full sign-in is worth
 * nothing afterwards. Returns the new cookie value.
 */
export async function completeSecondFactor(
  db: Queryable,
  session: ActiveSession,
  now: Date,
): Promise<string> {
  await endSession(db, session.idHash, now);
  const token = randomBytes(32).toString('base64url');
  await db.insert(sessions).values({
    idHash: hashToken(token),
    personId: session.person.id,
    createdAt: now,
    lastSeenAt: now,
    secondFactorAt: now,
  });
  return token;
}

export async function endSession(db: Queryable, idHash: string, now: Date): Promise<void> {
  await db.update(sessions).set({ revokedAt: now }).where(eq(sessions.idHash, idHash));
}

/** Signs a person out on every device and browser. */
export async function endAllSessions(db: Queryable, personId: string, now: Date): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.personId, personId), isNull(sessions.revokedAt)));
}
