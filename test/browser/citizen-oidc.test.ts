import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { freePort } from '../support/ports.ts';
import { startTestProvider, writeProvidersFile, type TestProvider } from '../support/oidc-provider.ts';
import { startApp, type RunningApp } from './support/app-server.ts';
import { launchBrowser, viewports, Visitor } from './support/browser.ts';

// A parent signs in through the municipality's OpenID Connect provider (a real oidc-provider on 127.0.0.1
// standing in for a DigiD broker) and out again. Meedoen's own pages are scanned with axe; the provider's
// development pages are not ours and are not scanned.

let app: RunningApp;
let provider: TestProvider;
let browser: Browser;

before(async () => {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  provider = await startTestProvider(`${base}/inloggen/burger/terug`);
  app = await startApp({
    port,
    env: {
      PUBLIC_BASE_URL: base,
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: provider.clientId,
      OIDC_CLIENT_SECRET: provider.clientSecret,
      OIDC_ALLOW_HTTP: 'true',
    },
  });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await app?.close();
  await provider?.close();
});

describe('sign-in for parents through OpenID Connect', () => {
  test('a parent signs in at the provider, lands on their page, and signs out', async () => {
    const visitor = await Visitor.open(browser, app.baseUrl, viewports[0]!);
    const { page } = visitor;
    try {
      await page.goto(new URL('/inloggen/burger', app.baseUrl).href);
      // The provider's own development pages: a login name, then consent.
      await page.locator('input[name="login"]').fill('ouder-123');
      await page.locator('input[name="password"]').fill('anything');
      await page.locator('button[type="submit"]').click();
      await page.locator('button[type="submit"]').click();
      await page.waitForURL(/\/mijn$/);
      await visitor.goto('/mijn', 'signed in');
      await page.getByRole('heading', { level: 1, name: 'Je bent ingelogd' }).waitFor();
      // Only a keyed pseudonym of the provider's subject is kept, and the sign-in is in the processing log.
      const sessions = await app.database.db.execute(sql`select subject_pseudonym from citizen_sessions`);
      const pseudonyms = (sessions as unknown as { rows: { subject_pseudonym: string }[] }).rows.map(
        (r) => r.subject_pseudonym,
      );
      assert.ok(pseudonyms.length > 0 && pseudonyms.every((p) => /^[0-9a-f]{64}$/.test(p)));
      const logged = await app.database.db.execute(
        sql`select count(*)::int as n from processing_log where activity = 'identity.citizen-sign-in' and subject_pseudonym = ${pseudonyms[0]}`,
      );
      assert.equal((logged as unknown as { rows: { n: number }[] }).rows[0]!.n, 1);
      await visitor.navigate('signed out', () => page.getByRole('button', { name: 'Uitloggen' }).click());
      assert.equal(new URL(page.url()).pathname, '/');
      // Signed out at Meedoen: its page sends the parent to sign in again (the provider may still know them).
      const after = await page.request.get(new URL('/mijn', app.baseUrl).href, { maxRedirects: 0 });
      assert.equal(after.status(), 303);
      assert.equal(after.headers()['location'], '/inloggen/burger');
    } finally {
      await visitor.close();
    }
  });

  test('a return without the sign-in that started it is refused', async () => {
    const visitor = await Visitor.open(browser, app.baseUrl, viewports[1]!);
    try {
      await visitor.goto('/inloggen/burger/terug?code=forged&state=forged', 'forged return');
      await visitor.page.getByRole('heading', { level: 1, name: 'Inloggen is niet gelukt' }).waitFor();
    } finally {
      await visitor.close();
    }
  });
});

