import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { renderToString } from 'preact-render-to-string';
import { missing } from '../export/table.ts';
import {
  BarChart,
  binValues,
  DataTableView,
  Histogram,
  LineChart,
  niceTicks,
  segments,
  SmallMultiples,
  thinLabels,
  type LineSeries,
} from './index.ts';

const count = (html: string, pattern: RegExp) => (html.match(new RegExp(pattern, 'g')) ?? []).length;

function expectAccessibleImage(html: string, id: string, title: string) {
  assert.match(html, new RegExp(`<svg[^>]*role="img"[^>]*aria-labelledby="${id}-title ${id}-desc"`));
  assert.match(html, new RegExp(`<title id="${id}-title">${title}</title>`));
  assert.match(html, new RegExp(`<desc id="${id}-desc">`));
  assert.match(html, /<svg[^>]*viewBox="0 0 \d+ \d+"/);
  assert.doesNotMatch(
    html,
    /<svg[^>]*class="meedoen-chart__image"[^>]*\swidth=/,
    'no fixed width: it scales',
  );
  assert.doesNotMatch(html, /\sstyle=/, 'the content security policy forbids style attributes');
}

const actual: LineSeries = {
  key: 'cbs',
  label: 'CBS lage-inkomensgrens',
  points: [
    { x: 2017, y: 8.1 },
    { x: 2018, y: 8.1 },
    { x: 2019, y: null },
    { x: 2020, y: 6.8 },
    { x: 2021, y: null },
    { x: 2022, y: 5.2 },
  ],
};
const path: LineSeries = {
  key: 'path',
  label: 'Streefpad',
  line: 'dashed',
  marker: 'none',
  points: [
    { x: 2018, y: 8.1 },
    { x: 2030, y: 4.6 },
  ],
};

describe('line chart', () => {
  const html = renderToString(
    <LineChart
      id="trend"
      title="Kinderen in armoede"
      description="Daling van 8,1% naar 5,2%"
      series={[actual, path]}
      breaks={[{ x: 2022, label: 'Nieuwe armoedegrens' }]}
    />,
  );

  test('is an image with a title and description for screen readers, scaling to any width', () => {
    expectAccessibleImage(html, 'trend', 'Kinderen in armoede');
  });

  test('a gap stops the line: it never bridges a year without a figure', () => {
    assert.deepEqual(
      segments(actual.points).map((run) => run.map((p) => p.x)),
      [[2017, 2018], [2020], [2022]],
    );
    const cbs = html.match(/data-series="cbs">(.*?)<\/g>/)?.[1] ?? '';
    assert.equal(count(cbs, /<path /), 1, 'only 2017–2018 is drawn as a line');
    assert.equal(count(cbs, /<circle /), 4, 'every figure has a marker, lone ones too');
  });

  test('the target path is dashed and told apart without colour, in the legend too', () => {
    const target = html.match(/data-series="path">(.*?)<\/g>/)?.[1] ?? '';
    assert.match(target, /stroke-dasharray="8 5"/);
    assert.match(html, /<ul class="meedoen-chart__legend">.*CBS lage-inkomensgrens.*Streefpad.*<\/ul>/);
  });

  test('a break is drawn with its label', () => {
    assert.match(html, /class="meedoen-chart__break".*Nieuwe armoedegrens/);
  });
});

test('round ticks cover the data', () => {
  assert.deepEqual(niceTicks(0, 9.2, 5), [0, 2.5, 5, 7.5, 10]);
  assert.deepEqual(niceTicks(0, 100, 5), [0, 25, 50, 75, 100]);
  assert.deepEqual(niceTicks(0, 7, 3), [0, 5, 10]);
});

