import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { buildCatalogue, insertCatalogue } from '../support/factories.ts';
import { signedInStaffMember } from '../support/staff.ts';
import { startApp, type RunningApp } from './support/app-server.ts';
import { launchBrowser, viewports, Visitor } from './support/browser.ts';
import { tabUntil } from './support/keyboard.ts';

// A handler of a partner organisation uploads a delivery file from the staff home page, with the keyboard:
// first a wrong file (the error is on the form), then a large one whose page shows the progress and refreshes
// itself until the validation report is there. Every page is scanned with axe on a phone and a desktop.

let app: RunningApp;
let browser: Browser;
let organisation = '';

before(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  const built = buildCatalogue([]);
  organisation = built.organisationKey;
  await insertCatalogue(app.database.db, built.catalogue);
});
after(async () => {
  await browser?.close();
  await app?.close();
});

const key = `ck1_${'ab'.repeat(32)}`;

/** Enough rows that the import is still running when its page first opens; two are wrong. */
function deliveryFile(prefix: string, rows: number): Buffer {
  const lines = ['reference,municipality,delivered_on,category,value,income_source,child_key'];
  for (let i = 1; i <= rows; i++)
    lines.push(`${prefix}-${i},GM0363,2025-03-28,sport,"12,50",bijstand,${key}`);
  lines.push(`${prefix}-x,Atlantis,2025-03-28,sport,10,bijstand,${key}`);
  lines.push(`${prefix}-y,GM0363,2025-03-28,ponies,10,bijstand,not-a-key`);
  return Buffer.from(lines.join('\n'));
}

describe('uploading deliveries in a browser', () => {
  for (const viewport of viewports) {
    test(`upload, progress and report, ${viewport.name}`, async () => {
      const visitor = await Visitor.open(browser, app.baseUrl, viewport);
      const { page } = visitor;
      try {
        const staff = await signedInStaffMember(app.database.db, {
          role: 'handler',
          organisationKey: organisation,
        });
        const [name, value] = staff.cookie.split('=') as [string, string];
        await visitor.context.addCookies([{ name, value, url: app.baseUrl }]);

        await visitor.goto('/beheer', 'staff home');
        await visitor.navigate('upload page', () =>
          page.getByRole('link', { name: 'Leveringen importeren (CSV of Excel)' }).click(),
        );
        const file = page.getByLabel('Bestand met leveringen');
        await file.setInputFiles({
          name: 'foto.png',
          mimeType: 'image/png',
          buffer: Buffer.from([0x89, 0x50, 0, 0, 1]),
        });
        await tabUntil(page, 'bestand', 40);
        await page.keyboard.press('Tab');
        await visitor.navigate('upload error', () => page.keyboard.press('Enter'));
        await page
          .getByRole('alert')
          .getByRole('link', { name: /geen CSV- of Excel-bestand/ })
          .waitFor();

        await page.getByLabel('Bestand met leveringen').setInputFiles({
          name: `leveringen-${viewport.name}.csv`,
          mimeType: 'text/csv',
          buffer: deliveryFile(viewport.name, 40_000),
        });
        // The run page shows the progress so far; it refreshes itself only when asked (WCAG 2.2.1).
        await page.getByRole('button', { name: 'Importeren' }).click();
        await page.waitForURL(/\/leveringen\/[0-9a-f-]{36}$/);
        const runUrl = new URL(page.url()).pathname;
        await visitor.goto(runUrl, 'progress');
        assert.equal(await page.locator('meta[http-equiv="refresh"]').count(), 0);
        // Read as the browser would get it again, so the import cannot finish between the page and the check.
        const asked = await (
          await page.request.get(new URL(`${runUrl}?verversen=aan`, app.baseUrl).href)
        ).text();
        assert.match(asked, /<meta http-equiv="refresh" content="5"\/?>|Regels met een fout/);

        // Asked to refresh itself, the page arrives at the report without anyone doing anything.
        await page.goto(new URL(`${runUrl}?verversen=aan`, app.baseUrl).href);
        await page.getByRole('heading', { name: 'Regels met een fout' }).waitFor({ timeout: 120_000 });
        await visitor.goto(runUrl, 'report');
        assert.equal(await page.locator('meta[http-equiv="refresh"]').count(), 0);
        const table = page.getByRole('table', { name: 'Fouten per regel en kolom' });
        await table.getByRole('row', { name: /40002 municipality Deze gemeente kennen we niet/ }).waitFor();
        await table.getByRole('row', { name: /40003 category Deze categorie kennen we niet/ }).waitFor();
        await table.getByRole('row', { name: /40003 child_key Deze kindsleutel klopt niet/ }).waitFor();
        const download = page.waitForEvent('download');
        await page.getByRole('link', { name: 'Correctiebestand downloaden (CSV)' }).click();
        assert.match((await download).suggestedFilename(), /^correctie-[0-9a-f]{8}\.csv$/);
      } finally {
        await visitor.close();
      }
    });
  }
});
