import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatReport, parseCatalogueText, validateCatalogue, type KnownData } from './validate-catalogue.ts';

const known: KnownData = {
  organisationKeys: new Set(['jarige-job']),
  municipalityCodes: new Set(['GM0344', 'GM0014']),
  today: '2025-11-01',
};

function validProvision(overrides: Record<string, unknown> = {}) {
  return {
    key: 'utrecht-sport',
    name: { nl: 'Sport', en: 'Sport' },
    description: { nl: 'Je kind kan op sport bij een club.', en: 'Your child can join a sports club.' },
    category: 'sport',
    ages: { min: 4, max: 17 },
    offeredIn: ['GM0344'],
    fundedBy: 'gemeente-utrecht',
    handledBy: 'gemeente-utrecht',
    owner: 'gemeente-utrecht',
    applicationRoute: 'self_or_intermediary',
    amount: { cents: 22500, kind: 'budget', period: 'calendar_year' },
    lastChecked: '2025-10-01',
    ...overrides,
  };
}

function catalogueWith(provisions: unknown[], organisations?: unknown[]) {
  return {
    organisations: organisations ?? [
      { key: 'gemeente-utrecht', name: 'Gemeente Utrecht', kind: 'municipality', municipality: 'GM0344' },
    ],
    provisions,
  };
}

function errorsOf(data: unknown, locale: 'nl' | 'en' = 'en') {
  const result = validateCatalogue(data, known, locale);
  assert.equal(result.ok, false, 'expected the catalogue to be rejected');
  return result.ok ? [] : result.errors;
}

