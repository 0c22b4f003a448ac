import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  categories,
  matchesFilter,
  orderForDisplay,
  type Category,
  type ProvisionFilter,
} from './provision.ts';

const sport4to17 = { ages: { min: 4, max: 17 }, category: 'sport' as Category };

describe('matchesFilter', () => {
  const cases: [label: string, filter: ProvisionFilter, expected: boolean][] = [
    ['no filter matches', {}, true],
    ['youngest age in range', { age: 4 }, true],
    ['oldest age in range', { age: 17 }, true],
    ['one year too young', { age: 3 }, false],
    ['one year too old', { age: 18 }, false],
    ['same category', { category: 'sport' }, true],
    ['other category', { category: 'culture' }, false],
    ['age and category both fit', { age: 10, category: 'sport' }, true],
    ['age fits, category not', { age: 10, category: 'bicycle' }, false],
    ['category fits, age not', { age: 21, category: 'sport' }, false],
  ];
  for (const [label, filter, expected] of cases) {
    test(label, () => assert.equal(matchesFilter(sport4to17, filter), expected));
  }

  test('an age matches exactly when it lies within the range, for any range', () => {
    fc.assert(
      fc.property(fc.nat(21), fc.nat(21), fc.nat(21), (a, b, age) => {
        const ages = { min: Math.min(a, b), max: Math.max(a, b) };
        assert.equal(matchesFilter({ ages, category: 'other' }, { age }), age >= ages.min && age <= ages.max);
      }),
    );
  });
});

describe('orderForDisplay', () => {
  test('groups by kind of help in the fixed order, then alphabetically in the reader’s language', () => {
    const items = [
      { category: 'bicycle' as Category, name: { nl: 'Fiets', en: 'Bike' } },
      { category: 'sport' as Category, name: { nl: 'Zwemclub', en: 'Athletics' } },
      { category: 'sport' as Category, name: { nl: 'Atletiek', en: 'Swimming club' } },
    ];
    assert.deepEqual(
      orderForDisplay(items, 'nl').map((i) => i.name.nl),
      ['Atletiek', 'Zwemclub', 'Fiets'],
    );
    assert.deepEqual(
      orderForDisplay(items, 'en').map((i) => i.name.en),
      ['Athletics', 'Swimming club', 'Bike'],
    );
    assert.equal(categories.indexOf('sport') < categories.indexOf('bicycle'), true);
  });
});
