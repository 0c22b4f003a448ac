import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isoDateInAmsterdam } from './clock.ts';

test('the date is the Dutch calendar date around midnight and across daylight saving time', () => {
  assert.equal(isoDateInAmsterdam(new Date('2025-03-29T23:30:00Z')), '2025-03-30'); // 00:30 CET
  assert.equal(isoDateInAmsterdam(new Date('2025-06-30T21:59:00Z')), '2025-06-30'); // 23:59 CEST
  assert.equal(isoDateInAmsterdam(new Date('2025-06-30T22:00:00Z')), '2025-07-01'); // 00:00 CEST
  assert.equal(isoDateInAmsterdam(new Date('2025-12-31T23:00:00Z')), '2026-01-01'); // 00:00 CET
});
