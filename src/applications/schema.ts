import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations, provisions } from '../catalogue/schema.ts';
import { people } from '../identity/schema.ts';
import { municipalityTable as municipalities } from '../municipalities/index.ts';

export const incomeSources = ['bijstand', 'work', 'other_benefit', 'other', 'unknown'] as const;
export const itemStatuses = [
  'submitted',
  'in_progress',
  'information_requested',
  'information_answered',
  'granted',
  'refused',
  'delivered',
  'withdrawn',
] as const;

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/**
 * One request from a family, made by the family itself or by an intermediary on its behalf. Only what a
 * purpose needs is kept: the address finds the municipality and forms the child key, the income decides
 * eligibility, the contact carries the notifications. Erased after the retention term (`erased_at`).
 */
export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Short code to quote on the phone; the tracking link's token is the secret, this is not.
    reference: text('reference').notNull(),
    trackingTokenHash: text('tracking_token_hash').notNull(),
    channel: text('channel').notNull(), // 'family' | 'intermediary'
    intermediaryPersonId: uuid('intermediary_person_id').references(() => people.id),
    intermediaryOrganisation: text('intermediary_organisation').references(() => organisations.key),
    municipalityCode: text('municipality_code')
      .notNull()
      .references(() => municipalities.code),
    postcode: text('postcode'),
    houseNumber: text('house_number'),
    householdType: text('household_type').notNull(),
    incomeSource: text('income_source').notNull(),
    netIncomeCents: integer('net_income_cents'),
    intermediaryVouches: boolean('intermediary_vouches').notNull().default(false),
    contactEmail: text('contact_email'),
    contactPhone: text('contact_phone'),
    locale: text('locale').notNull(),
    // Which consent text was agreed to, by whom (a parent for a child under 16), and when.
    consentText: text('consent_text').notNull(),
    consentBy: text('consent_by').notNull(),
    consentedAt: timestamp('consented_at', { withTimezone: true }).notNull(),
    // The Idempotency-Key of an API call or the form token of a page: a repeat finds this application.
    submissionKey: text('submission_key').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    erasedAt: timestamp('erased_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('applications_reference').on(table.reference),
    uniqueIndex('applications_tracking').on(table.trackingTokenHash),
    uniqueIndex('applications_submission_key').on(table.submissionKey),
    index('applications_by_intermediary').on(table.intermediaryPersonId),
    check('applications_channel', sql`${table.channel} in ('family', 'intermediary')`),
    check('applications_income_source', sql`${table.incomeSource} in (${inList(incomeSources)})`),
    check(
      'applications_contact',
      sql`${table.erasedAt} is not null or ${table.contactEmail} is not null or ${table.contactPhone} is not null or ${table.channel} = 'intermediary'`,
    ),
  ],
);

export const applicationChildren = pgTable(
  'application_children',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    firstName: text('first_name'),
    birthDate: date('birth_date', { mode: 'string' }),
    // HMAC of the normalised identity (docs/child-key.md): budgets per child and the reach count use it.
    childKey: text('child_key'),
  },
  (table) => [
    uniqueIndex('application_children_position').on(table.applicationId, table.position),
    index('application_children_by_key').on(table.childKey),
  ],
);

/** One provision for one child: each goes to its own handling organisation and has its own status. */
export const applicationItems = pgTable(
  'application_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    childId: uuid('child_id')
      .notNull()
      .references(() => applicationChildren.id, { onDelete: 'cascade' }),
    provisionKey: text('provision_key')
      .notNull()
      .references(() => provisions.key),
    handlingOrganisation: text('handling_organisation')
      .notNull()
      .references(() => organisations.key),
    status: text('status').notNull(),
    // The self-check's outcome when it was sent, for the handler; the handler decides.
    eligibility: jsonb('eligibility').notNull(),
    participationConfirmedAt: timestamp('participation_confirmed_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    // When the item reached a final status; the retention term counts from the last of an application's.
    finalAt: timestamp('final_at', { withTimezone: true }),
  },
  (table) => [
    index('application_items_queue').on(table.handlingOrganisation, table.status, table.updatedAt),
    index('application_items_by_application').on(table.applicationId),
    check('application_items_status', sql`${table.status} in (${inList(itemStatuses)})`),
  ],
);

/** Every status change, with who and when; the text is erased with the application, the change stays. */
export const applicationEvents = pgTable(
  'application_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => applicationItems.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    actorKind: text('actor_kind').notNull(), // 'family' | 'staff' | 'system'
    actorPersonId: uuid('actor_person_id').references(() => people.id),
    reasonCode: text('reason_code'),
    text: text('text'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('application_events_by_item').on(table.itemId, table.at)],
);

export const deliveries = pgTable(
  'deliveries',
  {
    itemId: uuid('item_id')
      .primaryKey()
      .references(() => applicationItems.id, { onDelete: 'cascade' }),
    deliveredOn: date('delivered_on', { mode: 'string' }).notNull(),
    description: text('description').notNull(),
    valueCents: integer('value_cents').notNull(),
    // Set when the delivery goes over the child's budget for the period: who decided so, and why.
    budgetOverrideReason: text('budget_override_reason'),
    registeredBy: uuid('registered_by').references(() => people.id),
    registeredAt: timestamp('registered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [check('deliveries_value', sql`${table.valueCents} >= 0`)],
);

/**
 * What the reach monitor counts: one row per delivery, without anything that names a family. It outlives
 * the application (no foreign key), so erasing personal data never changes the figures.
 */
export const deliveryRecords = pgTable(
  'delivery_records',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    source: text('source').notNull(), // 'meedoen:<item id>' or '<provider>:<their reference>'
    childKey: text('child_key').notNull(),
    municipalityCode: text('municipality_code').notNull(),
    year: integer('year').notNull(),
    deliveredOn: date('delivered_on', { mode: 'string' }).notNull(),
    incomeSource: text('income_source').notNull(),
    category: text('category').notNull(),
    valueCents: integer('value_cents').notNull(),
    handlingOrganisation: text('handling_organisation').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('delivery_records_source').on(table.source),
    index('delivery_records_reach').on(table.municipalityCode, table.year, table.incomeSource),
    // Budgets per child sum a child's earlier deliveries.
    index('delivery_records_child').on(table.childKey),
  ],
);

/**
 * A multi-step form in progress, saved at every step so nothing typed is lost. Found again by a cookie
 * (a hash of it is stored) or, for an intermediary, by their person; deleted on sending or when it expires.
 */
export const applicationDrafts = pgTable(
  'application_drafts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull(),
    ownerPersonId: uuid('owner_person_id').references(() => people.id, { onDelete: 'cascade' }),
    answers: jsonb('answers').notNull(),
    step: text('step').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex('application_drafts_token').on(table.tokenHash),
    index('application_drafts_expiry').on(table.expiresAt),
  ],
);

/**
 * Which organisations come first in a municipality when several could help with the same thing: the
 * municipality's own scheme before a last-resort charity. A lower rank comes first.
 */
export const routingPrecedence = pgTable(
  'routing_precedence',
  {
    municipalityCode: text('municipality_code')
      .notNull()
      .references(() => municipalities.code),
    organisationKey: text('organisation_key')
      .notNull()
      .references(() => organisations.key),
    rank: integer('rank').notNull(),
  },
  (table) => [uniqueIndex('routing_precedence_key').on(table.municipalityCode, table.organisationKey)],
);
