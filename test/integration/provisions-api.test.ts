import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../../src/platform/db.ts';
import { buildTestApp } from '../support/app.ts';
import { databasesUnderTest } from '../support/databases.ts';
import { buildCatalogue, insertCatalogue, uniqueKey } from '../support/factories.ts';

type Resource = {
  id: string;
  category: string;
  ages: { min: number; max: number };
  offeredIn: unknown;
  example: boolean;
};

for (const target of databasesUnderTest()) {
  describe(`provisions API on ${target.name}`, () => {
    let database: DatabaseHandle;
    let app: FastifyInstance;
    const keys = {
      sportStadskanaal: uniqueKey('sport-stadskanaal'),
      cultureStadskanaal: uniqueKey('culture-stadskanaal'),
      teenUtrecht: uniqueKey('teen-utrecht'),
      nationwide: uniqueKey('nationwide'),
    };
    before(async () => {
      database = await target.open();
      app = await buildTestApp(database);
      const { catalogue } = buildCatalogue([
        { key: keys.sportStadskanaal, category: 'sport', ages: { min: 4, max: 17 }, offeredIn: ['GM0037'] },
        {
          key: keys.cultureStadskanaal,
          category: 'culture',
          ages: { min: 6, max: 12 },
          offeredIn: ['GM0037'],
        },
        { key: keys.teenUtrecht, category: 'sport', ages: { min: 12, max: 21 }, offeredIn: ['GM0344'] },
        {
          key: keys.nationwide,
          category: 'birthday',
          ages: { min: 1, max: 12 },
          offeredIn: 'nationwide',
          amount: undefined,
        },
      ]);
      await insertCatalogue(database.db, catalogue);
    });
    after(async () => {
      await app.close();
      await database.close();
    });

    async function ids(query: string): Promise<string[]> {
      const response = await app.inject({ method: 'GET', url: `/api/v1/provisions?${query}` });
      assert.equal(response.statusCode, 200, response.body);
      const ours = new Set(Object.values(keys));
      return (response.json().data as Resource[])
        .map((p) => p.id)
        .filter((id) => ours.has(id))
        .sort();
    }

    test('a municipality gets its own provisions and the nationwide ones, not another town’s', async () => {
      assert.deepEqual(
        await ids('municipality=GM0037'),
        [keys.cultureStadskanaal, keys.nationwide, keys.sportStadskanaal].sort(),
      );
      assert.deepEqual(await ids('municipality=GM0344'), [keys.nationwide, keys.teenUtrecht].sort());
    });

    test('age keeps provisions whose range includes it, both ends included', async () => {
      assert.deepEqual(
        await ids('municipality=GM0037&age=4'),
        [keys.nationwide, keys.sportStadskanaal].sort(),
      );
      assert.deepEqual(await ids('municipality=GM0037&age=17'), [keys.sportStadskanaal]);
      assert.deepEqual(await ids('municipality=GM0037&age=18'), []);
    });

    test('category keeps one kind of help', async () => {
      assert.deepEqual(await ids('municipality=GM0037&age=10&category=sport'), [keys.sportStadskanaal]);
      assert.deepEqual(await ids('municipality=GM0037&category=culture'), [keys.cultureStadskanaal]);
    });

    test('without a municipality every provision is listed', async () => {
      assert.deepEqual(await ids(''), Object.values(keys).sort());
    });

    test('invalid filters are a 400 problem that names every field', async () => {
      const response = await app.inject({
        method: 'GET',
        url: '/api/v1/provisions?municipality=GM37&age=22&category=pony',
      });
      assert.equal(response.statusCode, 400);
      const fields = (response.json().errors as { field: string }[]).map((e) => e.field).sort();
      assert.deepEqual(fields, ['age', 'category', 'municipality']);
    });

    test('an unknown municipality is a 400 problem', async () => {
      const response = await app.inject({ method: 'GET', url: '/api/v1/provisions?municipality=GM9999' });
      assert.equal(response.statusCode, 400);
      assert.equal(response.json().errors[0].code, 'municipality_unknown');
    });

    test('one provision in full: funder, handler, places, amount and its example flag', async () => {
      const response = await app.inject({
        method: 'GET',
        url: `/api/v1/provisions/${keys.sportStadskanaal}`,
      });
      assert.equal(response.statusCode, 200);
      const { data } = response.json();
      assert.equal(data.id, keys.sportStadskanaal);
      assert.deepEqual(data.offeredIn, [{ code: 'GM0037', name: 'Stadskanaal' }]);
      assert.deepEqual(data.amount, { cents: 22500, kind: 'budget', period: 'calendar_year' });
      assert.equal(data.example, false);
      assert.equal(data.fundedBy.kind, 'other');
      const nationwide = (
        await app.inject({ method: 'GET', url: `/api/v1/provisions/${keys.nationwide}` })
      ).json().data;
      assert.equal(nationwide.offeredIn, 'nationwide');
      assert.equal(nationwide.amount, null);
    });

    test('an unknown provision is a 404 problem', async () => {
      const response = await app.inject({ method: 'GET', url: '/api/v1/provisions/does-not-exist' });
      assert.equal(response.statusCode, 404);
      assert.equal(response.json().type, '/api/v1/problems/provision-not-found');
    });

    test('the OpenAPI description documents every public endpoint', async () => {
      const response = await app.inject({ method: 'GET', url: '/api/docs/json' });
      assert.equal(response.statusCode, 200);
      const paths = Object.keys(response.json().paths);
      for (const path of [
        '/api/v1/municipalities',
        '/api/v1/municipalities/{code}',
        '/api/v1/provisions',
        '/api/v1/provisions/{id}',
        '/health',
      ]) {
        assert.ok(paths.includes(path), `${path} is documented`);
      }
      const docs = await app.inject({ method: 'GET', url: '/api/docs' });
      assert.ok(docs.statusCode === 200 || docs.statusCode === 302);
    });

    test('/health reports the database kind and that every migration is applied', async () => {
      const response = await app.inject({ method: 'GET', url: '/health' });
      assert.equal(response.statusCode, 200);
      const health = response.json();
      assert.equal(health.status, 'ok');
      assert.equal(health.database.kind, target.name);
      assert.equal(health.migrations.pending, 0);
      assert.ok(health.migrations.applied >= 1);
    });
  });
}
