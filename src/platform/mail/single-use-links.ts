import { and, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../db.ts';
import { mailOutbox } from './schema.ts';

/** What a stored link becomes once it no longer opens anything. */
export const SPENT_LINK = '[link gebruikt of verlopen / link used or expired]';
/** What a stored link becomes once its mail went out: the recipient has it, so the outbox need not. */
export const SENT_LINK = '[link verstuurd, hier niet bewaard / link sent, not kept here]';

/**
 * Mail of one purpose carries links that work once (an invitation, a password reset). The capability that
 * issues them says where the secret sits in the address and which secrets still work; the platform knows no
 * tokens, only that a stored link is worth as much as what it opens.
 */
export type SingleUseLinks = {
  /** The mail purpose whose bodies carry the links. */
  purpose: string;
  /** The address path the secret follows, e.g. '/uitnodiging/'. */
  path: string;
  /** The secrets among these that still open something at `now`; every other one is spent. */
  stillUsable(db: Queryable, secrets: string[], now: Date): Promise<Set<string>>;
};

type Registered = SingleUseLinks & { pattern: RegExp };

// Built from code when the issuing module loads, the same in every process, so it may live in memory.
const register = new Map<string, Registered>();

export function registerSingleUseLinks(links: SingleUseLinks): void {
  if (register.has(links.purpose))
    throw new Error(`Single-use links of "${links.purpose}" are registered twice`);
  // A path of plain segments needs no escaping in the pattern, and the markers can never contain one.
  if (!/^\/(?:[a-z0-9-]+\/)+$/.test(links.path)) throw new Error(`"${links.path}" is not a plain path`);
  // The secrets are base64url; the whole link, scheme and host included, is what is taken out.
  register.set(links.purpose, { ...links, pattern: new RegExp(`\\S*${links.path}([A-Za-z0-9_-]+)`, 'g') });
}

/** The body with every single-use link of its purpose replaced; any other body is returned as it is. */
export function withoutSingleUseLinks(purpose: string, body: string, marker = SENT_LINK): string {
  const links = register.get(purpose);
  return links ? body.replace(links.pattern, marker) : body;
}

/**
 * Takes every link that no longer works out of the stored bodies, waiting or sent alike; a link that still
 * works stays, since without a mail server the platform admin forwards it. Run it in the transaction that
 * spends a link, so the link and its readable copy end together. Returns how many mails changed.
 */
export async function redactSpentLinks(
  db: Queryable,
  now: Date,
  purposes: readonly string[] = [...register.keys()],
): Promise<number> {
  let changed = 0;
  for (const purpose of purposes) {
    const links = register.get(purpose);
    if (!links) continue;
    const rows = await db
      .select({ id: mailOutbox.id, body: mailOutbox.body })
      .from(mailOutbox)
      .where(and(eq(mailOutbox.purpose, purpose), sql`strpos(${mailOutbox.body}, ${links.path}) > 0`))
      // Rows are locked in one order, so two transactions spending links at once cannot deadlock.
      .orderBy(mailOutbox.id);
    const secrets = new Set(rows.flatMap(({ body }) => [...body.matchAll(links.pattern)].map((m) => m[1]!)));
    if (secrets.size === 0) continue;
    const usable = await links.stillUsable(db, [...secrets], now);
    for (const row of rows) {
      const body = row.body.replace(links.pattern, (link, secret: string) =>
        usable.has(secret) ? link : SPENT_LINK,
      );
      if (body === row.body) continue;
      // Only if nobody changed it meanwhile (the sender takes links out when it sends): never undo that.
      const updated = await db
        .update(mailOutbox)
        .set({ body })
        .where(and(eq(mailOutbox.id, row.id), eq(mailOutbox.body, row.body)))
        .returning({ id: mailOutbox.id });
      changed += updated.length;
    }
  }
  return changed;
}
