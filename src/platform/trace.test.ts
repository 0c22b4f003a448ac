import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isTraceId, newTraceId, parseTraceparent, traceIdFor } from './trace.ts';

const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
const parentId = '00f067aa0ba902b7';

const cases: [label: string, header: string, expected: string | null][] = [
  ['the example from the standard', `00-${traceId}-${parentId}-01`, traceId],
  ['not sampled', `00-${traceId}-${parentId}-00`, traceId],
  ['a later version with an extra field', `01-${traceId}-${parentId}-01-what-the-future-holds`, traceId],
  ['a later version without extra fields', `cc-${traceId}-${parentId}-00`, traceId],
  ['version 00 with an extra field', `00-${traceId}-${parentId}-01-extra`, null],
  ['the forbidden version ff', `ff-${traceId}-${parentId}-01`, null],
  ['an all-zero trace id', `00-${'0'.repeat(32)}-${parentId}-01`, null],
  ['an all-zero parent id', `00-${traceId}-${'0'.repeat(16)}-01`, null],
  ['upper-case hex', `00-${traceId.toUpperCase()}-${parentId}-01`, null],
  ['a short trace id', `00-${traceId.slice(1)}-${parentId}-01`, null],
  ['a long parent id', `00-${traceId}-${parentId}0-01`, null],
  ['a one-digit flags field', `00-${traceId}-${parentId}-1`, null],
  ['non-hex digits', `00-${traceId.slice(0, 31)}g-${parentId}-01`, null],
  ['underscores for dashes', `00_${traceId}_${parentId}_01`, null],
  ['surrounding spaces', ` 00-${traceId}-${parentId}-01 `, null],
  ['two headers joined', `00-${traceId}-${parentId}-01, 00-${traceId}-${parentId}-01`, null],
  ['empty', '', null],
];

for (const [label, header, expected] of cases)
  test(`traceparent: ${label}`, () => assert.equal(parseTraceparent(header), expected));

test('a new trace id is 32 lower-case hex digits and differs each time', () => {
  const ids = new Set(Array.from({ length: 100 }, newTraceId));
  assert.equal(ids.size, 100);
  for (const id of ids) assert.ok(isTraceId(id), id);
});

test('traceIdFor continues a valid trace and starts a new one otherwise', () => {
  assert.equal(traceIdFor({ traceparent: `00-${traceId}-${parentId}-01` }), traceId);
  for (const headers of [
    {},
    { traceparent: 'nonsense' },
    { traceparent: [`00-${traceId}-${parentId}-01`] },
  ]) {
    const id = traceIdFor(headers);
    assert.ok(isTraceId(id));
    assert.notEqual(id, traceId);
  }
});