describe('sign-in for parents where each municipality has its own provider', () => {
  // Amsterdam signs in at "west", Utrecht at "midden"; Groningen has not configured sign-in.
  let perMunicipality: RunningApp;
  let west: TestProvider;
  let midden: TestProvider;
  let folder: string;

  before(async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    [west, midden] = await Promise.all([
      startTestProvider(`${base}/inloggen/burger/terug`),
      startTestProvider(`${base}/inloggen/burger/terug`),
    ]);
    folder = mkdtempSync(path.join(tmpdir(), 'meedoen-oidc-'));
    perMunicipality = await startApp({
      port,
      env: {
        PUBLIC_BASE_URL: base,
        ...writeProvidersFile(folder, [
          { id: 'west', provider: west, municipalities: ['GM0363'] },
          { id: 'midden', provider: midden, municipalities: ['GM0344'] },
        ]),
      },
    });
  });
  after(async () => {
    await perMunicipality?.close();
    await west?.close();
    await midden?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  test('a parent chooses Amsterdam, signs in at its provider and lands on their page', async () => {
    const visitor = await Visitor.open(browser, perMunicipality.baseUrl, viewports[0]!);
    const { page } = visitor;
    try {
      await visitor.goto('/inloggen/burger', 'choose municipality');
      await page.getByRole('heading', { level: 1, name: 'Inloggen via je gemeente' }).waitFor();
      const choice = page.getByLabel('In welke gemeente woon je?');
      assert.deepEqual(await choice.locator('option').allTextContents(), [
        'Kies je gemeente',
        'Amsterdam',
        'Utrecht',
      ]);
      // Nothing chosen: the error summary names the field and leads to it.
      const submit = page.getByRole('button', { name: 'Verder naar inloggen' });
      await visitor.navigate('nothing chosen', () => submit.click());
      const summary = page.getByRole('alert');
      await summary.getByRole('link', { name: 'Kies de gemeente waar je woont.' }).click();
      await page.waitForFunction(() => document.activeElement?.id === 'gemeente');

      await page.getByLabel('In welke gemeente woon je?').selectOption({ label: 'Amsterdam' });
      await page.getByRole('button', { name: 'Verder naar inloggen' }).click();
      // A page sends the browser on (a form may only lead to this site); it is ours, so it is checked too.
      await page.waitForURL((url) => url.origin === west.issuer);
      await page.locator('input[name="login"]').fill('ouder-amsterdam');
      await page.locator('input[name="password"]').fill('anything');
      await page.locator('button[type="submit"]').click();
      await page.locator('button[type="submit"]').click();
      await page.waitForURL(/\/mijn$/);
      await visitor.goto('/mijn', 'signed in');
      await page.getByRole('heading', { level: 1, name: 'Je bent ingelogd' }).waitFor();
    } finally {
      await visitor.close();
    }
  });

  test('Utrecht goes to its own provider; Groningen is told it cannot sign in yet', async () => {
    const visitor = await Visitor.open(browser, perMunicipality.baseUrl, viewports[1]!);
    const { page } = visitor;
    try {
      // The page that sends the browser on, held still (without its Refresh header) to be checked, and its
      // button for browsers that do not follow the header.
      await page.route('**/inloggen/burger?gemeente=GM0344', async (route) => {
        const response = await route.fetch({ maxRedirects: 0 });
        const { refresh, ...headers } = response.headers();
        assert.match(refresh ?? '', new RegExp(`^0; url=${midden.issuer}/`));
        await route.fulfill({ response, headers });
      });
      await visitor.goto('/inloggen/burger?gemeente=GM0344', 'going to the provider');
      await page.getByRole('heading', { level: 1, name: 'Je gaat naar Inloggen midden' }).waitFor();
      await page.getByRole('link', { name: 'Verder naar inloggen' }).click();
      await page.waitForURL((url) => url.origin === midden.issuer);
      await visitor.goto('/inloggen/burger?gemeente=GM0014', 'no provider');
      await page.getByRole('heading', { level: 1, name: 'In Groningen kun je nog niet inloggen' }).waitFor();
      await visitor.navigate('choose again', () =>
        page.getByRole('link', { name: 'Kies een andere gemeente' }).click(),
      );
      await visitor.chooseLanguage('en');
      await page.getByRole('heading', { level: 1, name: 'Sign in through your municipality' }).waitFor();
      await page.getByLabel('Which municipality do you live in?').waitFor();
    } finally {
      await visitor.close();
    }
  });
});
