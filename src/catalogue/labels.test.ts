import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeAges, describeAmount } from './labels.ts';

// Dutch keeps a non-breaking space between € and the amount, so the two never wrap apart.
test('amounts read as a parent would say them, in both languages', () => {
  assert.equal(
    describeAmount({ cents: 22500, kind: 'budget', period: 'calendar_year' }, 'nl'),
    'Tot €\u00a0225 per kalenderjaar',
  );
  assert.equal(
    describeAmount({ cents: 22500, kind: 'budget', period: 'calendar_year' }, 'en'),
    'Up to €225 per calendar year',
  );
  assert.equal(
    describeAmount({ cents: 3550, kind: 'value', period: 'once' }, 'nl'),
    'Waarde €\u00a035,50 eenmalig',
  );
  assert.equal(describeAmount(null, 'nl'), 'Hangt af van je situatie');
  assert.equal(describeAmount(null, 'en'), 'Depends on your situation');
});

test('age ranges include both ends', () => {
  assert.equal(describeAges({ min: 4, max: 17 }, 'nl'), '4 tot en met 17 jaar');
  assert.equal(describeAges({ min: 18, max: 21 }, 'en'), '18 to 21 years');
});
