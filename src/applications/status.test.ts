import assert from 'node:assert/strict';
import { test } from 'node:test';
import { itemStatuses } from './schema.ts';
import { canMove, isFinal, nextStatuses } from './status.ts';

test('the happy path and the information loop are open to the right party only', () => {
  const path = [
    ['submitted', 'in_progress', 'staff'],
    ['in_progress', 'information_requested', 'staff'],
    ['information_requested', 'information_answered', 'family'],
    ['information_answered', 'granted', 'staff'],
    ['granted', 'delivered', 'staff'],
  ] as const;
  for (const [from, to, actor] of path) {
    assert.ok(canMove(from, to, actor), `${actor}: ${from} → ${to}`);
    assert.ok(
      !canMove(from, to, actor === 'staff' ? 'family' : 'staff'),
      `not the other party: ${from} → ${to}`,
    );
  }
});

test('a family can withdraw at any point before delivery, and never after a final status', () => {
  for (const status of itemStatuses) {
    const expected = !['delivered', 'refused', 'withdrawn'].includes(status);
    assert.equal(canMove(status, 'withdrawn', 'family'), expected, status);
  }
});

test('final statuses lead nowhere, and every other status leads somewhere', () => {
  assert.deepEqual(
    itemStatuses.filter((s) => isFinal(s)),
    ['refused', 'delivered', 'withdrawn'],
  );
  for (const status of itemStatuses) {
    if (!isFinal(status))
      assert.ok(nextStatuses(status, 'staff').length + nextStatuses(status, 'family').length > 0);
  }
  assert.equal(canMove('refused', 'granted', 'staff'), false);
  assert.equal(canMove('submitted', 'delivered', 'staff'), false, 'no delivery without a grant');
});
