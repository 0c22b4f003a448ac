import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csvRecords } from './csv-rows.ts';
import { correctionLine } from './report.ts';
import { readCell } from './validate-row.ts';

async function cellsOf(line: string): Promise<string[]> {
  async function* whole() {
    yield line;
  }
  for await (const [record] of csvRecords(whole(), ',')) return record!.cells;
  return [];
}

test('a correction row cannot run a formula in a spreadsheet, and reads back as it was sent', async () => {
  const reference = '=HYPERLINK("http://example.org","klik")';
  const line = correctionLine(
    {
      line: 7,
      values: { reference, municipality: '@SUM(A1)', value: '-5', category: 'sport' },
      issues: [{ field: 'value', code: 'value_malformed' }],
    },
    'nl',
  );
  const cells = await cellsOf(line);
  assert.equal(cells[1], `'${reference}`);
  assert.equal(cells[2], "'@SUM(A1)");
  for (const cell of cells) assert.doesNotMatch(cell, /^[=+\-@]/);
  assert.deepEqual(
    [cells[1], cells[2]].map((cell) => readCell(cell)),
    [reference, '@SUM(A1)'],
  );
});

test('an apostrophe is only dropped before a would-be formula', () => {
  assert.equal(readCell(" '=1+1 "), '=1+1');
  assert.equal(readCell("'s-Hertogenbosch"), "'s-Hertogenbosch");
  assert.equal(readCell('  GM0363 '), 'GM0363');
  assert.equal(readCell(undefined), '');
});
