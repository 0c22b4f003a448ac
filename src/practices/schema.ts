import { sql, type SQL } from 'drizzle-orm';
import {
  bigserial,
  check,
  customType,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export type PracticeDocument = { title: string; url: string };

/** A good practice as its organisation submitted it; the review decides whether the public sees it. */
export const practices = pgTable(
  'practices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationKey: text('organisation_key').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    problem: text('problem').notNull(),
    approach: text('approach').notNull(),
    ambitions: jsonb('ambitions').$type<number[]>().notNull(),
    lifeDomains: jsonb('life_domains').$type<string[]>().notNull(),
    targetGroup: text('target_group').notNull(),
    results: text('results').notNull(),
    evidence: text('evidence').notNull(), // 'measured' | 'observed' | 'none'
    costs: text('costs').notNull(),
    contact: text('contact').notNull(),
    documents: jsonb('documents').$type<PracticeDocument[]>().notNull(),
    status: text('status').notNull(),
    submittedBy: uuid('submitted_by'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    // Dutch stemming, so "sportclubs" finds "sportclub"; the title weighs most, then the summary.
    search: tsvector('search').generatedAlwaysAs(
      (): SQL =>
        sql`setweight(to_tsvector('dutch', coalesce(title, '')), 'A') || setweight(to_tsvector('dutch', coalesce(summary, '')), 'B') || setweight(to_tsvector('dutch', coalesce(problem, '') || ' ' || coalesce(approach, '') || ' ' || coalesce(target_group, '') || ' ' || coalesce(results, '')), 'C')`,
    ),
  },
  (table) => [
    index('practices_search').using('gin', table.search),
    index('practices_by_status').on(table.status, table.publishedAt),
    index('practices_by_organisation').on(table.organisationKey),
    check('practices_status', sql`${table.status} in ('submitted', 'reviewed', 'returned', 'published')`),
    check('practices_evidence', sql`${table.evidence} in ('measured', 'observed', 'none')`),
  ],
);

/** Every step of the review, appended and never changed: who moved the practice where, and why. */
export const practiceReviewSteps = pgTable(
  'practice_review_steps',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    comment: text('comment'),
    by: uuid('by'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('practice_review_steps_by_practice').on(table.practiceId, table.id)],
);

/** "We tried this too": one per professional and practice, with the organisation they spoke for. */
export const practiceReactions = pgTable(
  'practice_reactions',
  {
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').notNull(),
    organisationKey: text('organisation_key').notNull(),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.practiceId, table.personId] })],
);
