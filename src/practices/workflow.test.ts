import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allowedMoves, checkMove, practiceStatuses } from './workflow.ts';

test('a practice goes submitted → reviewed → published, and a return needs a comment', () => {
  assert.deepEqual(checkMove('submitted', 'reviewed', 'reviewer', null), { ok: true });
  assert.deepEqual(checkMove('reviewed', 'published', 'reviewer', null), { ok: true });
  assert.deepEqual(checkMove('submitted', 'returned', 'reviewer', ' '), {
    ok: false,
    reason: 'comment_required',
  });
  assert.deepEqual(checkMove('submitted', 'returned', 'reviewer', 'Graag de kosten noemen'), { ok: true });
  assert.deepEqual(checkMove('returned', 'submitted', 'submitter', null), { ok: true });
});

test('no skipping the review, and submitters cannot publish', () => {
  assert.deepEqual(checkMove('submitted', 'published', 'reviewer', null), {
    ok: false,
    reason: 'not_allowed',
  });
  for (const from of practiceStatuses)
    assert.ok(!allowedMoves(from, 'submitter').some((m) => m.to === 'published' || m.to === 'reviewed'));
  assert.deepEqual(allowedMoves('published', 'submitter'), []);
});
