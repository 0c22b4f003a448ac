import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { invitePerson } from '../../src/identity/invitations.ts';
import { completeSecondFactor, resumeSession, startSession } from '../../src/identity/sessions.ts';
import { createPerson } from '../../src/identity/store.ts';
import { buildCatalogue, insertCatalogue, uniqueKey } from '../support/factories.ts';
import { startApp, type RunningApp } from './support/app-server.ts';
import { launchBrowser, viewports, Visitor } from './support/browser.ts';

// A coordinator's pages (members, the catalogue editor) and the pages reached from an e-mail (invitation,
// password reset), each scanned with axe on a phone and a desktop.

let app: RunningApp;
let browser: Browser;
let organisation = '';
let provisionKey = '';

before(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  const built = buildCatalogue([{ offeredIn: ['GM0344'] }]);
  organisation = built.organisationKey;
  provisionKey = built.provisionKeys[0]!;
  await insertCatalogue(app.database.db, built.catalogue);
});
after(async () => {
  await browser?.close();
  await app?.close();
});

async function coordinatorCookie(): Promise<string> {
  const person = await createPerson(app.database.db, {
    email: `${uniqueKey('coordinator')}@example.org`,
    displayName: 'Coördinator Kim',
    memberships: [{ organisationKey: organisation, role: 'coordinator' }],
  });
  const now = new Date();
  const half = await resumeSession(app.database.db, await startSession(app.database.db, person.id, now), now);
  return completeSecondFactor(app.database.db, half!, now);
}

describe('coordinator and e-mail pages in a browser', () => {
  for (const viewport of viewports) {
    test(`members, the catalogue editor, an invitation and a password reset, ${viewport.name}`, async () => {
      const visitor = await Visitor.open(browser, app.baseUrl, viewport);
      const { page } = visitor;
      try {
        const cookie = await coordinatorCookie();
        await visitor.context.addCookies([{ name: 'meedoen_sessie', value: cookie, url: app.baseUrl }]);

        await visitor.goto(`/beheer/organisaties/${organisation}/leden`, 'members');
        await page.getByLabel('E-mailadres', { exact: true }).fill(`${uniqueKey('nieuw')}@example.org`);
        await page.getByLabel('Naam', { exact: true }).fill('Nieuwe Collega');
        await page.getByLabel('Rol', { exact: true }).selectOption('handler');
        await visitor.navigate('member invited', () =>
          page.getByRole('button', { name: 'Uitnodiging sturen' }).click(),
        );
        await page.getByText('De uitnodiging is verstuurd.').waitFor();

        await visitor.goto(`/beheer/organisaties/${organisation}/voorzieningen`, 'editor list');
        await visitor.navigate('editor form', () =>
          page
            .getByRole('link', { name: /Bewerken/ })
            .first()
            .click(),
        );
        await page.getByLabel('Tot en met leeftijd').fill('3');
        await page.getByLabel('Vanaf leeftijd').fill('9');
        await visitor.navigate('editor error', () => page.getByRole('button', { name: 'Opslaan' }).click());
        await page.getByRole('alert').waitFor();
        await page.getByLabel('Vanaf leeftijd').fill('2');
        await visitor.navigate('editor saved', () => page.getByRole('button', { name: 'Opslaan' }).click());
        await page.getByText('Opgeslagen.').waitFor();
        await visitor.goto(`/beheer/organisaties/${organisation}/voorzieningen/nieuw`, 'editor new');
        assert.ok(provisionKey);

        await visitor.context.clearCookies();
        const { token } = await app.database.db.transaction((tx) =>
          invitePerson(
            tx,
            {
              email: `${uniqueKey('genodigd')}@example.org`,
              displayName: 'Genodigde',
              membership: { organisationKey: organisation, role: 'handler' },
            },
            new Date(),
          ),
        );
        await visitor.goto(`/uitnodiging/${token}`, 'invitation');
        await page.getByLabel('Nieuw wachtwoord').fill('kort');
        await visitor.navigate('invitation error', () =>
          page.getByRole('button', { name: 'Wachtwoord opslaan' }).click(),
        );
        await page.getByRole('alert').waitFor();

        await visitor.context.clearCookies();
        await visitor.goto('/wachtwoord-vergeten', 'forgot password');
        await page.getByLabel('E-mailadres').fill(`${uniqueKey('vergeten')}@example.org`);
        await visitor.navigate('reset requested', () =>
          page.getByRole('button', { name: 'Stuur de link' }).click(),
        );
        await page.getByRole('heading', { level: 1, name: 'Kijk in je e-mail' }).waitFor();
        await visitor.goto('/wachtwoord-herstellen/niet-geldig', 'reset link invalid');
      } finally {
        await visitor.close();
      }
    });
  }
});
