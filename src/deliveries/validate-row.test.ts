import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readHeader } from './columns.ts';
import { validateRow, type RowContext } from './validate-row.ts';

const header = readHeader([
  'reference',
  'municipality',
  'delivered_on',
  'category',
  'value',
  'income_source',
  'child_key',
]);
if (!header.ok) throw new Error('the test header should be valid');
const context: RowContext = {
  provider: 'leergeld',
  today: '2026-06-01',
  childKeySecret: 'a-test-secret-of-enough-length-0000000',
  municipalities: new Map([['gm0363', 'GM0363']]),
};
const key = `ck1_${'a'.repeat(64)}`;
const row = (income: string) => ['r-1', 'GM0363', '2026-03-01', 'sport', '25,00', income, key];

test('income sources are read in Dutch or as codes, however a partner spells them', () => {
  for (const [written, code] of [
    ['bijstand', 'bijstand'],
    ['Werk', 'work'],
    ['andere uitkering', 'other_benefit'],
    ['Onbekend', 'unknown'],
    ['other_benefit', 'other_benefit'],
  ]) {
    const result = validateRow(row(written!), header.layout, context);
    assert.ok(result.ok, written);
    assert.equal(result.row.incomeSource, code, written);
  }
});

test('an unknown or missing income source is the row’s problem, also when it names a property of every object', () => {
  for (const [written, code] of [
    ['zzp', 'income_source_unknown'],
    ['constructor', 'income_source_unknown'],
    ['toString', 'income_source_unknown'],
    ['', 'income_source_required'],
  ]) {
    const result = validateRow(row(written!), header.layout, context);
    assert.ok(!result.ok, written);
    assert.deepEqual(result.issues, [{ field: 'income_source', code }], written);
  }
});

test('every problem of a row is named, and the correction row keeps what the partner sent', () => {
  const result = validateRow(
    ['', 'Atlantis', '2026-13-01', 'yacht', 'veel', 'werk', 'ck1_kort'],
    header.layout,
    context,
  );
  assert.ok(!result.ok);
  assert.deepEqual(
    result.issues.map((issue) => `${issue.field}:${issue.code}`),
    [
      'reference:reference_required',
      'municipality:municipality_unknown',
      'delivered_on:delivered_on_not_a_date',
      'category:category_unknown',
      'value:value_malformed',
      'child_key:child_key_malformed',
    ],
  );
  assert.equal(result.correction.municipality, 'Atlantis');
  assert.equal(result.correction.income_source, 'werk');
});
