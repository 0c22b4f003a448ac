import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../platform/db.ts';
import { citizenSessions } from './schema.ts';
import { sessionState, type SessionLimits, defaultSessionLimits } from './session-policy.ts';

export const CITIZEN_COOKIE = 'meedoen_burger';

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

export type CitizenSession = { idHash: string; subjectPseudonym: string };

export async function startCitizenSession(
  db: Queryable,
  subjectPseudonym: string,
  now: Date,
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db
    .insert(citizenSessions)
    .values({ idHash: hashToken(token), subjectPseudonym, createdAt: now, lastSeenAt: now });
  return token;
}

/** The same idle and absolute limits as staff sessions. */
export async function resumeCitizenSession(
  db: Queryable,
  token: string,
  now: Date,
  limits: SessionLimits = defaultSessionLimits,
): Promise<CitizenSession | null> {
  const idHash = hashToken(token);
  const [row] = await db
    .select()
    .from(citizenSessions)
    .where(and(eq(citizenSessions.idHash, idHash), isNull(citizenSessions.revokedAt)));
  if (!row) return null;
  if (
    sessionState({ createdAt: row.createdAt, lastSeenAt: row.lastSeenAt }, now, limits).kind === 'expired'
  ) {
    await endCitizenSession(db, idHash, now);
    return null;
  }
  await db.update(citizenSessions).set({ lastSeenAt: now }).where(eq(citizenSessions.idHash, idHash));
  return { idHash, subjectPseudonym: row.subjectPseudonym };
}

export async function endCitizenSession(db: Queryable, idHash: string, now: Date): Promise<void> {
  await db.update(citizenSessions).set({ revokedAt: now }).where(eq(citizenSessions.idHash, idHash));
}
