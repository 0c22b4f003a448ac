import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { freePort } from '../support/ports.ts';
import { startApp, type RunningApp } from './support/app-server.ts';
import { launchBrowser, viewports, Visitor } from './support/browser.ts';

// A parent applies for one child without an account, on a phone (in Dutch) and on a desktop (in English):
// every page scanned with axe, then the tracking link from the confirmation shows the application received.

let app: RunningApp;
let browser: Browser;

before(async () => {
  const port = await freePort();
  [app, browser] = await Promise.all([
    startApp({ port, env: { PUBLIC_BASE_URL: `http://127.0.0.1:${port}` } }),
    launchBrowser(),
  ]);
});
after(async () => {
  await browser?.close();
  await app?.close();
});

const words = {
  nl: {
    start: 'Begin met aanvragen',
    next: 'Volgende',
    postcode: 'Postcode',
    houseNumber: 'Huisnummer',
    single: 'Alleen met mijn kind of kinderen',
    age: '21 jaar of ouder, maar nog geen AOW',
    source: 'Werk',
    amount: 'Hoeveel geld komt er elke maand binnen?',
    noAssets: 'Nee',
    firstName: 'Voornaam van het kind',
    birthDate: 'Geboortedatum',
    provision: /Sport en cultuur met de U-pas/,
    email: 'E-mailadres',
    dutch: 'Nederlands',
    parent: 'Ik ben de ouder of verzorger van de kinderen',
    agree: 'Ik heb dit gelezen en geef toestemming',
    send: 'Aanvraag versturen',
    sent: 'Je aanvraag is verstuurd',
    track: 'Bekijk je aanvraag',
    received: 'Ontvangen',
    firstNameError: 'Vul de voornaam van het kind in.',
  },
  en: {
    start: 'Start your application',
    next: 'Next',
    postcode: 'Postcode',
    houseNumber: 'House number',
    single: 'Only with my child or children',
    age: '21 or older, but no state pension yet',
    source: 'Work',
    amount: 'How much money comes in each month?',
    noAssets: 'No',
    firstName: 'The child’s first name',
    birthDate: 'Date of birth',
    provision: /Sport en cultuur met de U-pas|Sport and culture with the U-pas/,
    email: 'E-mail address',
    dutch: 'Dutch (Nederlands)',
    parent: 'I am the parent or carer of the children',
    agree: 'I have read this and I agree',
    send: 'Send application',
    sent: 'Your application has been sent',
    track: 'View your application',
    received: 'Submitted',
    firstNameError: "Enter the child's first name.",
  },
};

describe('applying without an account', () => {
  for (const [viewport, locale] of [
    [viewports[0]!, 'nl'],
    [viewports[1]!, 'en'],
  ] as const) {
    test(`a parent applies for one child and follows it (${viewport.name}, ${locale})`, async () => {
      const visitor = await Visitor.open(browser, app.baseUrl, viewport);
      const { page } = visitor;
      const w = words[locale];
      const main = page.getByRole('main');
      const next = (label: string) =>
        visitor.navigate(label, () => main.getByRole('button', { name: w.next, exact: true }).click());
      try {
        await visitor.goto('/aanvragen', 'intro');
        await visitor.chooseLanguage(locale);
        await visitor.navigate('address', () => main.getByRole('button', { name: w.start }).click());
        await page.getByLabel(w.postcode, { exact: true }).fill('3511 AB');
        await page.getByLabel(w.houseNumber, { exact: true }).fill('1');
        await next('household');
        await page.getByLabel(w.single).check();
        await page.getByLabel(w.age).check();
        await next('income source');
        await page.getByLabel(w.source, { exact: true }).check();
        await next('income');
        await page.getByLabel(w.amount).fill('1600');
        await page.getByRole('radio', { name: w.noAssets, exact: true }).check();
        await next('children');

        // Next without a child: the error is shown at the field, and nothing is lost.
        await next('children with an error');
        assert.match(await page.title(), /^(Fout|Error): /);
        await page.getByRole('alert').getByRole('link', { name: w.firstNameError }).waitFor();
        await page.getByLabel(w.firstName).fill('Zoë');
        await page.getByLabel(w.birthDate).fill('2015-03-28');
        await next('provisions');

        await main.getByRole('checkbox', { name: w.provision }).first().check();
        await next('contact');
        await page.getByLabel(w.email).fill('ouder@example.org');
        await page.getByLabel(w.dutch).check();
        await next('consent');
        await page.getByLabel(w.parent).check();
        await page.getByLabel(w.agree).check();
        await next('check your answers');

        // Back and forward keep what was typed: the draft is on the server.
        await visitor.navigate('back to consent', () => page.goBack());
        assert.equal(await page.getByLabel(w.agree).isChecked(), true);
        await visitor.navigate('forward to the check page', () => page.goForward());
        assert.match(await main.innerText(), /Zoë/);

        await visitor.navigate('confirmation', () => main.getByRole('button', { name: w.send }).click());
        await page.getByRole('heading', { level: 1, name: w.sent }).waitFor();
        assert.doesNotMatch(page.url(), /3511|1600|Zo/);
        assert.match(await main.innerText(), /MD-[0-9A-Z]{4}-[0-9A-Z]{4}/);

        await visitor.navigate('tracking page', () => main.getByRole('link', { name: w.track }).click());
        assert.match(page.url(), /\/volgen\/[A-Za-z0-9_-]{20,}$/);
        const card = main.getByRole('listitem').filter({ hasText: w.provision }).first();
        assert.match(await card.innerText(), new RegExp(w.received));
      } finally {
        await visitor.close();
      }
    });
  }
});