describe('bar chart', () => {
  const html = renderToString(
    <BarChart
      id="bereik"
      title="Bereik per groep"
      description="Bijstand 83%, werkend onderdrukt"
      bars={[
        { key: 'bijstand', label: 'Bijstand', value: 83 },
        { key: 'werk', label: 'Werkend', value: null, missingReason: 'onderdrukt' },
      ]}
      target={{ value: 70, label: 'Doel 70%' }}
      formatValue={(v) => `${v}%`}
    />,
  );
  test('is an accessible image with a value per bar and the reason where a value is withheld', () => {
    expectAccessibleImage(html, 'bereik', 'Bereik per groep');
    assert.match(html, /data-bar="bijstand">.*<rect.*83%/);
    assert.match(html, /data-bar="werk">(?:(?!<rect).)*onderdrukt/);
  });
  test('marks the target with a dashed line and its label', () => {
    assert.match(
      html,
      /class="meedoen-chart__target"><line[^>]*stroke-dasharray="6 4"[^>]*><\/line><text[^>]*>Doel 70%/,
    );
  });
});

describe('histogram', () => {
  test('bins count each value once, boundaries into the bin they start, the top edge included', () => {
    const bins = binValues([0, 9.9, 10, 55, 100, 120, -1], { start: 0, end: 100, width: 10 });
    assert.equal(bins.length, 10);
    assert.deepEqual(
      bins.map((bin) => bin.count),
      [2, 1, 0, 0, 0, 1, 0, 0, 0, 1],
    );
  });
  test('draws one column per bin with its count', () => {
    const bins = binValues([5, 15, 15], { start: 0, end: 20, width: 10 });
    const html = renderToString(
      <Histogram id="verdeling" title="Verdeling" description="3 gemeenten" bins={bins} />,
    );
    expectAccessibleImage(html, 'verdeling', 'Verdeling');
    assert.deepEqual(
      [...html.matchAll(/data-count="(\d+)"/g)].map((m) => m[1]),
      ['1', '2'],
    );
  });
});

test('small multiples share one scale and one legend; each panel is its own titled image', () => {
  const html = renderToString(
    <SmallMultiples
      id="gemeenten"
      title="Bereik per gemeente"
      panels={[
        { key: 'a', title: 'Utrecht', description: 'stijgt', series: [{ ...actual, key: 'a1' }] },
        { key: 'b', title: 'Zwolle', description: 'daalt', series: [{ ...path, key: 'b1' }] },
      ]}
    />,
  );
  expectAccessibleImage(html, 'gemeenten-a', 'Utrecht');
  expectAccessibleImage(html, 'gemeenten-b', 'Zwolle');
  assert.equal(count(html, /class="meedoen-chart__legend"/), 1);
  const axis = (id: string) =>
    [
      ...(html.match(new RegExp(`${id}-desc.*?</svg>`))?.[0] ?? '').matchAll(
        /text-anchor="end"[^>]*>([\d.]+)</g,
      ),
    ].map((m) => m[1]);
  assert.deepEqual(axis('gemeenten-a'), axis('gemeenten-b'));
});

test('the companion table shows the same numbers, withheld ones with their reason, and the credit', () => {
  const html = renderToString(
    <DataTableView
      id="t"
      locale="nl"
      table={{
        title: 'Cijfers',
        columns: [
          { key: 'year', label: 'Jaar', kind: 'text' },
          { key: 'share', label: 'Percentage', kind: 'number', decimals: 1 },
        ],
        rows: [
          { year: '2018', share: 8.1 },
          { year: '2019', share: missing('geen cijfer') },
        ],
        source: 'Bron: CBS',
      }}
    />,
  );
  assert.match(html, /<caption[^>]*id="t-caption"[^>]*>Cijfers<\/caption>/);
  assert.match(html, /<th scope="row"[^>]*>2018<\/th><td[^>]*>8,1<\/td>/);
  assert.match(html, /meedoen-data-table__missing">geen cijfer</);
  assert.match(html, /Bron: CBS/);
});

test('axis labels are thinned from the end, so the last year is always labelled and never crowded', () => {
  const years = Array.from({ length: 18 }, (_, i) => 2013 + i);
  const shown = thinLabels(years, 7);
  assert.equal(shown[shown.length - 1], 2030);
  assert.ok(shown.length <= 7);
  const gaps = shown.slice(1).map((year, i) => year - shown[i]!);
  assert.ok(
    gaps.every((gap) => gap === gaps[0]),
    `evenly spaced: ${shown.join(', ')}`,
  );
});
