import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loadConfig } from '../../src/platform/config.ts';
import type { DatabaseHandle } from '../../src/platform/db.ts';
import { createPseudonymiser } from '../../src/platform/processing-log/index.ts';
import { createSealer } from '../../src/platform/sealed-state.ts';
import { buildTestApp } from '../support/app.ts';
import { databasesUnderTest } from '../support/databases.ts';
import { startTestProvider, writeProvidersFile, type TestProvider } from '../support/oidc-provider.ts';
import { signInAtTestProvider } from '../support/oidc-sign-in.ts';
import { uniqueKey } from '../support/factories.ts';

// Two OpenID Connect providers (real oidc-provider servers on 127.0.0.1), each configured by one
// municipality: Amsterdam signs in at "west", Utrecht at "midden"; Groningen has none.
const base = 'http://meedoen.test';
const returnAddress = `${base}/inloggen/burger/terug`;
const secret = loadConfig({ NODE_ENV: 'test' }).secret;
const pendingSealer = createSealer(secret, 'oidc-pending', 600);

let west: TestProvider;
let midden: TestProvider;
let folder: string;
let env: Record<string, string>;

before(async () => {
  [west, midden] = await Promise.all([startTestProvider(returnAddress), startTestProvider(returnAddress)]);
  folder = mkdtempSync(path.join(tmpdir(), 'meedoen-oidc-'));
  env = {
    PUBLIC_BASE_URL: base,
    ...writeProvidersFile(folder, [
      { id: 'west', provider: west, municipalities: ['GM0363'] },
      { id: 'midden', provider: midden, municipalities: ['GM0344'] },
    ]),
  };
});
after(async () => {
  await west?.close();
  await midden?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

const cookie = (response: LightMyRequestResponse, name: string) =>
  response.cookies.find((c) => c.name === name && c.value !== '')?.value;

for (const target of databasesUnderTest()) {
  describe(`citizen sign-in per municipality on ${target.name}`, () => {
    let database: DatabaseHandle;
    let app: FastifyInstance;

    before(async () => {
      database = await target.open();
      app = await buildTestApp(database, { env });
    });
    after(async () => {
      await app?.close();
      await database?.close();
    });

    /**
     * Starts at a municipality's provider: the provider's address and the sealed pending sign-in. A page
     * sends the browser on (the Refresh header, and a button), as a form's navigation may not leave the site.
     */
    async function startAt(code: string) {
      const response = await app.inject({ method: 'GET', url: `/inloggen/burger?gemeente=${code}` });
      assert.equal(response.statusCode, 200, response.body);
      assert.equal(response.headers['cache-control'], 'no-store');
      const location = /^0; url=(.+)$/.exec(String(response.headers.refresh))?.[1];
      assert.ok(location, 'a Refresh header to the provider');
      assert.ok(response.body.includes(`href="${location.replaceAll('&', '&amp;')}"`), 'and a button');
      const pending = cookie(response, 'meedoen_oidc');
      assert.ok(pending);
      return { location, pending, body: response.body };
    }

    const returnWith = (callback: URL, pending: string) =>
      app.inject({
        method: 'GET',
        url: `${callback.pathname}${callback.search}`,
        cookies: { meedoen_oidc: pending },
      });

    test('without a municipality, the choice lists only municipalities that have a provider', async () => {
      const response = await app.inject({ method: 'GET', url: '/inloggen/burger' });
      assert.equal(response.statusCode, 200);
      assert.match(
        response.body,
        /<label class="utrecht-form-label" for="gemeente">In welke gemeente woon je\?/,
      );
      const options = [...response.body.matchAll(/<option value(?:="([^"]*)")?>([^<]*)</g)].map((m) => [
        m[1] ?? '',
        m[2],
      ]);
      assert.deepEqual(options, [
        ['', 'Kies je gemeente'],
        ['GM0363', 'Amsterdam'],
        ['GM0344', 'Utrecht'],
      ]);
      const english = await app.inject({ method: 'GET', url: '/inloggen/burger?lang=en' });
      assert.match(english.body, /Which municipality do you live in\?/);
      assert.match(english.body, /<html lang="en"/);
    });

    test('choosing nothing, or something that is no municipality, shows the error summary', async () => {
      for (const [query, message] of [
        ['gemeente=', 'Kies de gemeente waar je woont.'],
        ['gemeente=GM9999', 'Deze gemeente kennen we niet.'],
        ['gemeente=%3Cscript%3E', 'Deze gemeente kennen we niet.'],
        ['gemeente=GM0363&gemeente=GM0344', 'Deze gemeente kennen we niet.'],
      ] as const) {
        const response = await app.inject({ method: 'GET', url: `/inloggen/burger?${query}` });
        assert.equal(response.statusCode, 400, query);
        assert.match(response.body, /<title>Fout: Inloggen via je gemeente/, query);
        assert.match(response.body, /class="meedoen-error-summary"/, query);
        assert.ok(response.body.includes(`<a class="utrecht-link" href="#gemeente">${message}`), query);
        assert.match(response.body, /aria-invalid="true"/, query);
        assert.doesNotMatch(response.body, /<script/, query);
      }
    });

    test("each municipality's choice goes to its own provider", async () => {
      for (const [code, provider] of [
        ['GM0363', west],
        ['gm0344', midden],
      ] as const) {
        const { location, body } = await startAt(code);
        const name = provider === west ? 'west' : 'midden';
        assert.match(body, new RegExp(`<h1 class="utrecht-heading-1">Je gaat naar Inloggen ${name}</h1>`));
        const url = new URL(location);
        assert.equal(url.origin, provider.issuer, code);
        assert.equal(url.searchParams.get('redirect_uri'), returnAddress);
        assert.equal(url.searchParams.get('code_challenge_method'), 'S256');
      }
    });

    test('a municipality without a provider gets a message, not a sign-in', async () => {
      const response = await app.inject({ method: 'GET', url: '/inloggen/burger?gemeente=GM0014' });
      assert.equal(response.statusCode, 200);
      assert.equal(cookie(response, 'meedoen_oidc'), undefined);
      assert.match(
        response.body,
        /<h1 class="utrecht-heading-1">In Groningen kun je nog niet inloggen<\/h1>/,
      );
      assert.match(response.body, /href="\/voorzieningen\?municipality=GM0014"/);
      const english = await app.inject({ method: 'GET', url: '/inloggen/burger?gemeente=GM0014&lang=en' });
      assert.match(english.body, /You cannot sign in for Groningen yet/);
    });

    test('a parent of Amsterdam signs in at west; only a pseudonym is kept and logged', async () => {
      const login = uniqueKey('ouder');
      const { location, pending } = await startAt('GM0363');
      const callback = await signInAtTestProvider(location, login, returnAddress);
      const response = await returnWith(callback, pending);
      assert.equal(response.statusCode, 303, response.body);
      assert.equal(response.headers.location, '/mijn');
      const session = cookie(response, 'meedoen_burger');
      assert.ok(session);
      const home = await app.inject({ method: 'GET', url: '/mijn', cookies: { meedoen_burger: session } });
      assert.equal(home.statusCode, 200);
      // The subject is unique only at its provider, so the pseudonym is of the provider's id and the subject.
      const pseudonym = createPseudonymiser(secret).pseudonym('citizen', `west:${login}`);
      const logged = await database.db.execute(
        sql`select count(*)::int as n from processing_log where activity = 'identity.citizen-sign-in' and subject_pseudonym = ${pseudonym}`,
      );
      assert.equal((logged as unknown as { rows: { n: number }[] }).rows[0]!.n, 1);
    });

    test("west's pending sign-in cannot be finished at midden, nor midden's return with west's", async () => {
      const { location, pending } = await startAt('GM0363');
      const callback = await signInAtTestProvider(location, uniqueKey('ouder'), returnAddress);
      // The same return, claimed by midden: the sealed state is rewritten as only someone with the key could.
      const state = pendingSealer.open(pending) as { provider: string };
      assert.equal(state.provider, 'west');
      const atMidden = await returnWith(callback, pendingSealer.seal({ ...state, provider: 'midden' }));
      assert.equal(atMidden.statusCode, 400);
      assert.match(atMidden.body, /Inloggen is niet gelukt/);
      assert.equal(cookie(atMidden, 'meedoen_burger'), undefined);

      // Midden's return (its code, its state) with west's pending sign-in is refused as well.
      const started = await startAt('GM0344');
      const fromMidden = await signInAtTestProvider(started.location, uniqueKey('ouder'), returnAddress);
      const mixed = await returnWith(fromMidden, pending);
      assert.equal(mixed.statusCode, 400);
      assert.equal(cookie(mixed, 'meedoen_burger'), undefined);

      // West's return with its own pending sign-in still works: the refusals spent nothing.
      const atWest = await returnWith(callback, pending);
      assert.equal(atWest.statusCode, 303);
      assert.equal(atWest.headers.location, '/mijn');
    });

    test('a pending sign-in naming a provider that is no longer configured is refused', async () => {
      const { pending } = await startAt('GM0363');
      const state = pendingSealer.open(pending) as Record<string, string>;
      const response = await returnWith(
        new URL(`${returnAddress}?code=x&state=${state.state}`),
        pendingSealer.seal({ ...state, provider: 'removed' }),
      );
      assert.equal(response.statusCode, 400);
    });
  });

  describe(`citizen sign-in with the one provider of OIDC_ISSUER on ${target.name}`, () => {
    let database: DatabaseHandle;
    let app: FastifyInstance;

    before(async () => {
      database = await target.open();
      app = await buildTestApp(database, {
        env: {
          PUBLIC_BASE_URL: base,
          OIDC_ISSUER: west.issuer,
          OIDC_CLIENT_ID: west.clientId,
          OIDC_CLIENT_SECRET: west.clientSecret,
          OIDC_ALLOW_HTTP: 'true',
        },
      });
    });
    after(async () => {
      await app?.close();
      await database?.close();
    });

    test('goes straight to the provider, as before; a municipality asked for does not matter', async () => {
      const response = await app.inject({ method: 'GET', url: '/inloggen/burger' });
      assert.equal(response.statusCode, 303);
      assert.equal(new URL(response.headers.location as string).origin, west.issuer);
      const anywhere = await app.inject({ method: 'GET', url: '/inloggen/burger?gemeente=GM0014' });
      assert.equal(anywhere.statusCode, 200);
      assert.match(String(anywhere.headers.refresh), new RegExp(`^0; url=${west.issuer}/`));
    });

    test('the pseudonym is of the bare subject, as it was before providers had ids', async () => {
      const login = uniqueKey('ouder');
      const started = await app.inject({ method: 'GET', url: '/inloggen/burger' });
      const callback = await signInAtTestProvider(started.headers.location as string, login, returnAddress);
      const response = await app.inject({
        method: 'GET',
        url: `${callback.pathname}${callback.search}`,
        cookies: { meedoen_oidc: cookie(started, 'meedoen_oidc')! },
      });
      assert.equal(response.statusCode, 303);
      const pseudonym = createPseudonymiser(secret).pseudonym('citizen', login);
      const logged = await database.db.execute(
        sql`select count(*)::int as n from processing_log where subject_pseudonym = ${pseudonym}`,
      );
      assert.equal((logged as unknown as { rows: { n: number }[] }).rows[0]!.n, 1);
    });
  });
}
