import { sql, type SQL } from 'drizzle-orm';
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

/** One value for one placeholder, also when it is a list (Drizzle would spread a list over several). */
const one = (value: unknown) => sql.param(value);

/**
 * The whole application as one statement: the application, its children, one item per provision with its
 * first event, a processing-log record per child and the confirmation mail, each a WITH clause. One
 * statement is atomic by itself and one round trip to the database instead of eight; the lists go in as
 * arrays (unnest), so the statement's text is the same for any number of children and provisions.
 */
export function applicationInsert({
  submission,
  referenceGeneration,
  made,
  processing,
  pseudonymiser,
  mail,
}: ApplicationRows): SQL {
  const { id, now } = made;
  const children = submission.children.map((child, position) => ({
    id: crypto.randomUUID(),
    position,
    ...child,
  }));
  const items = children.flatMap((child) =>
    child.provisions.map((p) => ({ id: crypto.randomUUID(), childId: child.id, ...p })),
  );
  const log = processingLogRows(processing, pseudonymiser);
  const message = mail ? checkedMail(mail) : null;
  const actorKind = submission.channel === 'family' ? 'family' : 'staff';
  const intermediary = submission.intermediary;
  // Every clause inserts only while the reference data are as they were checked; the answer says whether.
  return sql`with
  g as (select ${referenceUnchangedSince(referenceGeneration)} as fresh),
  a as (insert into ${applications} (id, reference, tracking_token_hash, channel, intermediary_person_id,
      intermediary_organisation, municipality_code, postcode, house_number, household_type, income_source,
      net_income_cents, intermediary_vouches, contact_email, contact_phone, locale, consent_text, consent_by,
      consented_at, submission_key, submitted_at)
    select ${id}::uuid, ${made.reference}, ${made.trackingTokenHash}, ${submission.channel},
      ${intermediary?.personId ?? null}, ${intermediary?.organisationKey ?? null}, ${submission.municipalityCode},
      ${submission.postcode}, ${submission.houseNumber}, ${submission.householdType}, ${submission.incomeSource},
      ${submission.netIncomeCents}, ${submission.intermediaryVouches}, ${submission.contactEmail},
      ${submission.contactPhone}, ${submission.locale}, ${submission.consent.text}, ${submission.consent.by},
      ${now}, ${submission.submissionKey}, ${now} from g where g.fresh),
  c as (insert into ${applicationChildren} (id, application_id, position, first_name, birth_date, child_key)
    select c.id, ${id}::uuid, c.position, c.first_name, c.birth_date, c.child_key
    from g, unnest(${one(children.map((c) => c.id))}::uuid[], ${one(children.map((c) => c.position))}::int[],
      ${one(children.map((c) => c.firstName))}::text[], ${one(children.map((c) => c.birthDate))}::date[],
      ${one(children.map((c) => c.childKey))}::text[]) as c(id, position, first_name, birth_date, child_key)
    where g.fresh),
  i as (insert into ${applicationItems} (id, application_id, child_id, provision_key, handling_organisation,
      status, eligibility, updated_at)
    select i.id, ${id}::uuid, i.child_id, i.provision_key, i.handled_by, 'submitted', i.eligibility::jsonb, ${now}
    from g, unnest(${one(items.map((i) => i.id))}::uuid[], ${one(items.map((i) => i.childId))}::uuid[],
      ${one(items.map((i) => i.key))}::text[], ${one(items.map((i) => i.handledBy))}::text[],
      ${one(items.map((i) => JSON.stringify(i.eligibility)))}::text[])
      as i(id, child_id, provision_key, handled_by, eligibility)
    where g.fresh),
  e as (insert into ${applicationEvents} (item_id, from_status, to_status, actor_kind, actor_person_id, at)
    select e.id, null, 'submitted', ${actorKind}, ${intermediary?.personId ?? null}::uuid, ${now}
    from g, unnest(${one(items.map((i) => i.id))}::uuid[]) as e(id) where g.fresh),
  l as (insert into processing_log (actor_person_id, actor_role, actor_organisation, activity, action,
      subject_pseudonym, trace_id)
    select l.* from g, unnest(${one(log.map((r) => r.actorPersonId))}::text[], ${one(log.map((r) => r.actorRole))}::text[],
      ${one(log.map((r) => r.actorOrganisation))}::text[], ${one(log.map((r) => r.activity))}::text[],
      ${one(log.map((r) => r.action))}::text[], ${one(log.map((r) => r.subjectPseudonym))}::text[],
      ${one(log.map((r) => r.traceId))}::text[]) as l where g.fresh),
  m as (insert into mail_outbox (recipient, subject, body, purpose)
    select ${message?.recipient ?? null}::text, ${message?.subject ?? null}::text, ${message?.body ?? null}::text,
      ${message?.purpose ?? null}::text
    from g where g.fresh and ${message !== null}::boolean)
select fresh from g`;
}
