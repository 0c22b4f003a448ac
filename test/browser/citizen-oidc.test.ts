import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { freePort } from '../support/ports.ts';
import { startTestProvider, type TestProvider } from '../support/oidc-provider.ts';
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
