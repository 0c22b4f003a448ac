import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { seedDemoCatalogue } from '../../src/catalogue/demo.ts';
import type { DatabaseHandle } from '../../src/platform/db.ts';
import { buildTestApp } from '../support/app.ts';
import { databasesUnderTest } from '../support/databases.ts';
import { buildCatalogue, insertCatalogue } from '../support/factories.ts';

const form = (fields: Record<string, string>) => ({
  'content-type': 'application/x-www-form-urlencoded',
  payload: new URLSearchParams(fields).toString(),
});

for (const target of databasesUnderTest()) {
  describe(`public pages on ${target.name}`, () => {
    let database: DatabaseHandle;
    let app: FastifyInstance;
    let hostileKey: string;
    before(async () => {
      database = await target.open();
      await seedDemoCatalogue(database.db, '2026-01-01', { force: true });
      const hostile = buildCatalogue([
        { name: { nl: '<script>alert(1)</script> Sport', en: '<img src=x onerror=alert(1)>' } },
      ]);
      hostileKey = hostile.provisionKeys[0]!;
      await insertCatalogue(database.db, hostile.catalogue);
      app = await buildTestApp(database);
    });
    after(async () => {
      await app.close();
      await database.close();
    });

    const get = (url: string, cookie?: string) =>
      app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
    const search = (fields: Record<string, string>) => {
      const { payload, ...headers } = form(fields);
      return app.inject({ method: 'POST', url: '/zoeken', headers, payload });
    };

    test('the home page asks for a postcode in Dutch, credits CBS and ships no script', async () => {
      const response = await get('/');
      assert.equal(response.statusCode, 200);
      assert.match(response.body, /<html lang="nl"/);
      assert.match(response.body, /<label class="utrecht-form-label" for="postcode">Je postcode<\/label>/);
      assert.match(response.body, /Bron: CBS/);
      assert.doesNotMatch(response.body, /<script/);
      assert.match(response.headers['content-security-policy'] as string, /script-src 'self'/);
      assert.match(response.headers['content-security-policy'] as string, /frame-ancestors 'none'/);
    });

    test('English is chosen with a link and remembered in a cookie', async () => {
      const chosen = await get('/?lang=en');
      assert.match(chosen.body, /<html lang="en"/);
      assert.match(chosen.body, /What help is there for your child\?/);
      const cookie = String(chosen.headers['set-cookie']).split(';')[0]!;
      const later = await get('/bronnen', cookie);
      assert.match(later.body, /<html lang="en"/);
      assert.match(later.body, /Source: CBS/);
    });

    test('a postcode leads to the results of its municipality, without the postcode in the address', async () => {
      const response = await search({ postcode: '9711 ab', age: '10' });
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, '/voorzieningen?municipality=GM0014&age=10');
    });

    test('a postcode in two municipalities lets the family choose', async () => {
      const response = await search({ postcode: '1261', age: '' });
      assert.equal(response.statusCode, 200);
      assert.match(response.body, /Kies je gemeente/);
      assert.match(response.body, /value="GM0376"/);
      assert.match(response.body, /value="GM0417"/);
      assert.match(response.body, /Laren \(NH\.\)/);
      assert.match(response.body, /99,98%/);
    });

    const mistakes: [label: string, fields: Record<string, string>, message: RegExp][] = [
      ['empty postcode', { postcode: '', age: '' }, /Vul je postcode in/],
      ['malformed postcode', { postcode: '97', age: '' }, /Deze postcode klopt niet/],
      ['unknown postcode', { postcode: '1000 AA', age: '' }, /We kennen deze postcode niet/],
      ['age out of range', { postcode: '9711AB', age: '30' }, /Vul een leeftijd in van 0 tot en met 21 jaar/],
    ];
    for (const [label, fields, message] of mistakes) {
      test(`${label}: the form comes back with the message by its field and the typed values kept`, async () => {
        const response = await search(fields);
        assert.equal(response.statusCode, 400);
        assert.match(response.body, /<title>Fout: /);
        assert.match(response.body, message);
        assert.match(response.body, /class="meedoen-error-summary"/);
        assert.match(response.body, /aria-invalid="true"/);
        if (fields.postcode) assert.match(response.body, new RegExp(`value="${fields.postcode}"`));
      });
    }

    test('the results list the municipality’s provisions, grouped, with the example label', async () => {
      const response = await get('/voorzieningen?municipality=GM0344&age=10');
      assert.equal(response.statusCode, 200);
      assert.match(response.body, /<h1 class="utrecht-heading-1">Hulp voor kinderen in Utrecht<\/h1>/);
      assert.match(response.body, /voor een kind van 10 jaar/);
      assert.match(response.body, /Sport en cultuur met de U-pas/);
      assert.match(response.body, /Let op: dit zijn voorbeeldgegevens/);
      assert.match(response.body, /<h2 class="utrecht-heading-2" id="groep-sport">Sport<\/h2>/);
      assert.doesNotMatch(response.body, /Stadspas/, 'Amsterdam’s scheme is not offered in Utrecht');
    });

    test('an invalid age is shown by its field while the list stays usable', async () => {
      const response = await get('/voorzieningen?municipality=GM0344&age=99');
      assert.equal(response.statusCode, 400);
      assert.match(response.body, /Vul een leeftijd in van 0 tot en met 21 jaar/);
      assert.match(response.body, /Sport en cultuur met de U-pas/);
      assert.match(response.body, /value="99"/);
    });

    test('results without a municipality go home; an unknown municipality is a clear 404 page', async () => {
      const home = await get('/voorzieningen');
      assert.equal(home.statusCode, 303);
      assert.equal(home.headers.location, '/');
      const unknown = await get('/voorzieningen?municipality=GM9999');
      assert.equal(unknown.statusCode, 404);
      assert.match(unknown.body, /Deze gemeente kennen we niet/);
    });

    test('the detail page explains how to apply and links back to the results', async () => {
      const response = await get('/voorzieningen/jeugdfonds-sport?municipality=GM0344&age=10');
      assert.equal(response.statusCode, 200);
      assert.match(response.body, /Alleen|niet zelf aanvragen/);
      assert.match(response.body, /href="\/voorzieningen\?municipality=GM0344&amp;age=10"/);
      assert.match(response.body, /Gecontroleerd/);
    });

    test('text from the catalogue is escaped, never run', async () => {
      const nl = await get(`/voorzieningen/${hostileKey}`);
      assert.equal(nl.statusCode, 200);
      assert.doesNotMatch(nl.body, /<script>alert/);
      assert.match(nl.body, /&lt;script>alert\(1\)&lt;\/script> Sport/);
      const en = await get(`/voorzieningen/${hostileKey}?lang=en`);
      assert.doesNotMatch(en.body, /<img src=x/);
    });

    test('unknown pages are a friendly 404 in the page language, with no stack trace', async () => {
      const response = await get('/bestaat-niet?lang=en');
      assert.equal(response.statusCode, 404);
      assert.match(response.headers['content-type'] as string, /text\/html/);
      assert.match(response.body, /This page does not exist/);
      assert.doesNotMatch(response.body, /at \w+ \(/);
      const detail = await get('/voorzieningen/bestaat-niet');
      assert.equal(detail.statusCode, 404);
    });

    test('the stylesheet is served compressed and cached for a year', async () => {
      const page = await get('/');
      const href = /href="(\/assets\/site\.css\?v=[0-9a-f]+)"/.exec(page.body)?.[1];
      assert.ok(href);
      const css = await app.inject({ method: 'GET', url: href, headers: { 'accept-encoding': 'br, gzip' } });
      assert.equal(css.statusCode, 200);
      assert.equal(css.headers['content-encoding'], 'br');
      assert.match(css.headers['cache-control'] as string, /immutable/);
      assert.ok(css.rawPayload.length < 80_000, `compressed stylesheet is ${css.rawPayload.length} bytes`);
    });
  });
}
