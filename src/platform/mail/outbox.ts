import { count, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Queryable } from '../db.ts';
import { mailOutbox } from './schema.ts';
import { redactSpentLinks } from './single-use-links.ts';

/** After this many tries a message stays unsent, shown as failed on the outbox page. */
export const MAX_ATTEMPTS = 10;

const mailSchema = z.object({
  recipient: z.email(),
  // A line break in a header could smuggle in more headers.
  subject: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[^\r\n]*$/),
  body: z.string().min(1),
  purpose: z.string().min(1).max(60),
});

export type MailInput = z.input<typeof mailSchema>;

export type OutboxStatus = 'sent' | 'waiting' | 'failed';

export type OutboxEntry = {
  id: number;
  recipient: string;
  subject: string;
  purpose: string;
  status: OutboxStatus;
  createdAt: Date;
  sentAt: Date | null;
  attempts: number;
  lastError: string | null;
};

/**
 * Queues a message. Pass the transaction that makes the change the message reports, so that the
 * message is sent if and only if that change is committed.
 */
export async function enqueueMail(tx: Queryable, input: MailInput): Promise<number> {
  const [row] = await tx.insert(mailOutbox).values(checkedMail(input)).returning({ id: mailOutbox.id });
  return row!.id;
}

/** A message checked as enqueueMail checks it, for a command that inserts it in a statement of its own. */
export function checkedMail(input: MailInput) {
  return mailSchema.parse(input);
}

const entryColumns = {
  id: mailOutbox.id,
  recipient: mailOutbox.recipient,
  subject: mailOutbox.subject,
  purpose: mailOutbox.purpose,
  createdAt: mailOutbox.createdAt,
  sentAt: mailOutbox.sentAt,
  attempts: mailOutbox.attempts,
  lastError: mailOutbox.lastError,
};

type EntryRow = Omit<OutboxEntry, 'status'>;

function present<T extends EntryRow>(row: T): T & { status: OutboxStatus } {
  const status: OutboxStatus = row.sentAt ? 'sent' : row.attempts >= MAX_ATTEMPTS ? 'failed' : 'waiting';
  return { ...row, status };
}

/**
 * One page of the outbox, newest first. Links that no longer work are taken out of the bodies first, so
 * reading the outbox is also when expired links stop being readable; pass the caller's transaction.
 */
export async function listOutbox(
  db: Queryable,
  { limit, offset, now = new Date() }: { limit: number; offset: number; now?: Date },
): Promise<{ entries: OutboxEntry[]; total: number }> {
  await redactSpentLinks(db, now);
  const rows = await db
    .select(entryColumns)
    .from(mailOutbox)
    .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
    .limit(limit)
    .offset(offset);
  const [counted] = await db.select({ total: count() }).from(mailOutbox);
  return { entries: rows.map(present), total: counted?.total ?? 0 };
}

/** One message with its body, in which only links that still work are left. */
export async function findMail(
  db: Queryable,
  id: number,
  now = new Date(),
): Promise<(OutboxEntry & { body: string }) | null> {
  await redactSpentLinks(db, now);
  const [row] = await db
    .select({ ...entryColumns, body: mailOutbox.body })
    .from(mailOutbox)
    .where(eq(mailOutbox.id, id));
  return row ? present(row) : null;
}
