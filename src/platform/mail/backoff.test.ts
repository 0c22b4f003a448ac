import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { nextAttemptDelayMs } from './backoff.ts';

const minutes = (n: number) => n * 60_000;

describe('nextAttemptDelayMs', () => {
  const table: [label: string, attempts: number, delay: number][] = [
    ['after the first failure, a minute', 1, minutes(1)],
    ['then doubling', 2, minutes(2)],
    ['and doubling again', 3, minutes(4)],
    ['the ninth failure, 256 minutes', 9, minutes(256)],
    ['the tenth reaches the cap of six hours', 10, minutes(360)],
    ['far beyond stays at the cap', 1000, minutes(360)],
    ['infinity stays at the cap', Infinity, minutes(360)],
    ['zero is treated as the first failure', 0, minutes(1)],
    ['a negative count as the first', -3, minutes(1)],
    ['NaN as the first', Number.NaN, minutes(1)],
    ['a fraction rounds down', 2.9, minutes(2)],
  ];
  for (const [label, attempts, delay] of table)
    test(label, () => assert.equal(nextAttemptDelayMs(attempts), delay));

  test('never shrinks as failures grow', () => {
    for (let attempts = 1; attempts < 40; attempts++)
      assert.ok(nextAttemptDelayMs(attempts + 1) >= nextAttemptDelayMs(attempts));
  });
});
