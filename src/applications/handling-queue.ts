import { itemStatuses } from './schema.ts';
import { isFinal, type ItemStatus } from './status.ts';

export const QUEUE_PAGE_SIZE = 50;
export const MAX_AGE_DAYS = 3650;

/** 'open' (every status something can still follow) is the default: a handler's work list. */
export type StatusFilter = ItemStatus | 'open' | 'all';
export const openStatuses: ItemStatus[] = itemStatuses.filter((s) => !isFinal(s));

export type QueueFilter = {
  status: StatusFilter;
  provision: string | null;
  municipality: string | null;
  /** Only requests received more than this many whole days ago. */
  olderThanDays: number | null;
  order: 'oldest' | 'newest';
  page: number;
};

/** The query string as typed into the filter form, kept to show it again. */
export type QueueQuery = {
  status?: string;
  voorziening?: string;
  gemeente?: string;
  'ouder-dan'?: string;
  volgorde?: string;
  pagina?: string;
};

const one = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/**
 * Reads the queue's filters from the address. Only the age is typed, so only it can be wrong; an unknown
 * status, provision or municipality is not an error but matches nothing or falls back to the default,
 * because those come from the page's own lists.
 */
export function parseQueueQuery(
  query: QueueQuery,
): { ok: true; filter: QueueFilter } | { ok: false; filter: QueueFilter } {
  const status = one(query.status);
  const olderThan = one(query['ouder-dan']);
  const page = Number(one(query.pagina));
  const filter: QueueFilter = {
    status:
      status === 'all' || (itemStatuses as readonly string[]).includes(status)
        ? (status as StatusFilter)
        : 'open',
    provision: one(query.voorziening) || null,
    municipality: one(query.gemeente) || null,
    olderThanDays: null,
    order: one(query.volgorde) === 'newest' ? 'newest' : 'oldest',
    page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
  if (olderThan === '') return { ok: true, filter };
  if (!/^[0-9]{1,4}$/.test(olderThan) || Number(olderThan) > MAX_AGE_DAYS) return { ok: false, filter };
  return { ok: true, filter: { ...filter, olderThanDays: Number(olderThan) } };
}

/** The address of the queue with these filters (and another page), for links that keep them. */
export function queueQueryString(filter: QueueFilter, page = filter.page): string {
  const params = new URLSearchParams();
  if (filter.status !== 'open') params.set('status', filter.status);
  if (filter.provision) params.set('voorziening', filter.provision);
  if (filter.municipality) params.set('gemeente', filter.municipality);
  if (filter.olderThanDays !== null) params.set('ouder-dan', String(filter.olderThanDays));
  if (filter.order !== 'oldest') params.set('volgorde', filter.order);
  if (page > 1) params.set('pagina', String(page));
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days since a moment: a request of 23 hours is 0 days old, one of 25 hours 1 day. */
export function daysSince(moment: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - moment.getTime()) / DAY_MS));
}

/**
 * The latest submission moment that is "older than n days" at `now`: the rows it keeps are exactly those
 * whose shown age (daysSince) is more than n, so the filter and the column never disagree.
 */
export function olderThanCutoff(days: number, now: Date): Date {
  return new Date(now.getTime() - (days + 1) * DAY_MS);
}
