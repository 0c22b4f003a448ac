import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { ensurePovertyReferenceData } from '../../src/poverty/index.ts';
import { startApp, type RunningApp } from './support/app-server.ts';
import { launchBrowser, viewports, Visitor } from './support/browser.ts';
import { focusedElement } from './support/keyboard.ts';

// The public poverty-trend page on a phone and a desktop: axe-clean in both languages, the chart fits
// the screen, the tables scroll on their own, and a download works from the keyboard.

let app: RunningApp;
let browser: Browser;

before(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  await ensurePovertyReferenceData(app.database.db);
});
after(async () => {
  await browser?.close();
  await app?.close();
});

describe('the poverty trend page in a browser', () => {
  for (const viewport of viewports) {
    test(`read the trend, the gap and download the figures, ${viewport.name}`, async () => {
      const visitor = await Visitor.open(browser, app.baseUrl, viewport);
      const { page } = visitor;
      try {
        await visitor.goto('/armoede', 'poverty trend');
        const chart = page.getByRole('img', { name: /Percentage kinderen \(0-17 jaar\) in armoede/ });
        await chart.waitFor();
        const box = await chart.boundingBox();
        assert.ok(
          box && box.width <= viewport.width && box.width > Math.min(300, viewport.width - 60),
          `chart width ${box?.width}`,
        );
        assert.ok(box!.height > 150, 'the chart keeps its proportions');
        await page.getByRole('table', { name: 'Werkelijk cijfer tegen het streefpad, per jaar' }).waitFor();
        await page.getByText('Meedoen levert geen echte cijfers over arbeidsparticipatie mee').waitFor();
        await page
          .getByText(/^Bron: CBS \/ SCP/)
          .first()
          .waitFor();

        // The table region can be reached with the keyboard, so a phone user can scroll it.
        const region = page.getByRole('region', { name: 'Kinderen in armoede per jaar en definitie' });
        await region.focus();
        assert.equal((await focusedElement(page)).tag, 'div');

        const link = page.getByRole('link', { name: 'Werkelijk cijfer tegen het streefpad, per jaar (CSV)' });
        await link.focus();
        const [file] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
        assert.equal(file.suggestedFilename(), 'armoede-streefpad-nl.csv');

        await visitor.chooseLanguage('en');
        await page.getByRole('img', { name: /Percentage of children \(0-17\) in poverty/ }).waitFor();
        await page.getByRole('heading', { name: 'Distance to the target path' }).waitFor();
      } finally {
        await visitor.close();
      }
    });
  }
});
