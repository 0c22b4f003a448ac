import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../../src/platform/db.ts';
import { ensurePovertyReferenceData } from '../../src/poverty/index.ts';
import { buildTestApp } from '../support/app.ts';
import { databasesUnderTest } from '../support/databases.ts';

type Value = {
  year: number;
  percentage: number | null;
  children: number | null;
  status: string;
  earlier: Value[];
};
type Series = { definition: string; values: Value[] };

for (const target of databasesUnderTest()) {
  describe(`poverty API on ${target.name}`, () => {
    let database: DatabaseHandle;
    let app: FastifyInstance;
    before(async () => {
      database = await target.open();
      await ensurePovertyReferenceData(database.db);
      app = await buildTestApp(database);
    });
    after(async () => {
      await app?.close();
      await database?.close();
    });
    const get = (url: string, headers: Record<string, string> = {}) =>
      app.inject({ method: 'GET', url, headers });

    test('loading the shipped files again changes nothing', async () => {
      assert.deepEqual(await ensurePovertyReferenceData(database.db), { loaded: false });
    });

    test('the series: one per definition, never joined, latest revision with the earlier kept, CBS credited', async () => {
      const response = await get('/api/v1/poverty/series');
      assert.equal(response.statusCode, 200);
      const body = response.json() as {
        data: Series[];
        meta: { source: string; breaks: { year: number }[] };
      };
      assert.match(body.meta.source, /Bron: CBS \/ SCP/);
      assert.deepEqual(
        body.data.map((s) => s.definition),
        ['cbs-lage-inkomensgrens', 'scp-niet-veel-maar-toereikend', 'armoedegrens-2024', 'onduidelijk'],
      );
      assert.deepEqual(
        body.meta.breaks.map((b) => b.year),
        [2022],
      );
      const cbs = body.data[0]!.values;
      const y2020 = cbs.find((v) => v.year === 2020)!;
      assert.equal(y2020.percentage, 6.8);
      assert.equal(y2020.status, 'herzien');
      assert.deepEqual(
        y2020.earlier.map((e) => [e.percentage, e.status]),
        [[6.9, 'voorlopig']],
      );
      const y2021 = cbs.find((v) => v.year === 2021)!;
      assert.equal(y2021.percentage, null, 'the revision published a count only: no percentage is invented');
      assert.equal(y2021.children, 192000);
      assert.equal(y2021.earlier[0]?.percentage, 6.6);
      assert.equal(cbs.find((v) => v.year === 2019)?.percentage, null, 'a gap stays a gap');
      assert.deepEqual(
        body.data[2]!.values.map((v) => [v.year, v.percentage]),
        [
          [2022, 4],
          [2023, 3.6],
        ],
      );
    });

    test('one definition on request, and an unknown one is a 400 problem in the asked language', async () => {
      const one = await get('/api/v1/poverty/series?definition=armoedegrens-2024');
      assert.deepEqual(
        (one.json() as { data: Series[] }).data.map((s) => s.definition),
        ['armoedegrens-2024'],
      );
      const bad = await get('/api/v1/poverty/series?definition=alles', { 'accept-language': 'en' });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.headers['content-type'] as string, /application\/problem\+json/);
      const problem = bad.json();
      assert.equal(problem.errors[0].field, 'definition');
      assert.match(problem.errors[0].message, /Choose one of these definitions/);
      assert.doesNotMatch(bad.body, /at .*\.ts:\d+/, 'no stack trace');
    });

    test('the target path: linear from 8.1% in 2018 to 4.6% in 2030, gap only where a CBS figure exists', async () => {
      const response = await get('/api/v1/poverty/target-path');
      assert.equal(response.statusCode, 200);
      const body = response.json();
      assert.match(body.meta.source, /Bron: CBS/);
      const paths = new Map(body.data.map((p: { key: string }) => [p.key, p]));
      const goal = paths.get('doel-2030') as {
        startYear: number;
        startPercentage: number;
        endPercentage: number;
      };
      assert.deepEqual([goal.startYear, goal.startPercentage, goal.endPercentage], [2015, 9.2, 4.6]);
      const interim = paths.get('tussenpad-2018') as {
        definition: string;
        years: { year: number; path: number; actual: number | null; gap: number | null }[];
      };
      assert.equal(interim.definition, 'cbs-lage-inkomensgrens');
      const years = new Map(interim.years.map((y) => [y.year, y]));
      assert.deepEqual(years.get(2024), { year: 2024, path: 6.35, actual: null, gap: null });
      assert.deepEqual(years.get(2020), { year: 2020, path: 7.52, actual: 6.8, gap: -0.72 });
      assert.deepEqual(years.get(2022), { year: 2022, path: 6.93, actual: 5.2, gap: -1.73 });
      assert.equal(
        years.get(2023)?.actual,
        null,
        'the 2024 poverty line is another definition: not compared',
      );
    });

    test('an unknown target path is a 404 problem naming the known ones', async () => {
      const response = await get('/api/v1/poverty/target-path?path=bestaat-niet');
      assert.equal(response.statusCode, 404);
      assert.match(response.json().detail, /tussenpad-2018/);
      const malformed = await get('/api/v1/poverty/target-path?path=DROP%20TABLE');
      assert.equal(malformed.statusCode, 400);
    });

    test('the OpenAPI document describes the poverty routes', async () => {
      const spec = (await get('/api/docs/json')).json();
      for (const route of [
        '/api/v1/poverty/series',
        '/api/v1/poverty/target-path',
        '/api/v1/poverty/labour-participation',
      ])
        assert.ok(spec.paths[route]?.get, route);
    });
  });
}
