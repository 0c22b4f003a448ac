import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createSealer } from './sealed-state.ts';

const secret = 'a-test-secret-that-is-long-enough-for-us';

test('a sealed state opens to the same state and cannot be read', () => {
  const sealer = createSealer(secret, 'check', 3600);
  const token = sealer.seal({ income: 160000 });
  assert.doesNotMatch(token, /160000|income/);
  assert.deepEqual(sealer.open(token), { income: 160000 });
});

test('a changed, foreign, truncated or expired token opens to nothing', () => {
  const sealer = createSealer(secret, 'check', 3600);
  const token = sealer.seal({ income: 160000 }, 1_000_000_000_000);
  const flipped = token.slice(0, 20) + (token[20] === 'A' ? 'B' : 'A') + token.slice(21);
  assert.equal(sealer.open(flipped, 1_000_000_000_000), null);
  assert.equal(
    createSealer('another-secret-that-is-long-enough-too', 'check', 3600).open(token, 1_000_000_000_000),
    null,
  );
  assert.equal(createSealer(secret, 'other-purpose', 3600).open(token, 1_000_000_000_000), null);
  assert.equal(sealer.open(token.slice(0, 10), 1_000_000_000_000), null);
  assert.equal(sealer.open('', 1_000_000_000_000), null);
  assert.equal(sealer.open(token, 1_000_000_000_000 + 3601_000), null);
  assert.deepEqual(sealer.open(token, 1_000_000_000_000 + 3599_000), { income: 160000 });
});
