import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { buildCatalogue, insertCatalogue } from '../support/factories.ts';
import { freePort } from '../support/ports.ts';
import { signedInStaffMember } from '../support/staff.ts';
import { startApp, type RunningApp } from './support/app-server.ts';
import { launchBrowser, viewports, Visitor } from './support/browser.ts';

// The two journeys end to end, on a phone (360 px), with every page scanned by axe: a parent applies
// → the municipality grants and registers the delivery → the parent sees "delivered"; an intermediary
// applies → the handler asks for information → the intermediary answers → the handler grants.

let app: RunningApp;
let browser: Browser;
let school = '';
const municipality = 'gemeente-utrecht'; // handles the example catalogue's U-pas in Utrecht
const provision = /^Sport en cultuur met de U-pas/;
const phone = viewports[0]!;

before(async () => {
  const port = await freePort();
  [app, browser] = await Promise.all([
    startApp({ port, env: { PUBLIC_BASE_URL: `http://127.0.0.1:${port}` } }),
    launchBrowser(),
  ]);
  const built = buildCatalogue([{ offeredIn: ['GM0037'] }]);
  school = built.organisationKey;
  await insertCatalogue(app.database.db, built.catalogue);
});
after(async () => {
  await browser?.close();
  await app?.close();
});

async function asStaff(visitor: Visitor, role: 'handler' | 'intermediary', organisationKey: string) {
  await visitor.context.clearCookies();
  const staff = await signedInStaffMember(app.database.db, { role, organisationKey });
  const [name, value] = staff.cookie.split('=') as [string, string];
  await visitor.context.addCookies([{ name, value, url: app.baseUrl }]);
}

async function openInQueue(visitor: Visitor, reference: string) {
  const { page } = visitor;
  await visitor.goto(`/beheer/organisaties/${municipality}/aanvragen`, 'queue');
  await visitor.navigate('item', () =>
    page
      .getByRole('link', { name: new RegExp(reference) })
      .first()
      .click(),
  );
}

const referenceOn = async (page: Page) =>
  /MD-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(await page.getByRole('main').innerText())![0];

