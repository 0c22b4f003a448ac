import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { buildCatalogue, insertCatalogue } from '../support/factories.ts';
import { signedInStaffMember } from '../support/staff.ts';
import { startApp, type RunningApp } from './support/app-server.ts';
import { launchBrowser, viewports, Visitor } from './support/browser.ts';

// An intermediary applies on a family's behalf in four steps, with the errors a hurried colleague makes on
// the way, and finds the application in their caseload; every page is scanned with axe on a phone and a
// desktop.

let app: RunningApp;
let browser: Browser;
let organisation = '';
let provisionName = '';

before(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  const built = buildCatalogue([{ offeredIn: ['GM0344'], ages: { min: 4, max: 17 } }]);
  organisation = built.organisationKey;
  provisionName = `Voorziening ${built.provisionKeys[0]}`;
  await insertCatalogue(app.database.db, built.catalogue);
});
after(async () => {
  await browser?.close();
  await app?.close();
});

describe('applying as an intermediary in a browser', () => {
  for (const viewport of viewports) {
    test(`apply for a family and see it in the caseload, ${viewport.name}`, async () => {
      const visitor = await Visitor.open(browser, app.baseUrl, viewport);
      const { page } = visitor;
      try {
        const staff = await signedInStaffMember(app.database.db, {
          role: 'intermediary',
          organisationKey: organisation,
        });
        const [name, value] = staff.cookie.split('=') as [string, string];
        await visitor.context.addCookies([{ name, value, url: app.baseUrl }]);
        const child = viewport.name === 'phone' ? 'Noor' : 'Sem';

        await visitor.goto(`/beheer/organisaties/${organisation}/caseload`, 'empty caseload');
        await visitor.navigate('family step', () =>
          page.getByRole('button', { name: 'Nieuwe aanvraag voor een gezin' }).click(),
        );
        await visitor.navigate('family errors', () =>
          page.getByRole('button', { name: 'Opslaan en verder' }).click(),
        );
        await page.getByRole('alert').waitFor();
        await page.getByLabel('Postcode van het gezin').fill('3511 AB');
        await page.getByLabel('Huisnummer').fill('8');
        await page.getByLabel('Met één ouder').check();
        await page.getByLabel('21 jaar of ouder, maar nog geen AOW').check();
        await page.getByLabel('Bijstand').check();
        await page.getByLabel(/^Ik vul geen inkomen in/).check();
        await visitor.navigate('children step', () =>
          page.getByRole('button', { name: 'Opslaan en verder' }).click(),
        );

        await page.getByLabel('Voornaam').fill(child);
        await page.getByLabel(/^Geboortedatum/).fill('2016-05-04');
        await visitor.navigate('second child row', () =>
          page.getByRole('button', { name: 'Nog een kind toevoegen' }).click(),
        );
        await page.getByRole('heading', { name: 'Kind 2' }).waitFor();
        await visitor.navigate('provisions step', () =>
          page.getByRole('button', { name: 'Opslaan en verder' }).click(),
        );

        await page.getByRole('group', { name: `Voor ${child}` }).waitFor();
        await page
          .getByText(/Komt waarschijnlijk in aanmerking|Misschien/)
          .first()
          .waitFor();
        await page.getByLabel(new RegExp(`^${provisionName}`)).check();
        await visitor.navigate('sending step', () =>
          page.getByRole('button', { name: 'Opslaan en verder' }).click(),
        );

        await page.getByLabel('E-mailadres van het gezin').fill('gezin@example.org');
        await page.getByLabel('Nederlands').check();
        await page.getByLabel(/^De ouder of verzorger/).check();
        await visitor.navigate('consent missing', () =>
          page.getByRole('button', { name: 'Aanvraag versturen' }).click(),
        );
        await page.getByRole('alert').waitFor();
        await page.getByLabel('Nederlands').check();
        await page.getByLabel(/^De ouder of verzorger/).check();
        await page.getByLabel(/^Het gezin weet dat ik deze aanvraag doe/).check();
        await visitor.navigate('application sent', () =>
          page.getByRole('button', { name: 'Aanvraag versturen' }).click(),
        );
        await page.getByText(/De aanvraag is verstuurd\. De code is MD-/).waitFor();

        await visitor.navigate('caseload with the application', () =>
          page.getByRole('link', { name: 'Terug naar mijn caseload' }).click(),
        );
        await page.getByRole('link', { name: new RegExp(`^${child}`) }).waitFor();
        await page.getByText(`${child}: ${provisionName} — Ontvangen`).waitFor();
      } finally {
        await visitor.close();
      }
    });
  }
});