describe('validateCatalogue', () => {
  test('accepts a valid catalogue and marks it as example data only when asked', () => {
    const result = validateCatalogue(catalogueWith([validProvision()]), known, 'nl');
    assert.equal(result.ok, true);
    assert.equal(result.ok && result.catalogue.example, false);
  });

  test('accepts a provision that refers to an organisation already in the database', () => {
    const result = validateCatalogue(
      catalogueWith(
        [
          validProvision({
            key: 'box',
            fundedBy: 'jarige-job',
            handledBy: 'jarige-job',
            owner: 'jarige-job',
          }),
        ],
        [],
      ),
      known,
      'nl',
    );
    assert.equal(result.ok, true);
  });

  const fieldCases: [label: string, provision: Record<string, unknown>, field: string, code: string][] = [
    ['unknown category', { category: 'holiday' }, 'category', 'invalid_value'],
    ['oldest age below youngest', { ages: { min: 12, max: 4 } }, 'ages.max', 'catalogue_ages_order'],
    ['age above 21', { ages: { min: 4, max: 23 } }, 'ages.max', 'too_big'],
    [
      'amount in euros with decimals',
      { amount: { cents: 225.5, kind: 'budget', period: 'once' } },
      'amount.cents',
      'catalogue_cents_whole',
    ],
    [
      'unknown period',
      { amount: { cents: 100, kind: 'budget', period: 'month' } },
      'amount.period',
      'invalid_value',
    ],
    [
      'description too short',
      { description: { nl: 'Kort', en: 'Short but long enough.' } },
      'description.nl',
      'too_small',
    ],
    ['missing English name', { name: { nl: 'Sport' } }, 'name.en', 'required'],
    ['http link', { link: 'http://example.org' }, 'link', 'catalogue_https'],
    ['bad key', { key: 'Utrecht Sport!' }, 'key', 'catalogue_key_format'],
    ['malformed municipality code', { offeredIn: ['0344'] }, 'offeredIn[0]', 'catalogue_municipality_code'],
    ['unknown field', { price: 10 }, '', 'unrecognized_keys'],
    ['date in another format', { lastChecked: '01-10-2025' }, 'lastChecked', 'catalogue_iso_date'],
  ];
  for (const [label, overrides, field, code] of fieldCases) {
    test(`names entry and field: ${label}`, () => {
      const errors = errorsOf(
        catalogueWith([validProvision(), validProvision({ key: 'second', ...overrides })]),
      );
      assert.deepEqual(
        errors.map((e) => ({ entry: e.entry, key: e.key, field: e.field, code: e.code })),
        [{ entry: 'provisions[1]', key: (overrides.key as string | undefined) ?? 'second', field, code }],
      );
    });
  }

  const crossCases: [label: string, catalogue: unknown, field: string, code: string][] = [
    [
      'organisation that exists nowhere',
      catalogueWith([validProvision({ handledBy: 'leergeld-nergens' })]),
      'handledBy',
      'catalogue_unknown_organisation',
    ],
    [
      'municipality that does not exist',
      catalogueWith([validProvision({ offeredIn: ['GM9999'] })]),
      'offeredIn[0]',
      'catalogue_unknown_municipality',
    ],
    [
      'duplicate provision key',
      catalogueWith([validProvision(), validProvision()]),
      'key',
      'catalogue_duplicate_key',
    ],
    [
      'checked in the future',
      catalogueWith([validProvision({ lastChecked: '2025-11-02' })]),
      'lastChecked',
      'catalogue_last_checked_future',
    ],
  ];
  for (const [label, catalogue, field, code] of crossCases) {
    test(`reports across entries: ${label}`, () => {
      const errors = errorsOf(catalogue);
      assert.equal(errors.length, 1);
      assert.equal(errors[0]!.field, field);
      assert.equal(errors[0]!.code, code);
      assert.match(errors[0]!.entry, /^provisions\[\d\]$/);
    });
  }

  test('a municipality organisation needs its municipality code', () => {
    const errors = errorsOf(
      catalogueWith([], [{ key: 'gemeente-x', name: 'Gemeente X', kind: 'municipality' }]),
    );
    assert.deepEqual(
      errors.map((e) => [e.entry, e.key, e.field, e.code]),
      [['organisations[0]', 'gemeente-x', 'municipality', 'catalogue_municipality_needed']],
    );
  });

  test('reports every error of the file at once, in the reader’s language', () => {
    const data = catalogueWith([
      validProvision({ category: 'x' }),
      validProvision({ key: 'bbb', ages: { min: 9, max: 2 } }),
    ]);
    const nl = errorsOf(data, 'nl');
    const en = errorsOf(data, 'en');
    assert.equal(nl.length, 2);
    assert.match(nl[1]!.message, /De hoogste leeftijd mag niet lager zijn/);
    assert.match(en[1]!.message, /The oldest age may not be lower/);
    assert.match(formatReport(en), /^provisions\[0\] \(utrecht-sport\) → category: /m);
    assert.match(formatReport(en), /^provisions\[1\] \(bbb\) → ages\.max: /m);
  });
});

describe('parseCatalogueText', () => {
  test('a YAML syntax error becomes a report with its line', () => {
    const result = parseCatalogueText('provisions:\n  - key: a\n   name: [', 'yaml', 'nl');
    assert.equal(result.ok, false);
    assert.match(result.ok ? '' : result.errors[0]!.message, /geen geldige YAML \(regel \d+\)/);
  });

  test('an unquoted YAML date is read as the same calendar date', () => {
    const parsed = parseCatalogueText(
      `provisions:\n  - ${JSON.stringify(validProvision()).replace('"2025-10-01"', '2025-10-01')}\norganisations: ${JSON.stringify(catalogueWith([]).organisations)}`,
      'yaml',
      'en',
    );
    assert.equal(parsed.ok, true);
    const result = validateCatalogue(parsed.ok ? parsed.data : null, known, 'en');
    assert.equal(result.ok && result.catalogue.provisions[0]!.lastChecked, '2025-10-01');
  });

  test('broken JSON is reported, not thrown', () => {
    const result = parseCatalogueText('{"provisions": [', 'json', 'en');
    assert.equal(result.ok, false);
  });
});
