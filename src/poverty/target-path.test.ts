import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SeriesValue } from './series.ts';
import { latestPerYear, numberRevisions } from './series.ts';
import { gapsAgainstPath, pathValue, type TargetPath } from './target-path.ts';

const interim: TargetPath = {
  key: 'tussenpad-2018',
  name: { nl: 'Lineair pad', en: 'Linear path' },
  definition: 'cbs-lage-inkomensgrens',
  startYear: 2018,
  startPercentage: 8.1,
  endYear: 2030,
  endPercentage: 4.6,
  setIn: 2020,
  source: 'brief',
};
const goal: TargetPath = { ...interim, key: 'doel-2030', startYear: 2015, startPercentage: 9.2 };

const cases: [label: string, path: TargetPath, year: number, expected: number | null][] = [
  ['the path starts at the latest actual figure when it was set', interim, 2018, 8.1],
  ['the letter’s indicative figure for 2021', interim, 2021, 7.23],
  ['halfway, 2024', interim, 2024, 6.35],
  ['the end is the goal', interim, 2030, 4.6],
  ['no value before the path starts', interim, 2017, null],
  ['no value after it ends', interim, 2031, null],
  ['the goal line halves 9.2% in fifteen years: 2015', goal, 2015, 9.2],
  ['the goal line in 2020', goal, 2020, 7.67],
];
for (const [label, path, year, expected] of cases) {
  test(`path value: ${label} (${year} → ${expected})`, () => {
    assert.equal(pathValue(path, year), expected);
  });
}

function value(partial: Partial<SeriesValue> & Pick<SeriesValue, 'year' | 'percentage'>): SeriesValue {
  return {
    definition: 'cbs-lage-inkomensgrens',
    revision: 1,
    children: null,
    status: 'gepubliceerd',
    statusNote: '',
    published: null,
    publication: 'CBS',
    sourceUrl: 'https://cbs.nl',
    ...partial,
  };
}

test('the gap is measured only against figures of the path’s own definition, latest revision', () => {
  const figures = latestPerYear([
    value({ year: 2018, percentage: 8.1 }),
    value({ year: 2020, percentage: 6.9, revision: 1, status: 'voorlopig' }),
    value({ year: 2020, percentage: 6.8, revision: 2, status: 'herzien' }),
    value({ year: 2021, percentage: 6.6, revision: 1, status: 'voorlopig' }),
    value({ year: 2021, percentage: null, revision: 2, status: 'herzien', children: 192000 }),
    value({ year: 2023, percentage: 3.6, definition: 'armoedegrens-2024' }),
  ]);
  const gaps = gapsAgainstPath(interim, figures);
  assert.equal(gaps.length, 13, 'one row per year 2018–2030');
  const byYear = new Map(gaps.map((row) => [row.year, row]));
  assert.deepEqual(byYear.get(2018), { year: 2018, path: 8.1, actual: 8.1, gap: 0 });
  assert.deepEqual(byYear.get(2020), { year: 2020, path: 7.52, actual: 6.8, gap: -0.72 });
  assert.equal(byYear.get(2021)?.gap, null, 'the revised 2021 figure has no percentage: no gap');
  assert.equal(byYear.get(2023)?.actual, null, 'a figure in the 2024 poverty line is not compared');
  assert.equal(byYear.get(2024)?.path, 6.35);
});

test('revisions are numbered in publication order and the latest wins, the earlier kept', () => {
  const numbered = numberRevisions([
    { year: 2020, definition: 'cbs-lage-inkomensgrens', published: '2022-12', note: 'herzien' },
    { year: 2020, definition: 'cbs-lage-inkomensgrens', published: '2021-12', note: 'voorlopig' },
    { year: 2020, definition: 'armoedegrens-2024', published: '2024', note: 'other definition' },
  ]);
  const cbs = numbered.filter((row) => row.definition === 'cbs-lage-inkomensgrens');
  assert.deepEqual(
    cbs.map((row) => [row.note, row.revision]),
    [
      ['voorlopig', 1],
      ['herzien', 2],
    ],
  );
  assert.equal(numbered.find((row) => row.definition === 'armoedegrens-2024')?.revision, 1);
  const figures = latestPerYear([
    value({ year: 2020, percentage: 6.9, revision: 1, status: 'voorlopig' }),
    value({ year: 2020, percentage: 6.8, revision: 2, status: 'herzien' }),
  ]);
  assert.equal(figures.length, 1);
  assert.equal(figures[0]?.latest.percentage, 6.8);
  assert.deepEqual(
    figures[0]?.earlier.map((e) => e.percentage),
    [6.9],
  );
});
