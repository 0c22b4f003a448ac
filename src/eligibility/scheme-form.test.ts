import assert from 'node:assert/strict';
import { test } from 'node:test';
import { versionFromForm } from './scheme-form.ts';

const context = { today: '2026-03-10', latestValidFrom: '2026-01-01', nextVersion: 3 };
const fields = {
  validFrom: '2026-03-10',
  incomeTest: 'percent_of_norm',
  percent: '120',
  holidayAllowance: 'excluded',
  assetTest: 'yes',
  source: 'Beleidsregel',
};
const fieldsWithErrors = (change: Record<string, string>) => {
  const result = versionFromForm({ ...fields, ...change }, context, 'en');
  return result.ok ? [] : result.errors.map((e) => e.field);
};

test('a valid form becomes the next version, from today', () => {
  assert.deepEqual(versionFromForm(fields, context, 'nl'), {
    ok: true,
    version: {
      version: 3,
      validFrom: '2026-03-10',
      incomeTest: { kind: 'percent_of_norm', percent: 120, holidayAllowance: 'excluded' },
      assetTest: true,
      source: 'Beleidsregel',
    },
  });
});

test('percentages: a Dutch comma, a percent sign, and the ends of the range are read; beyond them not', () => {
  for (const [typed, percent] of [
    ['117,5', 117.5],
    ['117.25 %', 117.25],
    ['50', 50],
    ['300', 300],
  ] as const) {
    const result = versionFromForm({ ...fields, percent: typed }, context, 'nl');
    assert.ok(result.ok, typed);
    assert.deepEqual(result.version.incomeTest, {
      kind: 'percent_of_norm',
      percent,
      holidayAllowance: 'excluded',
    });
  }
  for (const typed of ['49,99', '300,01', '120,555', 'honderd', '', '-120'])
    assert.deepEqual(fieldsWithErrors({ percent: typed }), ['percent'], typed);
});

test('without an income test, percentage and holiday allowance are not asked for', () => {
  const result = versionFromForm(
    { ...fields, incomeTest: 'none', percent: '', holidayAllowance: '' },
    context,
    'en',
  );
  assert.ok(result.ok);
  assert.deepEqual(result.version.incomeTest, { kind: 'none' });
});

test('dates: not before today, not on or before the latest version, and a real day', () => {
  assert.deepEqual(fieldsWithErrors({ validFrom: '2026-03-09' }), ['validFrom']);
  assert.deepEqual(
    versionFromForm({ ...fields }, { ...context, latestValidFrom: '2026-03-10' }, 'en').ok,
    false,
  );
  assert.deepEqual(fieldsWithErrors({ validFrom: '2026-02-29' }), ['validFrom']);
  assert.deepEqual(fieldsWithErrors({ validFrom: '10-03-2026' }), ['validFrom']);
  assert.deepEqual(fieldsWithErrors({ validFrom: '2026-03-11' }), []);
});

test('every missing answer is reported at once, each by its own field', () => {
  assert.deepEqual(fieldsWithErrors({ validFrom: '', incomeTest: '', assetTest: '', source: '' }), [
    'validFrom',
    'incomeTest',
    'assetTest',
    'source',
  ]);
});
