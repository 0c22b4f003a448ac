import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseEuroAmount } from './money-input.ts';

const cases: [input: string, cents: number | null][] = [
  ['1600', 160000],
  ['1.600', 160000],
  ['1,600', 160000],
  ['1600,50', 160050],
  ['1600.50', 160050],
  ['1600,5', 160050],
  ['€ 1.600,50', 160050],
  ['1,600.50', 160050],
  ['1.600.000', 160000000],
  ['0', 0],
  ['', null],
  ['-100', null],
  ['abc', null],
  ['16,00,00', null],
  ['1600,505', null],
  ['12.34.56,7', null],
  ['1.6000', null],
];
for (const [input, cents] of cases) {
  test(`"${input}" → ${cents}`, () => assert.equal(parseEuroAmount(input), cents));
}

test('an amount written the Dutch way reads back as the same cents', () => {
  const nl = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 99_999_999 }), (cents) => {
      assert.equal(parseEuroAmount(nl.format(cents / 100)), cents);
    }),
  );
});
