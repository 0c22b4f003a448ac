import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createPseudonymiser } from './pseudonym.ts';

const secret = 'a-test-secret-that-is-long-enough-for-us';

test('the same subject always gets the same 64-hex pseudonym, which does not contain its id', () => {
  const first = createPseudonymiser(secret).pseudonym('child', '123456782');
  assert.match(first, /^[0-9a-f]{64}$/);
  assert.equal(createPseudonymiser(secret).pseudonym('child', '123456782'), first);
  assert.ok(!first.includes('123456782'));
});

test('another subject, another kind or another secret gives another pseudonym', () => {
  const p = createPseudonymiser(secret);
  const seen = new Set([
    p.pseudonym('child', '42'),
    p.pseudonym('child', '43'),
    p.pseudonym('household', '42'),
    // the separator cannot be smuggled in to make two kinds meet
    p.pseudonym('child', 'x:42'),
    p.pseudonym('child-x', '42'),
    createPseudonymiser('another-secret-that-is-long-enough-too').pseudonym('child', '42'),
  ]);
  assert.equal(seen.size, 6);
});

test('a key derived for this purpose, not a plain or secret-only hash', async () => {
  const { createHash, createHmac } = await import('node:crypto');
  const pseudonym = createPseudonymiser(secret).pseudonym('child', '42');
  assert.notEqual(pseudonym, createHash('sha256').update('child:42').digest('hex'));
  assert.notEqual(pseudonym, createHmac('sha256', secret).update('child:42').digest('hex'));
});

test('a kind that is not a plain name, or an empty id, is refused', () => {
  const p = createPseudonymiser(secret);
  for (const kind of ['', 'Child', 'child:x', 'child\0', '1child'])
    assert.throws(() => p.pseudonym(kind, '42'), /not a plain name/, kind);
  assert.throws(() => p.pseudonym('child', ''), /needs an id/);
});
