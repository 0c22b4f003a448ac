import type { Queryable, Transaction } from '../platform/db.ts';
import { enqueueMail } from '../platform/mail/index.ts';
import {
  issueOneTimeToken,
  personForOneTimeToken,
  useAllOneTimeTokens,
  useOneTimeToken,
} from './one-time-tokens.ts';
import { endAllSessions } from './sessions.ts';
import { findPersonByEmail, updatePerson } from './store.ts';

/** A reset link works once, for an hour. */
export const RESET_VALID_MINUTES = 60;
const PURPOSE = 'password_reset';

/** The reset e-mail: Dutch first, English below, plain text (readable in any mail program). */
export function passwordResetMail(input: { name: string; link: string }): { subject: string; body: string } {
  return {
    subject: 'Nieuw wachtwoord voor Meedoen / New password for Meedoen',
    body: [
      `Beste ${input.name},`,
      '',
      `Je hebt gevraagd om een nieuw wachtwoord voor Meedoen. Kies een nieuw wachtwoord met deze link. De link werkt één keer, ${RESET_VALID_MINUTES} minuten lang:`,
      input.link,
      '',
      'Heb je dit niet zelf gevraagd? Dan hoef je niets te doen. Je wachtwoord blijft hetzelfde.',
      '',
      '---',
      '',
      `Dear ${input.name},`,
      '',
      `You asked for a new password for Meedoen. Choose a new password with this link. It works once, for ${RESET_VALID_MINUTES} minutes:`,
      input.link,
      '',
      'Did you not ask for this? Then you do not need to do anything. Your password stays the same.',
    ].join('\n'),
  };
}

/**
 * Asks for a reset link for an address. Only an active person gets one: a token (only its hash stored) and
 * its e-mail, written in the caller's transaction so neither exists without the other. Returns whether a
 * mail was queued — for tests and logs only: the visitor's answer must never depend on it.
 */
export async function requestPasswordReset(
  tx: Transaction,
  input: { email: string; now: Date; publicBaseUrl: string },
): Promise<boolean> {
  const person = await findPersonByEmail(tx, input.email);
  if (!person || !person.active) return false;
  const token = await issueOneTimeToken(tx, {
    personId: person.id,
    purpose: PURPOSE,
    expiresAt: new Date(input.now.getTime() + RESET_VALID_MINUTES * 60_000),
  });
  await enqueueMail(tx, {
    recipient: person.email,
    purpose: PURPOSE,
    ...passwordResetMail({
      name: person.displayName,
      link: `${input.publicBaseUrl}/wachtwoord-herstellen/${token}`,
    }),
  });
  return true;
}

/** The person an unused, unexpired reset link is for; null for anything else. */
export function passwordResetFor(db: Queryable, token: string, now: Date): Promise<string | null> {
  return personForOneTimeToken(db, token, PURPOSE, now);
}

/**
 * Sets a new password with a reset link, in the caller's transaction: the link is used up (only if nobody
 * used it first), the password replaced, failed sign-ins and any lockout cleared, every session of the
 * person ended and every other reset link of theirs used up too. Returns the person's id, or null when the
 * link was unknown, used or expired.
 */
export async function completePasswordReset(
  tx: Transaction,
  input: { token: string; passwordHash: string; now: Date },
): Promise<string | null> {
  const personId = await useOneTimeToken(tx, input.token, PURPOSE, input.now);
  if (!personId) return null;
  await useAllOneTimeTokens(tx, personId, PURPOSE, input.now);
  await updatePerson(tx, personId, {
    passwordHash: input.passwordHash,
    failedSignIns: 0,
    lockedUntil: null,
  });
  await endAllSessions(tx, personId, input.now);
  return personId;
}
