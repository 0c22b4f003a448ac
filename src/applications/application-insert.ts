import { sql } from 'drizzle-orm';
import type { Queryable } from '../platform/db.ts';
import { preparedStatement } from '../platform/prepared-statement.ts';
import { checkedMail, type MailInput } from '../platform/mail/index.ts';
import { processingLogRows, type ProcessingEntry } from '../platform/processing-log/index.ts';
import type { Pseudonymiser } from '../platform/processing-log/index.ts';
import { referenceUnchangedSince } from '../platform/reference-changes/index.ts';
import { applicationChildren, applicationEvents, applicationItems, applications } from './schema.ts';
import type { Submission } from './submit.ts';

/** What submitApplication makes up before storing: ids, the short code, the tracking token's hash, the time. */
export type MadeForApplication = { id: string; reference: string; trackingTokenHash: string; now: Date };

export type ApplicationRows = {
  submission: Submission;
  /** The count of reference changes the submission was checked at, when checked against memory; else null. */
  referenceGeneration: number | null;
  made: MadeForApplication;
  processing: ProcessingEntry[];
  pseudonymiser: Pseudonymiser;
  mail: MailInput | null;
};

const p = (name: keyof InsertValues) => sql.placeholder(name);

/** The values of the statement below, one per placeholder; the lists go in as arrays. */
type InsertValues = {
  generation: number | null;
  id: string;
  reference: string;
  trackingTokenHash: string;
  channel: string;
  intermediaryPerson: string | null;
  intermediaryOrganisation: string | null;
  municipality: string;
  postcode: string;
  houseNumber: string;
  householdType: string;
  incomeSource: string;
  netIncomeCents: number | null;
  vouches: boolean;
  email: string | null;
  phone: string | null;
  locale: string;
  consentText: string;
  consentBy: string;
  now: string;
  submissionKey: string;
  childIds: string[];
  childPositions: number[];
  childNames: string[];
  childBirthDates: string[];
  childKeys: string[];
  itemIds: string[];
  itemChildIds: string[];
  itemProvisions: string[];
  itemHandlers: string[];
  itemEligibility: string[];
  actorKind: string;
  logPersons: (string | null)[];
  logRoles: string[];
  logOrganisations: (string | null)[];
  logActivities: string[];
  logActions: string[];
  logPseudonyms: string[];
  logTraces: string[];
  mailRecipient: string | null;
  mailSubject: string | null;
  mailBody: string | null;
  mailPurpose: string | null;
  hasMail: boolean;
};

/**
 * The whole application as one statement: the application, its children, one item per provision with its
 * first event, a processing-log record per child and the confirmation mail, each a WITH clause. One
 * statement is atomic by itself and one round trip to the database instead of eight; the lists go in as
 * arrays (unnest), so the statement's text is the same for any number of children and provisions.
 * Every clause inserts only while the reference data are as they were checked; the answer says whether.
 */
const insertApplication = preparedStatement<InsertValues>(sql`with
  g as (select ${referenceUnchangedSince(p('generation'))} as fresh),
  a as (insert into ${applications} (id, reference, tracking_token_hash, channel, intermediary_person_id,
      intermediary_organisation, municipality_code, postcode, house_number, household_type, income_source,
      net_income_cents, intermediary_vouches, contact_email, contact_phone, locale, consent_text, consent_by,
      consented_at, submission_key, submitted_at)
    select ${p('id')}::uuid, ${p('reference')}, ${p('trackingTokenHash')}, ${p('channel')},
      ${p('intermediaryPerson')}::uuid, ${p('intermediaryOrganisation')}, ${p('municipality')}, ${p('postcode')},
      ${p('houseNumber')}, ${p('householdType')}, ${p('incomeSource')}, ${p('netIncomeCents')}::int,
      ${p('vouches')}::boolean, ${p('email')}, ${p('phone')}, ${p('locale')}, ${p('consentText')},
      ${p('consentBy')}, ${p('now')}::timestamptz, ${p('submissionKey')}, ${p('now')}::timestamptz
    from g where g.fresh),
  c as (insert into ${applicationChildren} (id, application_id, position, first_name, birth_date, child_key)
    select c.id, ${p('id')}::uuid, c.position, c.first_name, c.birth_date, c.child_key
    from g, unnest(${p('childIds')}::uuid[], ${p('childPositions')}::int[], ${p('childNames')}::text[],
      ${p('childBirthDates')}::date[], ${p('childKeys')}::text[])
      as c(id, position, first_name, birth_date, child_key)
    where g.fresh),
  i as (insert into ${applicationItems} (id, application_id, child_id, provision_key, handling_organisation,
      status, eligibility, updated_at)
    select i.id, ${p('id')}::uuid, i.child_id, i.provision_key, i.handled_by, 'submitted', i.eligibility::jsonb,
      ${p('now')}::timestamptz
    from g, unnest(${p('itemIds')}::uuid[], ${p('itemChildIds')}::uuid[], ${p('itemProvisions')}::text[],
      ${p('itemHandlers')}::text[], ${p('itemEligibility')}::text[])
      as i(id, child_id, provision_key, handled_by, eligibility)
    where g.fresh),
  e as (insert into ${applicationEvents} (item_id, from_status, to_status, actor_kind, actor_person_id, at)
    select e.id, null, 'submitted', ${p('actorKind')}, ${p('intermediaryPerson')}::uuid, ${p('now')}::timestamptz
    from g, unnest(${p('itemIds')}::uuid[]) as e(id) where g.fresh),
  l as (insert into processing_log (actor_person_id, actor_role, actor_organisation, activity, action,
      subject_pseudonym, trace_id)
    select l.* from g, unnest(${p('logPersons')}::text[], ${p('logRoles')}::text[],
      ${p('logOrganisations')}::text[], ${p('logActivities')}::text[], ${p('logActions')}::text[],
      ${p('logPseudonyms')}::text[], ${p('logTraces')}::text[]) as l where g.fresh),
  m as (insert into mail_outbox (recipient, subject, body, purpose)
    select ${p('mailRecipient')}::text, ${p('mailSubject')}::text, ${p('mailBody')}::text, ${p('mailPurpose')}::text
    from g where g.fresh and ${p('hasMail')}::boolean)
select fresh from g`);

