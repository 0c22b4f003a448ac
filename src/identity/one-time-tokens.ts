import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Queryable } from '../platform/db.ts';
import { oneTimeTokens } from './schema.ts';

export type TokenPurpose = 'invitation' | 'password_reset';

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/** A secret for a link in an e-mail; only its hash is stored, so the table alone opens nothing. */
export async function issueOneTimeToken(
  db: Queryable,
  input: { personId: string; purpose: TokenPurpose; expiresAt: Date },
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.insert(oneTimeTokens).values({ tokenHash: hashToken(token), ...input });
  return token;
}

const usable = (token: string, purpose: TokenPurpose, now: Date) =>
  and(
    eq(oneTimeTokens.tokenHash, hashToken(token)),
    eq(oneTimeTokens.purpose, purpose),
    isNull(oneTimeTokens.usedAt),
    gt(oneTimeTokens.expiresAt, now),
  );

/** The person an unused, unexpired link is for; null for anything else. */
export async function personForOneTimeToken(
  db: Queryable,
  token: string,
  purpose: TokenPurpose,
  now: Date,
): Promise<string | null> {
  const rows = await db
    .select({ personId: oneTimeTokens.personId })
    .from(oneTimeTokens)
    .where(usable(token, purpose, now));
  return rows[0]?.personId ?? null;
}

/** Uses a link up; the person's id, or null when someone used it first (two tabs) or it is not usable. */
export async function useOneTimeToken(
  db: Queryable,
  token: string,
  purpose: TokenPurpose,
  now: Date,
): Promise<string | null> {
  const [used] = await db
    .update(oneTimeTokens)
    .set({ usedAt: now })
    .where(usable(token, purpose, now))
    .returning({ personId: oneTimeTokens.personId });
  return used?.personId ?? null;
}

/** Uses up every other open link of a person for a purpose (after a reset, older reset links die). */
export async function useAllOneTimeTokens(
  db: Queryable,
  personId: string,
  purpose: TokenPurpose,
  now: Date,
): Promise<void> {
  await db
    .update(oneTimeTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(oneTimeTokens.personId, personId),
        eq(oneTimeTokens.purpose, purpose),
        isNull(oneTimeTokens.usedAt),
      ),
    );
}
