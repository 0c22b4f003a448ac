import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** Staff who sign in. Parents and young people need no account. */
export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(), // stored lower-case
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash'), // argon2id; null until the invitation is accepted
    totpSecret: text('totp_secret'), // sealed with the platform secret
    totpConfirmedAt: timestamp('totp_confirmed_at', { withTimezone: true }),
    failedSignIns: integer('failed_sign_ins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('people_email').on(table.email)],
);

/** A role a person holds in an organisation; a platform admin's organisation is ''. */
export const memberships = pgTable(
  'memberships',
  {
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    organisationKey: text('organisation_key').notNull(),
    role: text('role').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.personId, table.organisationKey, table.role] }),
    index('memberships_by_organisation').on(table.organisationKey),
    check(
      'memberships_role',
      sql`${table.role} in ('intermediary', 'handler', 'coordinator', 'policy_officer', 'national_analyst', 'privacy_officer', 'researcher', 'platform_admin')`,
    ),
  ],
);

/** Server-side sessions, shared by every app process. Only a hash of the cookie's value is stored. */
export const sessions = pgTable(
  'sessions',
  {
    idHash: text('id_hash').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    secondFactorAt: timestamp('second_factor_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (table) => [index('sessions_by_person').on(table.personId)],
);

/** Invitation and password-reset links: single use, time-limited, stored as a hash. */
export const oneTimeTokens = pgTable('one_time_tokens', {
  tokenHash: text('token_hash').primaryKey(),
  personId: uuid('person_id')
    .notNull()
    .references(() => people.id, { onDelete: 'cascade' }),
  purpose: text('purpose').notNull(), // 'invitation' | 'password_reset'
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
});

/** Sign-in attempts per key (an address or an account) in a fixed window, shared by every app process. */
export const attemptCounters = pgTable('attempt_counters', {
  key: text('key').primaryKey(),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
  count: integer('count').notNull(),
});

/**
 * Sessions of parents and young people who signed in through OpenID Connect. Only a keyed pseudonym of the
 * provider's subject is kept: no name, no BSN, nothing that identifies them by itself.
 */
export const citizenSessions = pgTable('citizen_sessions', {
  idHash: text('id_hash').primaryKey(),
  subjectPseudonym: text('subject_pseudonym').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});
