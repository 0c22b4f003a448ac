import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csvCell, csvLine } from './csv.ts';

const cases: [label: string, value: string | number | null, expected: string][] = [
  ['plain text', 'handler', 'handler'],
  ['empty', '', ''],
  ['null', null, ''],
  ['a number', 42, '42'],
  ['a comma', 'Leergeld, Groningen', '"Leergeld, Groningen"'],
  ['a double quote', 'de "beste"', '"de ""beste"""'],
  ['a line break', 'een\ntwee', '"een\ntwee"'],
  ['a carriage return inside', 'een\r\ntwee', '"een\r\ntwee"'],
  ['a formula', '=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
  ['a leading plus', '+31 6 1234', "'+31 6 1234"],
  ['a leading minus', '-2+3', "'-2+3"],
  ['a leading at', '@SUM(A1)', "'@SUM(A1)"],
  ['a leading tab', '\t=1', "'\t=1"],
  ['a leading carriage return', '\r=1', `"'\r=1"`],
  ['a formula sign later on', 'a=b', 'a=b'],
  ['an ISO date', '2026-01-15T10:00:00.000Z', '2026-01-15T10:00:00.000Z'],
];

for (const [label, value, expected] of cases)
  test(`csv cell: ${label}`, () => assert.equal(csvCell(value), expected));

test('a line joins cells with commas and ends in CRLF', () => {
  assert.equal(csvLine(['a', null, 'b,c', 7]), 'a,,"b,c",7\r\n');
});
