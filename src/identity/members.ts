import { and, asc, eq, sql } from 'drizzle-orm';
import type { Transaction } from '../platform/db.ts';
import { enqueueMail } from '../platform/mail/index.ts';
import {
  defineActivity,
  logProcessing,
  logProcessingMany,
  type ProcessingAction,
  type Pseudonymiser,
} from '../platform/processing-log/index.ts';
import type { TraceId } from '../platform/trace.ts';
import { invitationMail } from './invitation-mail.ts';
import { invitePerson } from './invitations.ts';
import type { Role } from './roles.ts';
import { memberships, people } from './schema.ts';

/**
 * Roles a coordinator may give within their organisation. Roles that see across organisations (privacy
 * officer, policy officer, national analyst) or run the platform are given by a platform admin only, so a
 * coordinator cannot widen their own reach.
 */
export const invitableRoles = ['intermediary', 'handler', 'coordinator'] as const satisfies readonly Role[];

const SUBJECT_KIND = 'staff-member';

export const membersActivity = defineActivity({
  code: 'identity.members',
  purpose: {
    nl: 'Beheren wie namens een organisatie met Meedoen werkt, en met welke rol',
    en: 'Managing who works with Meedoen on behalf of an organisation, and in which role',
  },
  legalBasis: {
    nl: 'Gerechtvaardigd belang van de organisatie bij toegangsbeheer (AVG art. 6 lid 1 f) en beveiliging (AVG art. 32)',
    en: 'Legitimate interest of the organisation in access control (GDPR art. 6(1)(f)) and security (GDPR art. 32)',
  },
  subjectKind: SUBJECT_KIND,
});

/** A coordinator acting for their organisation, with what the processing log needs. */
export type CoordinatorActor = {
  personId: string;
  organisationKey: string;
  traceId: TraceId;
  pseudonymiser: Pseudonymiser;
};

/** One member of an organisation as the coordinator's page shows them. */
export type Member = {
  personId: string;
  name: string;
  email: string;
  roles: Role[];
  /** Invited, but no password chosen yet. */
  invited: boolean;
};

function entry(actor: CoordinatorActor, action: ProcessingAction, personId: string) {
  return {
    actor: { personId: actor.personId, role: 'coordinator', organisation: actor.organisationKey },
    activity: membersActivity,
    action,
    subject: { kind: SUBJECT_KIND, id: personId },
    traceId: actor.traceId,
  };
}

/** The organisation's members, by name; one processing-log record per member shown. */
export async function readMembers({ actor, tx }: { actor: CoordinatorActor; tx: Transaction }) {
  const rows = await tx
    .select({
      personId: people.id,
      name: people.displayName,
      email: people.email,
      invited: sql<boolean>`${people.passwordHash} is null`,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .where(eq(memberships.organisationKey, actor.organisationKey))
    .orderBy(asc(people.displayName), asc(people.email), asc(memberships.role));
  const members = new Map<string, Member>();
  for (const row of rows) {
    const member = members.get(row.personId) ?? {
      personId: row.personId,
      name: row.name,
      email: row.email,
      roles: [],
      invited: row.invited,
    };
    member.roles.push(row.role as Role);
    members.set(row.personId, member);
  }
  const list = [...members.values()];
  await logProcessingMany(
    tx,
    list.map((member) => entry(actor, 'read', member.personId)),
    actor.pseudonymiser,
  );
  return list;
}

export type InviteInput = { email: string; name: string; role: (typeof invitableRoles)[number] };

/**
 * Invites a person to the coordinator's organisation in a role (a new person, or an existing one who gets
 * the role here too): the invitation, its e-mail and the processing-log record in the caller's transaction.
 */
export async function inviteMember({
  actor,
  tx,
  input,
  now,
  publicBaseUrl,
}: {
  actor: CoordinatorActor;
  tx: Transaction;
  input: InviteInput;
  now: Date;
  publicBaseUrl: string;
}): Promise<void> {
  const membership = { organisationKey: actor.organisationKey, role: input.role };
  const { person, token } = await invitePerson(
    tx,
    { email: input.email, displayName: input.name, membership },
    now,
  );
  await enqueueMail(tx, {
    recipient: person.email,
    purpose: 'invitation',
    ...invitationMail({ name: person.displayName, link: `${publicBaseUrl}/uitnodiging/${token}` }),
  });
  await logProcessing(tx, entry(actor, 'create', person.id), actor.pseudonymiser);
}

export type RemoveOutcome = 'removed' | 'not_a_member' | 'last_coordinator';

/**
 * Removes every role a person holds in the coordinator's organisation. The organisation always keeps a
 * coordinator: its coordinator rows are locked first, so two coordinators removing each other at once cannot
 * both succeed. A coordinator may leave only while another remains.
 */
export async function removeMember({
  actor,
  tx,
  personId,
}: {
  actor: CoordinatorActor;
  tx: Transaction;
  personId: string;
}): Promise<RemoveOutcome> {
  const coordinators = await tx
    .select({ personId: memberships.personId })
    .from(memberships)
    .where(and(eq(memberships.organisationKey, actor.organisationKey), eq(memberships.role, 'coordinator')))
    .for('update');
  const held = await tx
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.organisationKey, actor.organisationKey), eq(memberships.personId, personId)));
  if (held.length === 0) return 'not_a_member';
  if (held.some((m) => m.role === 'coordinator') && !coordinators.some((c) => c.personId !== personId))
    return 'last_coordinator';
  await tx
    .delete(memberships)
    .where(and(eq(memberships.organisationKey, actor.organisationKey), eq(memberships.personId, personId)));
  await logProcessing(tx, entry(actor, 'delete', personId), actor.pseudonymiser);
  return 'removed';
}
