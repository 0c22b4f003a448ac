import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { ensureReachReferenceData, refreshReach } from '../../src/reach/index.ts';
import { startApp, type RunningApp } from './support/app-server.ts';
import { launchBrowser, viewports, Visitor } from './support/browser.ts';
import { focusedElement } from './support/keyboard.ts';

// Both reach dashboards on a phone and a desktop: axe-clean (checked on every page the visitor reaches),
// charts that fit the screen, the national table sorted from the keyboard, and a download that works.

const UTRECHT = 'GM0344';
const ZWOLLE = 'GM0193';
let app: RunningApp;
let browser: Browser;

before(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  await ensureReachReferenceData(app.database.db);
  await app.database.db.transaction(async (tx) => {
    const groups = [
      [UTRECHT, 2024, 'bijstand', 90],
      [UTRECHT, 2025, 'bijstand', 130],
      [UTRECHT, 2025, 'work', 70],
      [UTRECHT, 2025, 'other', 5],
      [ZWOLLE, 2025, 'bijstand', 60],
    ] as const;
    for (const [code, year, income, children] of groups) {
      await tx.execute(sql`
        insert into delivery_records (source, child_key, municipality_code, year, delivered_on, income_source, category, value_cents, handling_organisation)
        select ${`${code}:${year}:${income}:`} || n, ${`${code}-${year}-${income}-`} || n, ${code}, ${year},
          ${`${year}-04-01`}, ${income}, case when n % 2 = 0 then 'sport' else 'culture' end, 2500, 'browser-club'
        from generate_series(1, ${children}) as n`);
    }
    await refreshReach(
      tx,
      groups.map(([municipalityCode, year]) => ({ municipalityCode, year })),
    );
  });
});
after(async () => {
  await browser?.close();
  await app?.close();
});

describe('the reach dashboards in a browser', () => {
  for (const viewport of viewports) {
    test(`a municipality's reach against the targets, and its download, ${viewport.name}`, async () => {
      const visitor = await Visitor.open(browser, app.baseUrl, viewport);
      const { page } = visitor;
      try {
        await visitor.goto(`/bereik/${UTRECHT}`, 'municipality dashboard');
        await page.getByRole('heading', { level: 1, name: 'Bereik in Utrecht' }).waitFor();
        assert.equal(await page.locator('#jaar').inputValue(), '2025', 'the latest year by default');
        const chart = page.getByRole('img', { name: /Bereik in Utrecht per inkomensgroep in 2025/ });
        const box = await chart.boundingBox();
        assert.ok(
          box && box.width <= viewport.width && box.width > Math.min(300, viewport.width - 60),
          `${box?.width}`,
        );
        const table = page.getByRole('table', { name: 'Bereik in Utrecht per inkomensgroep in 2025' });
        await table.getByRole('cell', { name: '— (minder dan 10)' }).first().waitFor();
        await page
          .getByText(/^Bron: CBS/)
          .first()
          .waitFor();
        await page.getByRole('cell', { name: 'schatting' }).first().waitFor();

        // Another year through the form, from the keyboard.
        await page.locator('#jaar').focus();
        await page.keyboard.press('ArrowDown');
        await visitor.navigate('municipality dashboard 2024', () =>
          page.getByRole('button', { name: 'Toon' }).press('Enter'),
        );
        assert.match(page.url(), /jaar=2024/);
        await page.getByRole('table', { name: 'Bereik in Utrecht per inkomensgroep in 2024' }).waitFor();

        const link = page.getByRole('link', {
          name: /^Bereik in Utrecht per inkomensgroep in 2024 \(CSV\)$/,
        });
        await link.focus();
        const [file] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
        assert.equal(file.suggestedFilename(), 'bereik-GM0344-2024-groepen-nl.csv');

        await visitor.chooseLanguage('en');
        await page.getByRole('heading', { level: 1, name: 'Reach in Utrecht' }).waitFor();
        await page.getByRole('heading', { name: 'What do these figures mean?' }).waitFor();
      } finally {
        await visitor.close();
      }
    });

    test(`the national overview sorted from the keyboard, ${viewport.name}`, async () => {
      const visitor = await Visitor.open(browser, app.baseUrl, viewport);
      const { page } = visitor;
      try {
        await visitor.goto('/bereik', 'national dashboard');
        // CSS, not roles, inside the table of 342 rows: computing every accessible name there takes seconds.
        const table = page.locator('#bereik-gemeenten');
        assert.equal(
          await table.locator('caption').textContent(),
          'Bereik per gemeente en inkomensgroep, 2025',
        );
        const sortLink = table.locator('thead a[href*="sorteer=bijstand&"]');
        assert.equal(await sortLink.textContent(), 'Bijstand (%), sorteer aflopend');
        await sortLink.focus();
        assert.equal((await focusedElement(page)).tag, 'a');
        await visitor.navigate('national dashboard sorted', () => page.keyboard.press('Enter'));
        const header = table.locator('thead th', { hasText: 'Bijstand (%)' });
        assert.equal(await header.getAttribute('aria-sort'), 'descending');
        const firstTwo = await table
          .locator('tbody tr th')
          .evaluateAll((cells) => cells.slice(0, 2).map((cell) => cell.textContent?.trim()));
        assert.deepEqual(firstTwo.sort(), ['Utrecht', 'Zwolle'], 'the two with a percentage come first');
        await page.getByRole('img', { name: /Aantal gemeenten per bereik bijstand/ }).waitFor();
        await page.getByRole('img', { name: 'Utrecht' }).first().waitFor();

        const link = page.getByRole('link', {
          name: /^Bereik per gemeente en inkomensgroep, 2025 \(XLSX\)$/,
        });
        await link.focus();
        const [file] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
        assert.equal(file.suggestedFilename(), 'bereik-2025-gemeenten-nl.xlsx');
      } finally {
        await visitor.close();
      }
    });
  }
});
