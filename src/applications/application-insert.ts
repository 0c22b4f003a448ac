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

/**
 * The values of the statement below, one per placeholder: each field of the applications as a list in one
 * order, and their children, items, log records and mails as lists that name their application.
 */
type InsertValues = {
  generation: number | null;
  ids: string[];
  references: string[];
  trackingTokenHashes: string[];
  channels: string[];
  intermediaryPersons: (string | null)[];
  intermediaryOrganisations: (string | null)[];
  municipalities: string[];
  postcodes: string[];
  houseNumbers: string[];
  householdTypes: string[];
  incomeSources: string[];
  netIncomeCents: (number | null)[];
  vouches: boolean[];
  emails: (string | null)[];
  phones: (string | null)[];
  locales: string[];
  consentTexts: string[];
  consentBys: string[];
  nows: string[];
  submissionKeys: string[];
  childIds: string[];
  childApplications: string[];
  childPositions: number[];
  childNames: string[];
  childBirthDates: string[];
  childKeys: string[];
  itemIds: string[];
  itemApplications: string[];
  itemChildIds: string[];
  itemProvisions: string[];
  itemHandlers: string[];
  itemEligibility: string[];
  itemActorKinds: string[];
  itemActorPersons: (string | null)[];
  itemNows: string[];
  logPersons: (string | null)[];
  logRoles: string[];
  logOrganisations: (string | null)[];
  logActivities: string[];
  logActions: string[];
  logPseudonyms: string[];
  logTraces: string[];
  mailRecipients: string[];
  mailSubjects: string[];
  mailBodies: string[];
  mailPurposes: string[];
};

/**
 * Whole applications as one statement: each application, its children, one item per provision with its
 * first event, a processing-log record per child and the confirmation mail, each table a WITH clause. One
 * statement is atomic by itself and one round trip to the database instead of eight; the lists go in as
 * arrays (unnest), so the statement's text is the same for any number of applications, children and
 * provisions. Every clause inserts only while the reference data are as they were checked; the answer says
 * whether.
 */
const insertApplications = preparedStatement<InsertValues>(sql`with
  g as (select ${referenceUnchangedSince(p('generation'))} as fresh),
  a as (insert into ${applications} (id, reference, tracking_token_hash, channel, intermediary_person_id,
      intermediary_organisation, municipality_code, postcode, house_number, household_type, income_source,
      net_income_cents, intermediary_vouches, contact_email, contact_phone, locale, consent_text, consent_by,
      consented_at, submission_key, submitted_at)
    select a.id, a.reference, a.token_hash, a.channel, a.person, a.organisation, a.municipality, a.postcode,
      a.house_number, a.household_type, a.income_source, a.net_income_cents, a.vouches, a.email, a.phone,
      a.locale, a.consent_text, a.consent_by, a.at, a.submission_key, a.at
    from g, unnest(${p('ids')}::uuid[], ${p('references')}::text[], ${p('trackingTokenHashes')}::text[],
      ${p('channels')}::text[], ${p('intermediaryPersons')}::uuid[], ${p('intermediaryOrganisations')}::text[],
      ${p('municipalities')}::text[], ${p('postcodes')}::text[], ${p('houseNumbers')}::text[],
      ${p('householdTypes')}::text[], ${p('incomeSources')}::text[], ${p('netIncomeCents')}::int[],
      ${p('vouches')}::boolean[], ${p('emails')}::text[], ${p('phones')}::text[], ${p('locales')}::text[],
      ${p('consentTexts')}::text[], ${p('consentBys')}::text[], ${p('nows')}::timestamptz[],
      ${p('submissionKeys')}::text[])
      as a(id, reference, token_hash, channel, person, organisation, municipality, postcode, house_number,
        household_type, income_source, net_income_cents, vouches, email, phone, locale, consent_text,
        consent_by, at, submission_key)
    where g.fresh),
  c as (insert into ${applicationChildren} (id, application_id, position, first_name, birth_date, child_key)
    select c.* from g, unnest(${p('childIds')}::uuid[], ${p('childApplications')}::uuid[],
      ${p('childPositions')}::int[], ${p('childNames')}::text[], ${p('childBirthDates')}::date[],
      ${p('childKeys')}::text[]) as c
    where g.fresh),
  i as (insert into ${applicationItems} (id, application_id, child_id, provision_key, handling_organisation,
      status, eligibility, updated_at)
    select i.id, i.application_id, i.child_id, i.provision_key, i.handled_by, 'submitted', i.eligibility::jsonb,
      i.at
    from g, unnest(${p('itemIds')}::uuid[], ${p('itemApplications')}::uuid[], ${p('itemChildIds')}::uuid[],
      ${p('itemProvisions')}::text[], ${p('itemHandlers')}::text[], ${p('itemEligibility')}::text[],
      ${p('itemNows')}::timestamptz[])
      as i(id, application_id, child_id, provision_key, handled_by, eligibility, at)
    where g.fresh),
  e as (insert into ${applicationEvents} (item_id, from_status, to_status, actor_kind, actor_person_id, at)
    select e.id, null, 'submitted', e.kind, e.person, e.at
    from g, unnest(${p('itemIds')}::uuid[], ${p('itemActorKinds')}::text[], ${p('itemActorPersons')}::uuid[],
      ${p('itemNows')}::timestamptz[]) as e(id, kind, person, at)
    where g.fresh),
  l as (insert into processing_log (actor_person_id, actor_role, actor_organisation, activity, action,
      subject_pseudonym, trace_id)
    select l.* from g, unnest(${p('logPersons')}::text[], ${p('logRoles')}::text[],
      ${p('logOrganisations')}::text[], ${p('logActivities')}::text[], ${p('logActions')}::text[],
      ${p('logPseudonyms')}::text[], ${p('logTraces')}::text[]) as l where g.fresh),
  m as (insert into mail_outbox (recipient, subject, body, purpose)
    select m.* from g, unnest(${p('mailRecipients')}::text[], ${p('mailSubjects')}::text[],
      ${p('mailBodies')}::text[], ${p('mailPurposes')}::text[]) as m where g.fresh)
select fresh from g`);

