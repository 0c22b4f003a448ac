import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { buildCatalogue, insertCatalogue, uniqueKey } from '../support/factories.ts';
import { signedInStaffMember } from '../support/staff.ts';
import { startApp, type RunningApp } from './support/app-server.ts';
import { launchBrowser, viewports, Visitor } from './support/browser.ts';

// A coordinator submits a good practice, a national analyst reviews and publishes it, and anyone finds it
// in the library by another Dutch word form. Every page is scanned with axe, on a phone and a desktop.

let app: RunningApp;
let browser: Browser;
let organisation = '';

before(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  const built = buildCatalogue([{}]);
  organisation = built.organisationKey;
  await insertCatalogue(app.database.db, built.catalogue);
});
after(async () => {
  await browser?.close();
  await app?.close();
});

async function signIn(visitor: Visitor, role: 'coordinator' | 'national_analyst', organisationKey: string) {
  const staff = await signedInStaffMember(app.database.db, { role, organisationKey });
  const [name, value] = staff.cookie.split('=') as [string, string];
  await visitor.context.clearCookies();
  await visitor.context.addCookies([{ name, value, url: app.baseUrl }]);
}

describe('good practices in a browser', () => {
  for (const viewport of viewports) {
    test(`submit, review, publish and find by "sportclubs", ${viewport.name}`, async () => {
      const visitor = await Visitor.open(browser, app.baseUrl, viewport);
      const { page } = visitor;
      const marker = uniqueKey(viewport.name).replace('-', '');
      const title = `Iedereen naar de sportclub ${marker}`;
      try {
        await signIn(visitor, 'coordinator', organisation);
        await visitor.goto('/beheer', 'staff home');
        await visitor.navigate('own practices', () =>
          page.getByRole('link', { name: 'Goede voorbeelden insturen' }).click(),
        );
        await visitor.navigate('new practice', () =>
          page.getByRole('link', { name: 'Nieuw voorbeeld insturen' }).click(),
        );
        await visitor.navigate('practice errors', () =>
          page.getByRole('button', { name: 'Insturen' }).click(),
        );
        await page.getByRole('alert').waitFor();
        await page.getByLabel('Titel').fill(title);
        await page
          .getByLabel('Samenvatting in een paar zinnen')
          .fill('Kinderen sporten gratis bij een sportclub in de buurt.');
        await page
          .getByLabel('Het probleem')
          .fill('De contributie was voor veel gezinnen te duur, dus kinderen bleven thuis.');
        await page
          .getByLabel('De aanpak')
          .fill('De gemeente betaalt de contributie rechtstreeks aan de club van het kind.');
        await page.getByLabel(/^Ambitie 1/).check();
        await page.getByLabel('Vrije tijd en meedoen').check();
        await page.getByLabel('Voor wie').fill('Kinderen van 4 tot 18 jaar');
        await page
          .getByLabel('Resultaten')
          .fill('Na een jaar sporten 240 kinderen meer bij een club in de gemeente.');
        await page.getByLabel('Gemeten (onderzoek of cijfers)').check();
        await page.getByLabel('Kosten').fill('225 euro per kind per jaar');
        await page.getByLabel('Contact').fill('sport@gemeente.example.nl');
        await visitor.navigate('practice submitted', () =>
          page.getByRole('button', { name: 'Insturen' }).click(),
        );
        await page.getByText('Je voorbeeld is ingestuurd.').waitFor();

        await signIn(visitor, 'national_analyst', uniqueKey('rijk'));
        await visitor.goto('/beheer', 'analyst home');
        await visitor.navigate('review queue', () =>
          page.getByRole('link', { name: 'Goede voorbeelden beoordelen' }).click(),
        );
        const open = () => page.getByRole('link', { name: new RegExp(`^Bekijken.*${title}$`) }).click();
        await visitor.navigate('review page', open);
        await page.getByLabel('Beoordeeld: klaar om te publiceren').check();
        await visitor.navigate('reviewed', () => page.getByRole('button', { name: 'Opslaan' }).click());
        await visitor.navigate('review page again', open);
        await page.getByLabel('Publiceren').check();
        await visitor.navigate('published', () => page.getByRole('button', { name: 'Opslaan' }).click());

        await visitor.context.clearCookies();
        await visitor.goto('/goede-voorbeelden', 'library');
        await page.getByLabel('Zoek in de voorbeelden').fill(`sportclubs ${marker}`);
        await visitor.navigate('search results', () =>
          page.getByLabel('Zoek in de voorbeelden').press('Enter'),
        );
        await page.getByRole('heading', { name: '1 voorbeeld gevonden' }).waitFor();
        await visitor.navigate('practice', () =>
          page.getByRole('link', { name: new RegExp(`^Lees het voorbeeld.*${title}$`) }).click(),
        );
        assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), title);
      } finally {
        await visitor.close();
      }
    });
  }
});
