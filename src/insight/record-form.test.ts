import assert from 'node:assert/strict';
import { test } from 'node:test';
import { looksLikeAName, recordFromForm, recordSchema } from './record-form.ts';

const schema = recordSchema('2026-03-01', new Set(['GM0344']));
const valid = {
  kind: 'portrait',
  municipality: 'gm0344',
  observedOn: '2026-02-10',
  ageGroup: '4-11',
  story: 'Het kind gaat zonder ontbijt naar school en schaamt zich voor de kapotte schoenen.',
  'severity.school': '2',
  'severity.basic_needs': '3',
  'severity.leisure': '',
  quote: '',
};

test('a portrait with two domains and their severity', () => {
  const parsed = schema.parse(recordFromForm(valid));
  assert.deepEqual(parsed.severity, [
    { domain: 'school', severity: 2 },
    { domain: 'basic_needs', severity: 3 },
  ]);
  assert.equal(parsed.municipality, 'GM0344');
});

test('a quote needs consent, and names are refused', () => {
  const quoted = schema.safeParse(recordFromForm({ ...valid, quote: 'Ik wil gewoon mee op kamp.' }));
  assert.equal(quoted.success, false);
  assert.deepEqual(
    quoted.error?.issues.map((i) => i.message),
    ['insight_quote_consent'],
  );
  assert.ok(
    schema.safeParse(recordFromForm({ ...valid, quote: 'Ik wil mee.', quoteConsent: 'yes' })).success,
  );
  assert.ok(looksLikeAName('Het meisje heet Sanne en is 9.'));
  assert.ok(looksLikeAName('Gesproken met J. de Vries'));
  assert.ok(!looksLikeAName('Moeder werkt in de thuiszorg. Het kind zit in groep 5.'));
  const named = schema.safeParse(recordFromForm({ ...valid, story: `${valid.story} Ze heet Sanne.` }));
  assert.deepEqual(
    named.error?.issues.map((i) => i.message),
    ['insight_name'],
  );
});

test('no domain chosen, a future date and an unknown municipality are refused', () => {
  const result = schema.safeParse(
    recordFromForm({
      ...valid,
      'severity.school': '',
      'severity.basic_needs': '',
      observedOn: '2027-01-01',
      municipality: 'GM9999',
    }),
  );
  assert.deepEqual(result.error?.issues.map((i) => i.message).sort(), [
    'insight_date',
    'insight_domains',
    'insight_municipality',
  ]);
});
