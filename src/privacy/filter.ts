import { z } from 'zod';
import { isCalendarDate } from '../platform/clock.ts';
import { findActivity, listActivities, type ProcessingLogFilter } from '../platform/processing-log/index.ts';
import './messages.ts';
import { ANY_SUBJECT_KIND } from './records.ts';

// An empty form field means "no filter".
const blankIsAbsent = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const calendarDate = z.preprocess(
  blankIsAbsent,
  z
    .string({ error: 'processing_log_date_invalid' })
    .trim()
    .refine(isCalendarDate, { error: 'processing_log_date_invalid' })
    .optional(),
);

/** The log search as the form sends it (a GET query, so it can be bookmarked and paged). */
export const logSearchSchema = z
  .object({
    activity: z.preprocess(
      blankIsAbsent,
      z
        .string({ error: 'processing_log_activity_unknown' })
        .refine((code) => findActivity(code) !== undefined, { error: 'processing_log_activity_unknown' })
        .optional(),
    ),
    from: calendarDate,
    to: calendarDate,
    actor: z.preprocess(
      blankIsAbsent,
      z
        .string({ error: 'processing_log_actor_malformed' })
        .trim()
        .max(100, { error: 'processing_log_actor_malformed' })
        // eslint-disable-next-line no-control-regex
        .regex(/^[^\u0000-\u001f\u007f]+$/, { error: 'processing_log_actor_malformed' })
        .optional(),
    ),
    subject: z.preprocess(
      blankIsAbsent,
      z
        .string({ error: 'processing_log_pseudonym_malformed' })
        .trim()
        .toLowerCase()
        .regex(/^[0-9a-f]{64}$/, { error: 'processing_log_pseudonym_malformed' })
        .optional(),
    ),
  })
  .superRefine((search, context) => {
    if (search.from && search.to && search.to < search.from)
      context.addIssue({ code: 'custom', path: ['to'], message: 'processing_log_dates_order' });
  });
export type LogSearch = z.infer<typeof logSearchSchema>;

export const PAGE_SIZE = 50;
const MAX_PAGE = 1_000_000;

/** The page asked for; anything that is not a page number shows the first page. */
export function pageNumber(query: unknown): number {
  const raw = (query as { page?: unknown } | undefined)?.page;
  const page = typeof raw === 'string' && /^\d{1,7}$/.test(raw) ? Number(raw) : 1;
  return Math.min(Math.max(page, 1), MAX_PAGE);
}

const amsterdamParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** How far Amsterdam's clock is ahead of UTC at a moment, in milliseconds. */
function amsterdamOffset(moment: Date): number {
  const parts = Object.fromEntries(amsterdamParts.formatToParts(moment).map((p) => [p.type, p.value]));
  const wall = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return wall - Math.floor(moment.getTime() / 1000) * 1000;
}

/**
 * The moment a calendar day starts in the Netherlands. Clocks change at 02:00 or 03:00, never at midnight, so
 * the offset at UTC midnight of that date is the offset at Amsterdam's midnight too.
 */
export function startOfDayInAmsterdam(isoDate: string): Date {
  const utcMidnight = new Date(`${isoDate}T00:00:00Z`);
  return new Date(utcMidnight.getTime() - amsterdamOffset(utcMidnight));
}

function nextDay(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** The form's dates are whole Dutch calendar days: from the start of `from` to the end of `to`. */
export function toLogFilter(search: LogSearch): ProcessingLogFilter {
  const filter: ProcessingLogFilter = {};
  if (search.activity) filter.activity = search.activity;
  if (search.actor) filter.actorPersonId = search.actor;
  if (search.subject) filter.subjectPseudonym = search.subject;
  if (search.from) filter.from = startOfDayInAmsterdam(search.from);
  if (search.to) filter.to = startOfDayInAmsterdam(nextDay(search.to));
  return filter;
}

/** The search as a query string, for paging and the export link; empty fields are left out. */
export function searchQuery(search: LogSearch, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...search, ...extra }))
    if (typeof value === 'string' && value !== '') params.set(name, value);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** The kinds of person the register's activities are about, for the data subject's request. */
export function subjectKinds(): string[] {
  const kinds = listActivities().map((activity) => activity.subjectKind);
  // The privacy officer's own reads are about a person of one of the other kinds, never a kind of their own.
  return [...new Set(kinds)].filter((kind) => kind !== ANY_SUBJECT_KIND).sort();
}

/** The data subject's request: sent by POST, so the identifier never appears in an address or a log. */
export const subjectRequestSchema = z.object({
  kind: z
    .string({ error: 'processing_log_kind_unknown' })
    .refine((kind) => subjectKinds().includes(kind), { error: 'processing_log_kind_unknown' }),
  identifier: z
    .string({ error: 'processing_log_identifier_required' })
    .trim()
    .min(1, { error: 'processing_log_identifier_required' })
    .max(200, { error: 'processing_log_identifier_too_long' }),
});
