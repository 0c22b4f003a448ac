import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sessionState } from './session-policy.ts';

const limits = { idleSeconds: 1800, absoluteSeconds: 43200, warnBeforeSeconds: 300 };
const start = new Date('2026-03-29T00:30:00Z'); // the night clocks go forward in Europe/Amsterdam
const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);

test('a session is active until the idle limit, with a warning in its last five minutes', () => {
  assert.deepEqual(sessionState({ createdAt: start, lastSeenAt: start }, at(1499), limits), {
    kind: 'active',
    idleEndsAt: at(1800),
    warn: false,
  });
  assert.equal(
    (sessionState({ createdAt: start, lastSeenAt: start }, at(1500), limits) as { warn: boolean }).warn,
    true,
  );
  assert.deepEqual(sessionState({ createdAt: start, lastSeenAt: start }, at(1800), limits), {
    kind: 'expired',
    why: 'idle',
  });
});

test('activity extends the idle limit but never past the absolute limit', () => {
  assert.equal(sessionState({ createdAt: start, lastSeenAt: at(1700) }, at(3000), limits).kind, 'active');
  assert.deepEqual(sessionState({ createdAt: start, lastSeenAt: at(43100) }, at(43200), limits), {
    kind: 'expired',
    why: 'absolute',
  });
  const nearEnd = sessionState({ createdAt: start, lastSeenAt: at(42000) }, at(42950), limits);
  assert.deepEqual(nearEnd, { kind: 'active', idleEndsAt: at(43200), warn: true });
});