describe('the application journeys in a browser, on a phone', () => {
  test('a parent applies, the municipality grants and delivers, the parent sees it delivered', async () => {
    const visitor = await Visitor.open(browser, app.baseUrl, phone);
    const { page } = visitor;
    const main = page.getByRole('main');
    const next = (label: string) =>
      visitor.navigate(label, () => main.getByRole('button', { name: 'Volgende', exact: true }).click());
    try {
      await visitor.goto('/aanvragen', 'intro');
      await visitor.navigate('address', () =>
        main.getByRole('button', { name: 'Begin met aanvragen' }).click(),
      );
      await page.getByLabel('Postcode', { exact: true }).fill('3511 AB');
      await page.getByLabel('Huisnummer', { exact: true }).fill('21');
      await next('household');
      await page.getByLabel('Alleen met mijn kind of kinderen').check();
      await page.getByLabel('21 jaar of ouder, maar nog geen AOW').check();
      await next('income source');
      await page.getByLabel('Werk', { exact: true }).check();
      await next('income');
      await page.getByLabel('Hoeveel geld komt er elke maand binnen?').fill('1600');
      await page.getByRole('radio', { name: 'Nee', exact: true }).check();
      await next('children');
      await page.getByLabel('Voornaam van het kind').fill('Fenna');
      await page.getByLabel('Geboortedatum').fill('2015-03-28');
      await next('provisions');
      await main.getByRole('checkbox', { name: provision }).first().check();
      await next('contact');
      await page.getByLabel('E-mailadres').fill('ouder@example.org');
      await page.getByLabel('Nederlands').check();
      await next('consent');
      await page.getByLabel('Ik ben de ouder of verzorger van de kinderen').check();
      await page.getByLabel('Ik heb dit gelezen en geef toestemming').check();
      await next('check your answers');
      await visitor.navigate('sent', () => main.getByRole('button', { name: 'Aanvraag versturen' }).click());
      const reference = await referenceOn(page);
      const trackingLink = await main.getByRole('link', { name: 'Bekijk je aanvraag' }).getAttribute('href');
      assert.ok(trackingLink);

      await asStaff(visitor, 'handler', municipality);
      await openInQueue(visitor, reference);
      await page.getByText('Fenna', { exact: true }).waitFor();
      await visitor.navigate('granted', () => page.getByRole('button', { name: 'Toekennen' }).click());
      await page.getByText('De aanvraag is toegekend.').waitFor();
      await page.getByLabel('Wat is geleverd?').fill('U-pas met sporttegoed');
      await page.getByLabel('Waarde in euro').fill('150');
      await visitor.navigate('delivered', () =>
        page.getByRole('button', { name: 'Levering vastleggen' }).click(),
      );
      await page.getByText('De levering is vastgelegd.').waitFor();

      await visitor.context.clearCookies();
      await visitor.goto(trackingLink, 'tracking page after delivery');
      const card = main.getByRole('listitem').filter({ hasText: provision }).first();
      assert.match(await card.innerText(), /Geleverd/);
    } finally {
      await visitor.close();
    }
  });

  test('an intermediary applies, the handler asks for information, the intermediary answers, it is granted', async () => {
    const visitor = await Visitor.open(browser, app.baseUrl, phone);
    const { page } = visitor;
    const saveAndNext = (label: string) =>
      visitor.navigate(label, () => page.getByRole('button', { name: 'Opslaan en verder' }).click());
    try {
      await asStaff(visitor, 'intermediary', school);
      await visitor.goto(`/beheer/organisaties/${school}/caseload`, 'caseload');
      await visitor.navigate('family step', () =>
        page.getByRole('button', { name: 'Nieuwe aanvraag voor een gezin' }).click(),
      );
      await page.getByLabel('Postcode van het gezin').fill('3511 AB');
      await page.getByLabel('Huisnummer').fill('40');
      await page.getByLabel('Met één ouder').check();
      await page.getByLabel('21 jaar of ouder, maar nog geen AOW').check();
      await page.getByLabel('Bijstand').check();
      await page.getByLabel(/^Ik vul geen inkomen in/).check();
      await saveAndNext('children step');
      await page.getByLabel('Voornaam').fill('Daan');
      await page.getByLabel(/^Geboortedatum/).fill('2014-09-30');
      await saveAndNext('provisions step');
      await page.getByLabel(provision).first().check();
      await saveAndNext('sending step');
      await page.getByLabel('E-mailadres van het gezin').fill('gezin@example.org');
      await page.getByLabel('Nederlands').check();
      await page.getByLabel(/^De ouder of verzorger/).check();
      await page.getByLabel(/^Het gezin weet dat ik deze aanvraag doe/).check();
      await visitor.navigate('sent', () => page.getByRole('button', { name: 'Aanvraag versturen' }).click());
      const reference = await referenceOn(page);
      const intermediaryCookies = await visitor.context.cookies();

      await asStaff(visitor, 'handler', municipality);
      await openInQueue(visitor, reference);
      await page.getByLabel('Wat wil je weten?').fill('Mag de school de schoolpas laten zien?');
      await visitor.navigate('question sent', () =>
        page.getByRole('button', { name: 'Vraag versturen' }).click(),
      );
      const handlerCookies = await visitor.context.cookies();

      await visitor.context.clearCookies();
      await visitor.context.addCookies(intermediaryCookies);
      await visitor.goto(`/beheer/organisaties/${school}/caseload`, 'caseload with a question');
      await visitor.navigate('application', () => page.getByRole('link', { name: /^Daan/ }).first().click());
      await page.getByText('Mag de school de schoolpas laten zien?').first().waitFor();
      await page.getByLabel('Jouw antwoord').fill('Ja, de schoolpas is bekeken.');
      await visitor.navigate('answered', () =>
        page.getByRole('button', { name: 'Antwoord versturen' }).click(),
      );
      await page.getByText('Je antwoord is verstuurd.').waitFor();

      await visitor.context.clearCookies();
      await visitor.context.addCookies(handlerCookies);
      await openInQueue(visitor, reference);
      await page.getByText('Ja, de schoolpas is bekeken.').first().waitFor();
      await visitor.navigate('granted', () => page.getByRole('button', { name: 'Toekennen' }).click());
      await page.getByText('De aanvraag is toegekend.').waitFor();

      await visitor.context.clearCookies();
      await visitor.context.addCookies(intermediaryCookies);
      await visitor.goto(`/beheer/organisaties/${school}/caseload`, 'caseload after the grant');
      await page.getByText(/Daan: Sport en cultuur met de U-pas — Toegekend/).waitFor();
    } finally {
      await visitor.close();
    }
  });
});
