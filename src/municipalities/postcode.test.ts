import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { parsePostcode, rankPostcodeAreas } from './postcode.ts';

describe('parsePostcode', () => {
  const cases: [label: string, input: string, expected: string | null][] = [
    ['full postcode', '9711AB', '9711AB'],
    ['with a space and lower case', '9711 ab', '9711AB'],
    ['surrounded by spaces', '  3511 AB ', '3511AB'],
    ['digits only', '1012', '1012'],
    ['leading zero does not exist', '0123AB', null],
    ['three digits', '971', null],
    ['one letter', '9711A', null],
    ['three letters', '9711ABC', null],
    ['letters first', 'AB9711', null],
    ['two spaces', '9711  AB', null],
    ['empty', '', null],
    ['a street name', 'Stationsplein 1', null],
  ];
  for (const [label, input, expected] of cases) {
    test(label, () => assert.equal(parsePostcode(input)?.normalised ?? null, expected));
  }

  test('every well-formed postcode parses to its four digits, whatever its spacing and case', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 9999 }),
        fc.stringMatching(/^[A-Za-z]{2}$/),
        fc.constantFrom('', ' '),
        (digits, letters, gap) => {
          const parsed = parsePostcode(`${digits}${gap}${letters}`);
          assert.equal(parsed?.pc4, String(digits));
          assert.equal(parsed?.normalised, `${digits}${letters.toUpperCase()}`);
          assert.deepEqual(parsePostcode(parsed.normalised), parsed);
        },
      ),
    );
  });
});

describe('rankPostcodeAreas', () => {
  test('puts the municipality with most addresses first and keeps every municipality', () => {
    const ranked = rankPostcodeAreas([
      { municipalityCode: 'GM0417', municipalityName: 'Laren (NH.)', addressShare: 0.0002 },
      { municipalityCode: 'GM0376', municipalityName: 'Blaricum', addressShare: 0.9998 },
    ]);
    assert.deepEqual(
      ranked.map((area) => area.municipalityCode),
      ['GM0376', 'GM0417'],
    );
  });

  test('orders equal shares by name so the choice list is stable', () => {
    const ranked = rankPostcodeAreas([
      { municipalityCode: 'GM0002', municipalityName: 'Zwolle', addressShare: 0.5 },
      { municipalityCode: 'GM0001', municipalityName: 'Assen', addressShare: 0.5 },
    ]);
    assert.deepEqual(
      ranked.map((area) => area.municipalityName),
      ['Assen', 'Zwolle'],
    );
  });
});
