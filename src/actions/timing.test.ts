import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseTiming } from './timing.ts';

test('the quarters of the 2019 appendix’s "when" texts', () => {
  const cases: [string, string | null, string | null][] = [
    ['Q3 en Q4 2019  Q1 2021', '2019-Q3', '2021-Q1'],
    ['Q1 2020 worden de uitkomsten verwacht', '2020-Q1', null],
    ['Start Q3 2019 looptijd tot eind 2020', '2019-Q3', '2020-Q4'],
    ['Start Q3 2019 looptijd tot Q4 2020  Verwachte start Q1 2020', '2019-Q3', '2020-Q4'],
    ['Q4 2019', '2019-Q4', null],
    ['Tot en met 2021', null, '2021-Q4'],
    ['Duur onderzoek: Q4 2019 tot Q4 2020.', '2019-Q4', '2020-Q4'],
    ['Loopt. Verdere versterking vanaf Q2 2020.', '2020-Q2', null],
    ['Loopt.', null, null],
  ];
  for (const [when, start, end] of cases) assert.deepEqual(parseTiming(when), { start, end }, when);
});
