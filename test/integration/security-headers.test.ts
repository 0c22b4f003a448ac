import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../../src/platform/db.ts';
import { buildTestApp } from '../support/app.ts';
import { databasesUnderTest } from '../support/databases.ts';

const [pglite] = databasesUnderTest();

describe('security headers on every page', () => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  before(async () => {
    database = await pglite!.open();
    app = await buildTestApp(database, {
      env: {
        NODE_ENV: 'production',
        MEEDOEN_SECRET: 'x'.repeat(48),
        MEEDOEN_CHILD_KEY_SECRET: 'k'.repeat(48),
        LOG_LEVEL: 'silent',
        TRUST_PROXY_HOPS: '1',
      },
    });
  });
  after(async () => {
    await app.close();
    await database.close();
  });

  for (const url of [
    '/',
    '/check',
    '/inloggen',
    '/wachtwoord-vergeten',
    '/api/v1/municipalities/GM0344',
    '/bestaat-niet',
  ]) {
    test(`${url}: strict CSP without inline script, no framing, HSTS, nosniff`, async () => {
      const response = await app.inject({ method: 'GET', url });
      const csp = String(response.headers['content-security-policy']);
      assert.match(csp, /default-src 'self'/);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
      assert.match(String(response.headers['strict-transport-security']), /max-age=\d{7,}/);
      assert.equal(response.headers['x-content-type-options'], 'nosniff');
    });
  }

  test('the language cookie is HttpOnly, and Secure behind the https proxy', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/?lang=en',
      headers: { 'x-forwarded-proto': 'https' },
    });
    assert.match(String(response.headers['set-cookie']), /HttpOnly/);
    assert.match(String(response.headers['set-cookie']), /Secure/);
  });
});
