import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { apiLocale, formatIsoDate, pageLocale } from './i18n.ts';

describe('apiLocale', () => {
  const cases: [header: string | undefined, expected: 'nl' | 'en'][] = [
    [undefined, 'nl'],
    ['en', 'en'],
    ['en-GB,en;q=0.9', 'en'],
    ['nl-NL,nl;q=0.9,en;q=0.8', 'nl'],
    ['de-DE,en;q=0.5,nl;q=0.7', 'nl'],
    ['fr', 'nl'],
    ['en;q=0', 'nl'],
  ];
  for (const [header, expected] of cases) {
    test(`${header ?? 'no header'} → ${expected}`, () => assert.equal(apiLocale(header), expected));
  }
});

describe('pageLocale', () => {
  test('Dutch unless the visitor chose English', () => {
    assert.equal(pageLocale({}, undefined), 'nl');
    assert.equal(pageLocale({ lang: 'en' }, undefined), 'en');
    assert.equal(pageLocale({}, 'en'), 'en');
    assert.equal(pageLocale({ lang: 'nl' }, 'en'), 'nl');
    assert.equal(pageLocale({ lang: 'xx' }, 'tlh'), 'nl');
  });
});

test('an ISO date is shown as that calendar day whatever the server time zone', () => {
  assert.equal(formatIsoDate('2025-10-01', 'nl'), '1 oktober 2025');
  assert.equal(formatIsoDate('2025-03-30', 'en'), '30 March 2025');
});
