import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../../src/platform/db.ts';
import { buildTestApp } from '../support/app.ts';
import { databasesUnderTest } from '../support/databases.ts';

for (const target of databasesUnderTest()) {
  describe(`municipalities API on ${target.name}`, () => {
    let database: DatabaseHandle;
    let app: FastifyInstance;
    before(async () => {
      database = await target.open();
      app = await buildTestApp(database);
    });
    after(async () => {
      await app.close();
      await database.close();
    });

    const get = (url: string, headers: Record<string, string> = {}) =>
      app.inject({ method: 'GET', url, headers });

    test('lists all 342 municipalities of 2025 with the CBS credit', async () => {
      const response = await get('/api/v1/municipalities');
      assert.equal(response.statusCode, 200);
      const body = response.json();
      assert.equal(body.data.length, 342);
      assert.equal(body.meta.count, 342);
      assert.match(body.meta.source, /Bron: CBS/);
      assert.ok(
        body.data.some(
          (m: { code: string; name: string }) => m.code === 'GM0518' && m.name === "'s-Gravenhage",
        ),
      );
      assert.ok(
        !body.data.some((m: { code: string }) => m.code === 'GM0998'),
        'Buitenland is not a municipality',
      );
    });

    const lookups: [postcode: string, code: string, name: string][] = [
      ['9711AB', 'GM0014', 'Groningen'],
      ['9711 ab', 'GM0014', 'Groningen'],
      ['3511', 'GM0344', 'Utrecht'],
      ['1012', 'GM0363', 'Amsterdam'],
    ];
    for (const [postcode, code, name] of lookups) {
      test(`postcode ${postcode} lies in ${name} (${code})`, async () => {
        const response = await get(`/api/v1/municipalities?postcode=${encodeURIComponent(postcode)}`);
        assert.equal(response.statusCode, 200);
        assert.deepEqual(response.json().data, [{ code, name, addressShare: 1 }]);
      });
    }

    test('a postcode that spans two municipalities returns both, largest share first', async () => {
      const response = await get('/api/v1/municipalities?postcode=1261');
      assert.equal(response.statusCode, 200);
      const data = response.json().data as { code: string; addressShare: number }[];
      assert.deepEqual(
        data.map((m) => m.code),
        ['GM0376', 'GM0417'],
      );
      assert.ok(data[0]!.addressShare > data[1]!.addressShare);
      assert.ok(Math.abs(data[0]!.addressShare + data[1]!.addressShare - 1) < 0.001);
    });

    test('a malformed postcode is a 400 problem naming the field, in the asked language', async () => {
      const response = await get('/api/v1/municipalities?postcode=97', { 'accept-language': 'en' });
      assert.equal(response.statusCode, 400);
      assert.match(response.headers['content-type'] as string, /^application\/problem\+json/);
      const problem = response.json();
      assert.equal(problem.type, '/api/v1/problems/postcode-malformed');
      assert.equal(problem.errors[0].field, 'postcode');
      assert.match(problem.errors[0].message, /4 digits and 2 letters/);
      assert.equal(problem.stack, undefined);
    });

    test('an unknown but well-formed postcode is a 400 problem of its own type', async () => {
      const response = await get('/api/v1/municipalities?postcode=1000AA');
      assert.equal(response.statusCode, 400);
      assert.equal(response.json().type, '/api/v1/problems/postcode-unknown');
      assert.match(response.json().errors[0].message, /kennen deze postcode niet/);
    });

    test('one municipality by code; an unknown code is 404, a malformed one 400', async () => {
      assert.deepEqual((await get('/api/v1/municipalities/GM0344')).json().data, {
        code: 'GM0344',
        name: 'Utrecht',
      });
      const missing = await get('/api/v1/municipalities/GM9999');
      assert.equal(missing.statusCode, 404);
      assert.equal(missing.json().type, '/api/v1/problems/municipality-not-found');
      const malformed = await get('/api/v1/municipalities/utrecht');
      assert.equal(malformed.statusCode, 400);
      assert.equal(malformed.json().errors[0].code, 'municipality_code_malformed');
    });

    test('every problem type links to a description of itself', async () => {
      const problem = (await get('/api/v1/municipalities?postcode=x')).json();
      const description = await get(problem.type);
      assert.equal(description.statusCode, 200);
      assert.equal(description.json().status, 400);
    });
  });
}