/**
 * Stores the application in the caller's database or transaction. True when stored; false when the
 * reference data changed since the submission was checked (nothing was stored).
 */
export async function storeApplication(db: Queryable, rows: ApplicationRows): Promise<boolean> {
  const result = await insertApplication.run(db, applicationValues(rows));
  return result.rows[0]?.fresh === true;
}

function applicationValues({
  submission,
  referenceGeneration,
  made,
  processing,
  pseudonymiser,
  mail,
}: ApplicationRows): InsertValues {
  const children = submission.children.map((child, position) => ({
    id: crypto.randomUUID(),
    position,
    ...child,
  }));
  const items = children.flatMap((child) =>
    child.provisions.map((provision) => ({ id: crypto.randomUUID(), childId: child.id, ...provision })),
  );
  const log = processingLogRows(processing, pseudonymiser);
  const message = mail ? checkedMail(mail) : null;
  return {
    generation: referenceGeneration,
    id: made.id,
    reference: made.reference,
    trackingTokenHash: made.trackingTokenHash,
    channel: submission.channel,
    intermediaryPerson: submission.intermediary?.personId ?? null,
    intermediaryOrganisation: submission.intermediary?.organisationKey ?? null,
    municipality: submission.municipalityCode,
    postcode: submission.postcode,
    houseNumber: submission.houseNumber,
    householdType: submission.householdType,
    incomeSource: submission.incomeSource,
    netIncomeCents: submission.netIncomeCents,
    vouches: submission.intermediaryVouches,
    email: submission.contactEmail,
    phone: submission.contactPhone,
    locale: submission.locale,
    consentText: submission.consent.text,
    consentBy: submission.consent.by,
    // As text: node-postgres turns a Date into text with a slower routine of its own.
    now: made.now.toISOString(),
    submissionKey: submission.submissionKey,
    childIds: children.map((child) => child.id),
    childPositions: children.map((child) => child.position),
    childNames: children.map((child) => child.firstName),
    childBirthDates: children.map((child) => child.birthDate),
    childKeys: children.map((child) => child.childKey),
    itemIds: items.map((item) => item.id),
    itemChildIds: items.map((item) => item.childId),
    itemProvisions: items.map((item) => item.key),
    itemHandlers: items.map((item) => item.handledBy),
    itemEligibility: items.map((item) => JSON.stringify(item.eligibility)),
    actorKind: submission.channel === 'family' ? 'family' : 'staff',
    logPersons: log.map((row) => row.actorPersonId),
    logRoles: log.map((row) => row.actorRole),
    logOrganisations: log.map((row) => row.actorOrganisation),
    logActivities: log.map((row) => row.activity),
    logActions: log.map((row) => row.action),
    logPseudonyms: log.map((row) => row.subjectPseudonym),
    logTraces: log.map((row) => row.traceId),
    mailRecipient: message?.recipient ?? null,
    mailSubject: message?.subject ?? null,
    mailBody: message?.body ?? null,
    mailPurpose: message?.purpose ?? null,
    hasMail: message !== null,
  };
}
