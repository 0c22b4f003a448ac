import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { startApp, type RunningApp } from './support/app-server.ts';
import { launchBrowser, viewports, Visitor } from './support/browser.ts';

// The self-check in a real browser: one question per page, by keyboard only on a phone, every page
// scanned with axe (see Visitor.arrive), and back/forward keeping the answers.

let app: RunningApp;
let browser: Browser;

before(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
});
after(async () => {
  await browser?.close();
  await app?.close();
});

describe('the self-check', () => {
  test('a parent answers every question by keyboard on a phone and sees outcomes per child', async () => {
    const visitor = await Visitor.open(browser, app.baseUrl, viewports[0]!);
    const { page } = visitor;
    const pressEnter = (label: string) => visitor.navigate(label, () => page.keyboard.press('Enter'));
    /** Tabs to the first choice of the question, moves with the arrow keys, and submits with Enter. */
    async function choose(label: string, arrowsDown: number) {
      await page.locator('input[type=radio]').first().focus();
      for (let i = 0; i < arrowsDown; i++) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Space');
      await pressEnter(label);
    }
    try {
      await visitor.goto('/check', 'check intro');
      await page.getByRole('link', { name: 'Begin' }).focus();
      await pressEnter('postcode question');
      await page.getByLabel('Wat is je postcode?').focus();
      await page.keyboard.type('3511 AB');
      await pressEnter('household question');
      await choose('age question', 0); // alleen met mijn kinderen
      await choose('children question', 1); // 21 tot AOW
      await page.getByLabel('Hoe oud zijn je kinderen?').focus();
      await page.keyboard.type('10, 15');
      await pressEnter('income question');
      await page.getByLabel('Hoeveel geld komt er elke maand binnen?').focus();
      await page.keyboard.type('1600');
      await pressEnter('assets question');
      await choose('result', 0); // nee

      assert.match(page.url(), /\/check\/uitkomst\?s=/);
      assert.doesNotMatch(page.url(), /1600|3511/);
      await page.getByRole('heading', { level: 1, name: 'Hulp voor je kinderen in Utrecht' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Kind 1 (10 jaar)' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Kind 2 (15 jaar)' }).waitFor();
      const sport = page.getByRole('listitem').filter({ hasText: 'Sport en cultuur met de U-pas' }).first();
      assert.match(await sport.innerText(), /Dit kan/);
      assert.match(await sport.innerText(), /Vraag het zelf aan bij Gemeente Utrecht/);
      assert.match(await page.locator('main').innerText(), /van de bijstandsnorm/);

      // Not-possible outcomes are folded away; a summary element opens them without script.
      const folded = page.locator('details summary').first();
      await folded.focus();
      await page.keyboard.press('Enter');
      assert.equal(await page.locator('details').first().getAttribute('open'), '');

      // Back and forward keep every answer.
      await visitor.navigate('back to assets', () => page.goBack());
      assert.equal(await page.locator('input[value=within_limit]').isChecked(), true);
      await visitor.navigate('back to income', () => page.goBack());
      assert.equal(await page.getByLabel('Hoeveel geld komt er elke maand binnen?').inputValue(), '1600');
      await visitor.navigate('forward to assets', () => page.goForward());
      await visitor.navigate('forward to result', () => page.goForward());
      assert.match(page.url(), /\/check\/uitkomst/);
    } finally {
      await visitor.close();
    }
  });

  test('a wrong answer is explained next to the field, in English too', async () => {
    const visitor = await Visitor.open(browser, app.baseUrl, viewports[1]!);
    const { page } = visitor;
    try {
      await visitor.goto('/check/woonplaats', 'postcode question');
      await visitor.chooseLanguage('en');
      await page.getByLabel('What is your postcode?').fill('12');
      await visitor.navigate('postcode error', () => page.getByRole('button', { name: 'Next' }).click());
      assert.match(await page.title(), /^Error: /);
      await page
        .getByRole('alert')
        .getByRole('link', { name: /This postcode is not valid/ })
        .waitFor();
      assert.equal(await page.getByLabel('What is your postcode?').inputValue(), '12');
    } finally {
      await visitor.close();
    }
  });
});
