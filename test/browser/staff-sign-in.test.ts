import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { hashPassword } from '../../src/identity/password.ts';
import { createPerson, updatePerson } from '../../src/identity/store.ts';
import { totpCodeAt } from '../../src/identity/totp.ts';
import { uniqueKey } from '../support/factories.ts';
import { startApp, type RunningApp } from './support/app-server.ts';
import { launchBrowser, viewports, Visitor } from './support/browser.ts';

// A platform admin signs in for the first time: password, setting up the authenticator app, the staff page,
// the outbox, signing out. Every page is scanned with axe (Visitor.arrive), on a phone and on a desktop.

let app: RunningApp;
let browser: Browser;

before(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
});
after(async () => {
  await browser?.close();
  await app?.close();
});

describe('staff sign-in in a browser', () => {
  for (const viewport of viewports) {
    test(`first sign-in with the second step, the outbox and signing out, ${viewport.name}`, async () => {
      const email = `${uniqueKey('beheer')}@example.org`;
      const password = 'een lange zin als wachtwoord';
      const person = await createPerson(app.database.db, {
        email,
        displayName: 'Ada Beheer',
        memberships: [{ organisationKey: '', role: 'platform_admin' }],
      });
      await updatePerson(app.database.db, person.id, { passwordHash: await hashPassword(password) });

      const visitor = await Visitor.open(browser, app.baseUrl, viewport);
      const { page } = visitor;
      await page.clock.install();
      try {
        await visitor.goto('/inloggen', 'sign-in');
        await page.getByLabel('E-mailadres').fill(email);
        await page.getByLabel('Wachtwoord').fill('niet goed genoeg hoor');
        await visitor.navigate('sign-in failed', () =>
          page.getByRole('button', { name: 'Inloggen' }).click(),
        );
        await page.getByRole('alert').waitFor();
        await page.getByLabel('Wachtwoord').fill(password);
        await visitor.navigate('set up second step', () =>
          page.getByRole('button', { name: 'Inloggen' }).click(),
        );

        const secret = (await page.locator('.meedoen-secret').innerText()).replace(/\s/g, '');
        await page.getByLabel('Code van 6 cijfers').fill('000000');
        await visitor.navigate('wrong code', () => page.getByRole('button', { name: 'Bevestigen' }).click());
        await page.getByLabel('Code van 6 cijfers').fill(totpCodeAt(secret, new Date()));
        await visitor.navigate('staff home', () => page.getByRole('button', { name: 'Bevestigen' }).click());
        await page.getByRole('heading', { level: 1, name: 'Welkom, Ada Beheer' }).waitFor();
        assert.match(await page.locator('main').innerText(), /Beheerder van het platform/);

        // Five minutes before the idle limit the page warns and puts the focus on "stay signed in".
        await page.clock.fastForward(26 * 60 * 1000);
        await page.getByRole('alert').filter({ hasText: 'uitgelogd. Wil je ingelogd blijven?' }).waitFor();
        assert.equal(
          await page.evaluate(() => document.activeElement?.textContent?.trim()),
          'Ingelogd blijven',
        );

        await visitor.goto('/beheer/uitgaande-mail', 'outbox');
        await page.getByRole('heading', { level: 1, name: 'Uitgaande e-mail' }).waitFor();
        await visitor.goto('/beheer', 'staff home again');
        await visitor.navigate('signed out', () =>
          page.getByRole('button', { name: 'Uitloggen', exact: true }).click(),
        );
        assert.match(page.url(), /\/inloggen$/);
        await visitor.goto('/beheer', 'staff page after signing out');
        assert.match(page.url(), /\/inloggen$/);
      } finally {
        await visitor.close();
      }
    });
  }
});
