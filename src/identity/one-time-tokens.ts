import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { Queryable } from '../platform/db.ts';
import { redactSpentLinks, registerSingleUseLinks } from '../platform/mail/index.ts';
import { oneTimeTokens } from './schema.ts';

export type TokenPurpose = 'invitation' | 'password_reset';

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/** The page each purpose's link opens; its mail has the same purpose as the token. */
const linkPaths: Record<TokenPurpose, string> = {
  invitation: '/uitnodiging/',
  password_reset: '/wachtwoord-herstellen/',
};

// The outbox keeps a copy of each mailed link: readable only while the link still opens something.
for (const [purpose, path] of Object.entries(linkPaths) as [TokenPurpose, string][])
  registerSingleUseLinks({
    purpose,
    path,
    stillUsable: (db, tokens, now) => usableTokens(db, tokens, purpose, now),
  });

async function usableTokens(db: Queryable, tokens: string[], purpose: TokenPurpose, now: Date) {
  const byHash = new Map(tokens.map((token) => [hashToken(token), token]));
  const rows = await db
    .select({ tokenHash: oneTimeTokens.tokenHash })
    .from(oneTimeTokens)
    .where(
      and(
        inArray(oneTimeTokens.tokenHash, [...byHash.keys()]),
        eq(oneTimeTokens.purpose, purpose),
        isNull(oneTimeTokens.usedAt),
        gt(oneTimeTokens.expiresAt, now),
      ),
    );
  return new Set(rows.map((row) => byHash.get(row.tokenHash)!));
}

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

/**
 * Uses a link up; the person's id, or null when someone used it first (two tabs) or it is not usable. The
 * outbox's copy of the link goes in the same transaction (pass the caller's).
 */
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
  if (used) await redactSpentLinks(db, now, [purpose]);
  return used?.personId ?? null;
}

/**
 * Uses up every other open link of a person for a purpose (after a reset, older reset links die), and takes
 * them out of the outbox with it.
 */
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
  await redactSpentLinks(db, now, [purpose]);
}
