import { and, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../platform/db.ts';
import type { Role } from './roles.ts';
import { attemptCounters, memberships, people } from './schema.ts';

export type Person = typeof people.$inferSelect;
export type Membership = { organisationKey: string; role: Role };

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findPersonByEmail(db: Queryable, email: string): Promise<Person | null> {
  const rows = await db
    .select()
    .from(people)
    .where(eq(people.email, normaliseEmail(email)));
  return rows[0] ?? null;
}

export async function findPerson(db: Queryable, id: string): Promise<Person | null> {
  const rows = await db.select().from(people).where(eq(people.id, id));
  return rows[0] ?? null;
}

export async function membershipsOf(db: Queryable, personId: string): Promise<Membership[]> {
  const rows = await db
    .select({ organisationKey: memberships.organisationKey, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.personId, personId));
  return rows.map((row) => ({ organisationKey: row.organisationKey, role: row.role as Role }));
}

export async function createPerson(
  db: Queryable,
  input: { email: string; displayName: string; memberships: Membership[] },
): Promise<Person> {
  const [person] = await db
    .insert(people)
    .values({ email: normaliseEmail(input.email), displayName: input.displayName })
    .returning();
  if (input.memberships.length > 0) {
    await db.insert(memberships).values(input.memberships.map((m) => ({ personId: person!.id, ...m })));
  }
  return person!;
}

export async function updatePerson(db: Queryable, id: string, values: Partial<Omit<Person, 'id' | 'email'>>) {
  await db.update(people).set(values).where(eq(people.id, id));
}

const LOCK_AFTER_FAILURES = 10;
const LOCK_MINUTES = 15;

/** Counts a wrong password; the tenth in a row locks the account for a while. Returns whether it is now locked. */
export async function recordFailedSignIn(db: Queryable, person: Person, now: Date): Promise<boolean> {
  const failures = person.failedSignIns + 1;
  const locked = failures >= LOCK_AFTER_FAILURES;
  await updatePerson(db, person.id, {
    failedSignIns: locked ? 0 : failures,
    ...(locked ? { lockedUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000) } : {}),
  });
  return locked;
}

/**
 * Counts an attempt under a key (an address, an account) within a fixed window, in the database so every
 * app process counts together. Returns the number of attempts in the current window, this one included.
 */
export async function countAttempt(
  db: Queryable,
  key: string,
  now: Date,
  windowSeconds: number,
): Promise<number> {
  const windowStartsAfter = new Date(now.getTime() - windowSeconds * 1000);
  const rows = await db
    .insert(attemptCounters)
    .values({ key, windowStart: now, count: 1 })
    .onConflictDoUpdate({
      target: attemptCounters.key,
      set: {
        count: sql`case when ${attemptCounters.windowStart} <= ${windowStartsAfter.toISOString()}::timestamptz then 1 else ${attemptCounters.count} + 1 end`,
        windowStart: sql`case when ${attemptCounters.windowStart} <= ${windowStartsAfter.toISOString()}::timestamptz then ${now.toISOString()}::timestamptz else ${attemptCounters.windowStart} end`,
      },
    })
    .returning({ count: attemptCounters.count });
  return rows[0]?.count ?? 1;
}

export async function hasMembership(
  db: Queryable,
  personId: string,
  membership: Membership,
): Promise<boolean> {
  const rows = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(
      and(
        eq(memberships.personId, personId),
        eq(memberships.organisationKey, membership.organisationKey),
        eq(memberships.role, membership.role),
      ),
    );
  return rows.length > 0;
}
