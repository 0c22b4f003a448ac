import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkStep, firstOpenStep } from './questionnaire.ts';

test('each step accepts only its own choices', () => {
  assert.equal(checkStep('leuk', { liked: 'fun', meant: [] }), null);
  assert.equal(checkStep('leuk', { liked: 'super', meant: [] }), 'choose_one');
  assert.equal(checkStep('betekenis', { meant: [] }), 'choose_some');
  assert.equal(checkStep('betekenis', { meant: ['learned', 'felt_same'] }), null);
  assert.equal(checkStep('gemist', { meant: [], missing: '' }), null, 'what was missing may stay empty');
  assert.equal(checkStep('gemist', { meant: [], missing: 'Mijn vriendin heet Sanne' }), 'no_names');
  assert.equal(checkStep('gemist', { meant: [], missing: 'x'.repeat(501) }), 'too_long');
});

test('a tampered earlier answer sends the child back to that question', () => {
  assert.equal(firstOpenStep({ liked: 'fun', meant: ['learned'] }, 2), null);
  assert.equal(firstOpenStep({ liked: 'nope', meant: ['learned'] }, 2), 'leuk');
});
