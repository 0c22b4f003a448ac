import { createHash } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import type { Queryable } from '../platform/db.ts';
import type { ApplicationRequest } from './api-schema.ts';
import { sortItems, type ApiItem } from './api-submission.ts';
import { applicationChildren, applicationItems, applications } from './schema.ts';

/**
 * The submission key of an API call: a hash of the Idempotency-Key, so the key a client chose is not kept
 * as such, and the prefix keeps it apart from the pages' form tokens.
 */
export function apiSubmissionKey(idempotencyKey: string): string {
  return `api:${createHash('sha256').update(idempotencyKey, 'utf8').digest('base64url')}`;
}

/** What of a request is kept with the application, in the form it is kept in. */
type Answers = {
  municipality: string;
  postcode: string | null;
  houseNumber: string | null;
  householdType: string;
  incomeSource: string;
  netIncomeCents: number | null;
  vouches: boolean;
  email: string | null;
  phone: string | null;
  locale: string;
  consentBy: string;
  consentText: string;
  children: { firstName: string | null; birthDate: string | null; provisions: string[] }[];
};

/**
 * The application's answers as one string, to tell "the same request again" from "another request with a
 * used key". Built from a request and from the stored rows the same way; the order of a child's provisions,
 * postcode spacing and e-mail case do not count. The age group and assets are not stored (they only shape
 * the eligibility snapshot), so they cannot be compared.
 */
function fingerprint(answers: Answers): string {
  return JSON.stringify([
    answers.municipality,
    answers.postcode,
    answers.houseNumber,
    answers.householdType,
    answers.incomeSource,
    answers.netIncomeCents,
    answers.vouches,
    answers.email,
    answers.phone,
    answers.locale,
    answers.consentBy,
    answers.consentText,
    answers.children.map((c) => [c.firstName, c.birthDate, [...c.provisions].sort()]),
  ]);
}

export function requestFingerprint(body: ApplicationRequest): string {
  return fingerprint({
    municipality: body.municipality,
    postcode: body.postcode.replace(/\s/g, '').replace(/[a-z]/g, (letter) => letter.toUpperCase()),
    houseNumber: body.houseNumber.trim(),
    householdType: body.householdType,
    incomeSource: body.incomeSource,
    netIncomeCents: body.income.kind === 'monthly_net' ? body.income.cents : null,
    vouches: body.income.kind === 'intermediary_vouches',
    email: body.contact.email?.trim().toLowerCase() ?? null,
    phone: body.contact.phone?.trim() ?? null,
    locale: body.locale,
    consentBy: body.consent.by,
    consentText: body.consent.text,
    children: body.children.map((child) => ({
      firstName: child.firstName.trim(),
      birthDate: child.birthDate,
      provisions: child.provisions,
    })),
  });
}

export type StoredApplication = { id: string; reference: string; fingerprint: string; items: ApiItem[] };

/**
 * The application a submission key made, if any, in one query: its answers (to compare) and its items with
 * their current status. An erased application no longer has the answers, so no request matches it.
 */
export async function findBySubmissionKey(
  db: Queryable,
  submissionKey: string,
): Promise<StoredApplication | null> {
  const rows = await db
    .select({
      id: applications.id,
      reference: applications.reference,
      municipality: applications.municipalityCode,
      postcode: applications.postcode,
      houseNumber: applications.houseNumber,
      householdType: applications.householdType,
      incomeSource: applications.incomeSource,
      netIncomeCents: applications.netIncomeCents,
      vouches: applications.intermediaryVouches,
      email: applications.contactEmail,
      phone: applications.contactPhone,
      locale: applications.locale,
      consentBy: applications.consentBy,
      consentText: applications.consentText,
      position: applicationChildren.position,
      firstName: applicationChildren.firstName,
      birthDate: applicationChildren.birthDate,
      provision: applicationItems.provisionKey,
      handledBy: applicationItems.handlingOrganisation,
      status: applicationItems.status,
    })
    .from(applications)
    .leftJoin(applicationChildren, eq(applicationChildren.applicationId, applications.id))
    .leftJoin(applicationItems, eq(applicationItems.childId, applicationChildren.id))
    .where(eq(applications.submissionKey, submissionKey))
    .orderBy(asc(applicationChildren.position));
  const first = rows[0];
  if (!first) return null;
  const children = new Map<number, Answers['children'][number]>();
  const items: ApiItem[] = [];
  for (const row of rows) {
    if (row.position === null) continue;
    const child = children.get(row.position) ?? {
      firstName: row.firstName,
      birthDate: row.birthDate,
      provisions: [],
    };
    children.set(row.position, child);
    if (row.provision === null) continue;
    child.provisions.push(row.provision);
    items.push({
      child: row.position,
      provision: row.provision,
      handledBy: row.handledBy!,
      status: row.status as ApiItem['status'],
    });
  }
  return {
    id: first.id,
    reference: first.reference,
    fingerprint: fingerprint({ ...first, children: [...children.values()] }),
    items: sortItems(items),
  };
}
