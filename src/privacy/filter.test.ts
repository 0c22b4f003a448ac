import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeIssues } from '../platform/validation.ts';
import { logSearchSchema, pageNumber, searchQuery, startOfDayInAmsterdam, toLogFilter } from './filter.ts';

const dayStarts: [label: string, date: string, utc: string][] = [
  ['winter time', '2026-01-15', '2026-01-14T23:00:00.000Z'],
  ['summer time', '2026-07-01', '2026-06-30T22:00:00.000Z'],
  ['the day clocks go forward', '2026-03-29', '2026-03-28T23:00:00.000Z'],
  ['the day after clocks go forward', '2026-03-30', '2026-03-29T22:00:00.000Z'],
  ['the day clocks go back', '2026-10-25', '2026-10-24T22:00:00.000Z'],
  ['the day after clocks go back', '2026-10-26', '2026-10-25T23:00:00.000Z'],
  ['new year', '2027-01-01', '2026-12-31T23:00:00.000Z'],
];
for (const [label, date, utc] of dayStarts)
  test(`a day starts at midnight in Amsterdam: ${label}`, () =>
    assert.equal(startOfDayInAmsterdam(date).toISOString(), utc));

test('the dates are whole days: from the start of "from" to the end of "to"', () => {
  const filter = toLogFilter({ from: '2026-03-29', to: '2026-03-29' });
  assert.equal(filter.from?.toISOString(), '2026-03-28T23:00:00.000Z');
  // 23 hours later: the day the clocks go forward is short.
  assert.equal(filter.to?.toISOString(), '2026-03-29T22:00:00.000Z');
});

const errorsOf = (query: Record<string, unknown>) => {
  const parsed = logSearchSchema.safeParse(query);
  return parsed.success ? [] : describeIssues(parsed.error.issues, 'nl').map((e) => [e.field, e.code]);
};

const searches: [label: string, query: Record<string, unknown>, errors: string[][]][] = [
  ['an empty form', { activity: '', from: '', to: '', actor: '', subject: '' }, []],
  ['nothing at all', {}, []],
  [
    'an unknown activity',
    { activity: 'no.such-activity' },
    [['activity', 'processing_log_activity_unknown']],
  ],
  ['a repeated activity', { activity: ['a', 'b'] }, [['activity', 'processing_log_activity_unknown']]],
  ['a Dutch date order', { from: '31-01-2026' }, [['from', 'processing_log_date_invalid']]],
  ['a day that does not exist', { to: '2026-02-30' }, [['to', 'processing_log_date_invalid']]],
  ['"to" before "from"', { from: '2026-02-02', to: '2026-02-01' }, [['to', 'processing_log_dates_order']]],
  ['the same day', { from: '2026-02-02', to: '2026-02-02' }, []],
  ['a short pseudonym', { subject: 'abc' }, [['subject', 'processing_log_pseudonym_malformed']]],
  ['a pseudonym in capitals', { subject: 'A'.repeat(64) }, []],
  ['an actor with a line break', { actor: 'a\nb' }, [['actor', 'processing_log_actor_malformed']]],
  ['a very long actor', { actor: 'x'.repeat(101) }, [['actor', 'processing_log_actor_malformed']]],
];
for (const [label, query, errors] of searches)
  test(`log search: ${label}`, () => assert.deepEqual(errorsOf(query), errors));

test('a pseudonym is compared in lower case', () => {
  const parsed = logSearchSchema.parse({ subject: ` ${'AB'.repeat(32)} ` });
  assert.equal(parsed.subject, 'ab'.repeat(32));
});

const pages: [raw: unknown, page: number][] = [
  [undefined, 1],
  ['2', 2],
  ['0', 1],
  ['-3', 1],
  ['1e3', 1],
  ['abc', 1],
  [['2', '3'], 1],
  ['99999999999', 1],
];
for (const [raw, page] of pages)
  test(`page number from ${JSON.stringify(raw)}`, () => assert.equal(pageNumber({ page: raw }), page));

test('the query for paging and export keeps the filled-in fields only', () => {
  assert.equal(searchQuery({ activity: 'a.b', from: undefined }, { page: '2' }), '?activity=a.b&page=2');
  assert.equal(searchQuery({}), '');
});
