import type { ActiveSession } from '../identity/index.ts';
import type { Transaction } from '../platform/db.ts';
import {
  defineActivity,
  logProcessing,
  logProcessingMany,
  NO_SUBJECT,
  type ProcessingAction,
  type ProcessingActor,
  type ProcessingLogFilter,
  type Pseudonymiser,
} from '../platform/processing-log/index.ts';
import type { TraceId } from '../platform/trace.ts';

/**
 * These activities are about whoever the log names, of any kind, so their records carry the pseudonym the
 * person's other records carry: what the privacy officer looked up shows in that person's own answer.
 */
export const ANY_SUBJECT_KIND = 'data-subject';

export const subjectAccess = defineActivity({
  code: 'privacy.subject-access',
  purpose: {
    nl: 'Een verzoek om inzage beantwoorden: welke verwerkingen er over iemand zijn gedaan',
    en: 'Answering a request for access: which processings were done about someone',
  },
  legalBasis: {
    nl: 'Wettelijke plicht: het recht op inzage (AVG art. 15, art. 6 lid 1 sub c)',
    en: 'Legal obligation: the right of access (GDPR art. 15, art. 6(1)(c))',
  },
  subjectKind: ANY_SUBJECT_KIND,
});

export const logSearch = defineActivity({
  code: 'privacy.log-search',
  purpose: {
    nl: 'Toezien op de verwerking van persoonsgegevens: het logboek doorzoeken en exporteren',
    en: 'Supervising the processing of personal data: searching and exporting the processing log',
  },
  legalBasis: {
    nl: 'Wettelijke plicht: verantwoording en toezicht (AVG art. 5 lid 2, art. 39, art. 6 lid 1 sub c)',
    en: 'Legal obligation: accountability and monitoring (GDPR art. 5(2), art. 39, art. 6(1)(c))',
  },
  subjectKind: ANY_SUBJECT_KIND,
});

/** Who reads the log: the officer by id, as every record names its actor. */
export function officerOf(session: ActiveSession): ProcessingActor {
  const membership = session.memberships.find((m) => m.role === 'privacy_officer');
  return {
    personId: session.person.id,
    role: 'privacy_officer',
    organisation: membership?.organisationKey || null,
  };
}

type Reading = { actor: ProcessingActor; traceId: TraceId; pseudonymiser: Pseudonymiser };

/** The answer to a data subject's request read: one record, under that person's own pseudonym. */
export async function recordSubjectAccess(
  tx: Transaction,
  { actor, traceId, pseudonymiser }: Reading,
  subject: { kind: string; id: string },
): Promise<void> {
  const pseudonym = pseudonymiser.pseudonym(subject.kind, subject.id);
  await logProcessing(tx, {
    actor,
    activity: subjectAccess,
    action: 'read',
    subject: { pseudonym },
    traceId,
  });
}

/**
 * A search or export of the log: one record per person the filter names (its subject, and the staff member
 * whose actions it asks for), or one about no one in particular. The filter itself is never stored: a typed
 * id is kept only as the pseudonym it stands for.
 */
export async function recordLogSearch(
  tx: Transaction,
  { actor, traceId, pseudonymiser }: Reading,
  action: Extract<ProcessingAction, 'read' | 'export'>,
  filter: ProcessingLogFilter,
): Promise<void> {
  const named = new Set<string>();
  if (filter.subjectPseudonym !== undefined) named.add(filter.subjectPseudonym);
  if (filter.actorPersonId !== undefined)
    named.add(pseudonymiser.pseudonym('staff-member', filter.actorPersonId));
  const subjects = named.size > 0 ? [...named].map((pseudonym) => ({ pseudonym })) : [NO_SUBJECT];
  await logProcessingMany(
    tx,
    subjects.map((subject) => ({ actor, activity: logSearch, action, subject, traceId })),
  );
}