/**
 * Stores the applications in the caller's database or transaction, all or none. They must have been checked
 * at the same count of reference changes. True when stored; false when the reference data changed since they
 * were checked (nothing was stored).
 */
export async function storeApplications(db: Queryable, list: ApplicationRows[]): Promise<boolean> {
  const result = await insertApplications.run(db, applicationValues(list));
  return result.rows[0]?.fresh === true;
}

function applicationValues(list: ApplicationRows[]): InsertValues {
  const generation = list[0]?.referenceGeneration ?? null;
  if (list.some((rows) => rows.referenceGeneration !== generation))
    throw new Error('Applications stored together must be checked at the same count of reference changes');
  const submissions = list.map(({ submission, made }) => ({ ...submission, ...made }));
  const children = submissions.flatMap((application) =>
    application.children.map((child, position) => ({
      id: crypto.randomUUID(),
      position,
      child,
      application,
    })),
  );
  const items = children.flatMap(({ id, child, application }) =>
    child.provisions.map((provision) => ({ id: crypto.randomUUID(), childId: id, provision, application })),
  );
  const log = list.flatMap(({ processing, pseudonymiser }) => processingLogRows(processing, pseudonymiser));
  const mails = list.flatMap(({ mail }) => (mail ? [checkedMail(mail)] : []));
  // As text: node-postgres turns a Date into text with a slower routine of its own.
  const at = (application: { now: Date }) => application.now.toISOString();
  return {
    generation,
    ids: submissions.map((a) => a.id),
    references: submissions.map((a) => a.reference),
    trackingTokenHashes: submissions.map((a) => a.trackingTokenHash),
    channels: submissions.map((a) => a.channel),
    intermediaryPersons: submissions.map((a) => a.intermediary?.personId ?? null),
    intermediaryOrganisations: submissions.map((a) => a.intermediary?.organisationKey ?? null),
    municipalities: submissions.map((a) => a.municipalityCode),
    postcodes: submissions.map((a) => a.postcode),
    houseNumbers: submissions.map((a) => a.houseNumber),
    householdTypes: submissions.map((a) => a.householdType),
    incomeSources: submissions.map((a) => a.incomeSource),
    netIncomeCents: submissions.map((a) => a.netIncomeCents),
    vouches: submissions.map((a) => a.intermediaryVouches),
    emails: submissions.map((a) => a.contactEmail),
    phones: submissions.map((a) => a.contactPhone),
    locales: submissions.map((a) => a.locale),
    consentTexts: submissions.map((a) => a.consent.text),
    consentBys: submissions.map((a) => a.consent.by),
    nows: submissions.map(at),
    submissionKeys: submissions.map((a) => a.submissionKey),
    childIds: children.map((c) => c.id),
    childApplications: children.map((c) => c.application.id),
    childPositions: children.map((c) => c.position),
    childNames: children.map((c) => c.child.firstName),
    childBirthDates: children.map((c) => c.child.birthDate),
    childKeys: children.map((c) => c.child.childKey),
    itemIds: items.map((i) => i.id),
    itemApplications: items.map((i) => i.application.id),
    itemChildIds: items.map((i) => i.childId),
    itemProvisions: items.map((i) => i.provision.key),
    itemHandlers: items.map((i) => i.provision.handledBy),
    itemEligibility: items.map((i) => JSON.stringify(i.provision.eligibility)),
    itemActorKinds: items.map((i) => (i.application.channel === 'family' ? 'family' : 'staff')),
    itemActorPersons: items.map((i) => i.application.intermediary?.personId ?? null),
    itemNows: items.map((i) => at(i.application)),
    logPersons: log.map((row) => row.actorPersonId),
    logRoles: log.map((row) => row.actorRole),
    logOrganisations: log.map((row) => row.actorOrganisation),
    logActivities: log.map((row) => row.activity),
    logActions: log.map((row) => row.action),
    logPseudonyms: log.map((row) => row.subjectPseudonym),
    logTraces: log.map((row) => row.traceId),
    mailRecipients: mails.map((m) => m.recipient),
    mailSubjects: mails.map((m) => m.subject),
    mailBodies: mails.map((m) => m.body),
    mailPurposes: mails.map((m) => m.purpose),
  };
}
