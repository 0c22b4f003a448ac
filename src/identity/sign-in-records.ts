import type { Transaction } from '../platform/db.ts';
import { enqueueMail } from '../platform/mail/index.ts';
import {
  createPseudonymiser,
  defineActivity,
  logProcessing,
  logProcessingMany,
} from '../platform/processing-log/index.ts';
import type { Person } from './store.ts';

export const staffSignIn = defineActivity({
  code: 'identity.staff-sign-in',
  purpose: {
    nl: 'Medewerkers laten inloggen en hun account beschermen',
    en: 'Letting staff sign in and protecting their accounts',
  },
  legalBasis: {
    nl: 'Gerechtvaardigd belang: beveiliging van persoonsgegevens (AVG art. 6 lid 1 sub f, art. 32)',
    en: 'Legitimate interest: security of personal data (GDPR art. 6(1)(f), art. 32)',
  },
  subjectKind: 'staff-member',
});

/** A successful sign-in is a processing of the staff member's data: one record, in the same transaction. */
export async function recordSignIn(
  tx: Transaction,
  person: Person,
  secret: string,
  traceId: string,
): Promise<void> {
  await logProcessing(
    tx,
    {
      actor: { personId: person.id, role: 'staff', organisation: null },
      activity: staffSignIn,
      action: 'read',
      subject: { kind: 'staff-member', id: person.id },
      traceId,
    },
    createPseudonymiser(secret),
  );
}

/** The owner hears of a lockout, so someone guessing their password does not go unnoticed. */
export async function sendLockoutNotice(tx: Transaction, person: Person): Promise<void> {
  await enqueueMail(tx, {
    recipient: person.email,
    purpose: 'lockout',
    subject: 'Je Meedoen-account is tijdelijk geblokkeerd / Your Meedoen account is locked for a while',
    body: [
      `Beste ${person.displayName},`,
      '',
      'Er is tien keer een verkeerd wachtwoord gebruikt voor je account. Daarom kun je 15 minuten niet inloggen.',
      'Was jij dit niet? Kies dan een nieuw wachtwoord via "Wachtwoord vergeten?" en meld het aan je coördinator.',
      '',
      '---',
      '',
      `Dear ${person.displayName},`,
      '',
      'A wrong password was used ten times for your account, so you cannot sign in for 15 minutes.',
      'Was this not you? Choose a new password with "Forgot your password?" and tell your coordinator.',
    ].join('\n'),
  });
}

export const outboxReading = defineActivity({
  code: 'platform.mail-outbox',
  purpose: {
    nl: 'E-mail die niet automatisch verstuurd kan worden laten doorsturen door de beheerder',
    en: 'Letting the administrator forward e-mail that cannot be sent automatically',
  },
  legalBasis: {
    nl: 'Gerechtvaardigd belang: uitnodigingen en meldingen laten aankomen (AVG art. 6 lid 1 sub f)',
    en: 'Legitimate interest: making invitations and notices arrive (GDPR art. 6(1)(f))',
  },
  subjectKind: 'email-recipient',
});

/** Showing the outbox shows addresses: one record per address on the page. */
export async function recordOutboxReading(
  tx: Transaction,
  actor: { personId: string },
  recipients: readonly string[],
  secret: string,
  traceId: string,
): Promise<void> {
  const pseudonymiser = createPseudonymiser(secret);
  await logProcessingMany(
    tx,
    [...new Set(recipients)].map((recipient) => ({
      actor: { personId: actor.personId, role: 'platform_admin', organisation: null },
      activity: outboxReading,
      action: 'read' as const,
      subject: { kind: 'email-recipient', id: recipient.toLowerCase() },
      traceId,
    })),
    pseudonymiser,
  );
}

export const accountChange = defineActivity({
  code: 'identity.account',
  purpose: {
    nl: 'Het eigen account van een medewerker instellen: wachtwoord en tweede stap',
    en: "Setting up a staff member's own account: password and second step",
  },
  legalBasis: {
    nl: 'Gerechtvaardigd belang: beveiliging van persoonsgegevens (AVG art. 6 lid 1 sub f, art. 32)',
    en: 'Legitimate interest: security of personal data (GDPR art. 6(1)(f), art. 32)',
  },
  subjectKind: 'staff-member',
});

/** A password or second-step secret written for a person: one record, by that person, in the same transaction. */
export async function recordAccountChange(
  tx: Transaction,
  personId: string,
  secret: string,
  traceId: string,
): Promise<void> {
  await logProcessing(
    tx,
    {
      actor: { personId, role: 'staff', organisation: null },
      activity: accountChange,
      action: 'update',
      subject: { kind: 'staff-member', id: personId },
      traceId,
    },
    createPseudonymiser(secret),
  );
}
