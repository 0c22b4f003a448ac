import assert from 'node:assert/strict';
import { test } from 'node:test';
import { daysSince, olderThanCutoff, parseQueueQuery, queueQueryString } from './handling-queue.ts';

test('an empty address is the open work list, oldest first, page 1', () => {
  assert.deepEqual(parseQueueQuery({}), {
    ok: true,
    filter: {
      status: 'open',
      provision: null,
      municipality: null,
      olderThanDays: null,
      order: 'oldest',
      page: 1,
    },
  });
});

test('filters are read, and written back to the same address', () => {
  const query = {
    status: 'granted',
    voorziening: 'sport',
    gemeente: 'GM0344',
    'ouder-dan': '14',
    volgorde: 'newest',
    pagina: '3',
  };
  const parsed = parseQueueQuery(query);
  assert.ok(parsed.ok);
  assert.equal(queueQueryString(parsed.filter), `?${new URLSearchParams(query).toString()}`);
  assert.equal(queueQueryString(parsed.filter, 1).includes('pagina'), false);
});

test('only the typed age can be wrong; unknown choices fall back to the default', () => {
  assert.equal(parseQueueQuery({ 'ouder-dan': 'veel' }).ok, false);
  assert.equal(parseQueueQuery({ 'ouder-dan': '3651' }).ok, false);
  assert.equal(parseQueueQuery({ 'ouder-dan': '-1' }).ok, false);
  const odd = parseQueueQuery({ status: 'made_up', volgorde: 'sideways', pagina: '0' });
  assert.ok(odd.ok);
  assert.equal(odd.filter.status, 'open');
  assert.equal(odd.filter.order, 'oldest');
  assert.equal(odd.filter.page, 1);
});

test('"older than n days" keeps exactly the rows whose shown age is more than n', () => {
  const now = new Date('2026-03-10T10:00:00Z');
  const cutoff = olderThanCutoff(14, now);
  assert.equal(daysSince(cutoff, now), 15);
  assert.equal(daysSince(new Date(cutoff.getTime() + 1), now), 14);
  assert.equal(daysSince(new Date('2026-03-10T12:00:00Z'), now), 0, 'never negative');
});
