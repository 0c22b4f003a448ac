import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { isoDateInAmsterdam } from '../../src/platform/clock.ts';
import { buildCatalogue, insertCatalogue, uniqueKey } from '../support/factories.ts';
import { signedInStaffMember } from '../support/staff.ts';
import { startApp, type RunningApp } from './support/app-server.ts';
import { launchBrowser, viewports, Visitor } from './support/browser.ts';

// A coordinator finds the schemes from the staff home page, creates one and adds a version; every page,
// including the ones with errors, is scanned with axe on a phone and a desktop.

let app: RunningApp;
let browser: Browser;
let organisation = '';

before(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  const built = buildCatalogue([{ offeredIn: ['GM0344'] }]);
  organisation = built.organisationKey;
  await insertCatalogue(app.database.db, built.catalogue);
});
after(async () => {
  await browser?.close();
  await app?.close();
});

const daysFromNow = (days: number) => isoDateInAmsterdam(new Date(Date.now() + days * 86_400_000));

describe('the scheme editor in a browser', () => {
  for (const viewport of viewports) {
    test(`create a scheme and add a version, ${viewport.name}`, async () => {
      const visitor = await Visitor.open(browser, app.baseUrl, viewport);
      const { page } = visitor;
      try {
        const staff = await signedInStaffMember(app.database.db, {
          role: 'coordinator',
          organisationKey: organisation,
        });
        const [name, value] = staff.cookie.split('=') as [string, string];
        await visitor.context.addCookies([{ name, value, url: app.baseUrl }]);

        await visitor.goto('/beheer', 'staff home');
        await visitor.navigate('scheme list', () =>
          page.getByRole('link', { name: 'Regelingen (wie kan wat krijgen)' }).click(),
        );
        await visitor.navigate('new scheme', () =>
          page.getByRole('link', { name: 'Nieuwe regeling' }).click(),
        );
        await visitor.navigate('new scheme errors', () =>
          page.getByRole('button', { name: 'Opslaan' }).click(),
        );
        await page.getByRole('alert').waitFor();

        const schemeName = `Kindregeling ${viewport.name}`;
        await page.getByLabel(/^Sleutel/).fill(uniqueKey('kindregeling'));
        await page.getByLabel('Naam (Nederlands)').fill(schemeName);
        await page.getByLabel('Naam (Engels)').fill(`Child scheme ${viewport.name}`);
        await page.getByLabel(/^Gemeentecode/).fill('GM0344');
        await page.getByLabel('Ja, een percentage van de bijstandsnorm').check();
        await page.getByLabel(/^Percentage van de bijstandsnorm/).fill('125');
        await page.getByLabel('Ja, de norm met vakantiegeld').check();
        await page.getByRole('group', { name: 'Wordt het vermogen getoetst?' }).getByLabel('Nee').check();
        await page.getByLabel(/^Bron/).fill('Beleidsregel kindregeling 2026');
        await visitor.navigate('scheme saved', () => page.getByRole('button', { name: 'Opslaan' }).click());
        await page.getByText('Opgeslagen.').waitFor();

        await visitor.navigate('scheme page', () =>
          page
            .getByRole('link', { name: new RegExp(`^Versies bekijken en toevoegen.*${schemeName}$`) })
            .click(),
        );
        await page.getByLabel(/^Geldt vanaf/).fill(daysFromNow(-1));
        await visitor.navigate('version errors', () => page.getByRole('button', { name: 'Opslaan' }).click());
        await page.getByRole('alert').waitFor();
        await page.getByLabel(/^Geldt vanaf/).fill(daysFromNow(40));
        await page.getByLabel('Ja, een percentage van de bijstandsnorm').check();
        await page.getByLabel(/^Percentage van de bijstandsnorm/).fill('130');
        await page.getByLabel('Nee, de norm zonder vakantiegeld').check();
        await page.getByRole('group', { name: 'Wordt het vermogen getoetst?' }).getByLabel('Ja').check();
        await page.getByLabel(/^Bron/).fill('Raadsbesluit');
        await visitor.navigate('version saved', () => page.getByRole('button', { name: 'Opslaan' }).click());
        await page.getByText('Opgeslagen.').waitFor();
        await page.getByRole('heading', { name: /^Versie 2, vanaf/ }).waitFor();
      } finally {
        await visitor.close();
      }
    });
  }
});
