import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { insertRecord } from '../../src/insight/store.ts';
import { createPseudonymiser } from '../../src/platform/processing-log/index.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { deliveredItem } from '../support/delivered-item.ts';
import { buildCatalogue, insertCatalogue } from '../support/factories.ts';
import { signedInStaffMember } from '../support/staff.ts';
import { buildTestApp } from '../support/app.ts';
import { startApp, type RunningApp } from './support/app-server.ts';
import { launchBrowser, NARROWEST, viewports, Visitor } from './support/browser.ts';
import { focusedElement } from './support/keyboard.ts';

// A researcher records a portrait and sees the life domains' co-occurrence; a child answers the
// questionnaire after a delivery, on a phone, with the keyboard only. Every page is scanned with axe.

let app: RunningApp;
let browser: Browser;
let organisation = '';
const secret = loadConfig({ NODE_ENV: 'test' }).secret;

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

describe('insight in a browser', () => {
  for (const viewport of viewports) {
    test(`record a portrait and see the domain matrix, ${viewport.name}`, async () => {
      const visitor = await Visitor.open(browser, app.baseUrl, viewport);
      const { page } = visitor;
      try {
        const staff = await signedInStaffMember(app.database.db, {
          role: 'researcher',
          organisationKey: organisation,
        });
        const [name, value] = staff.cookie.split('=') as [string, string];
        await visitor.context.addCookies([{ name, value, url: app.baseUrl }]);
        await visitor.goto('/beheer', 'staff home');
        await visitor.navigate('record form', () =>
          page.getByRole('link', { name: 'Portret of signaal vastleggen' }).click(),
        );
        await page
          .getByLabel('De situatie', { exact: true })
          .fill('Het meisje heet Sanne en gaat zonder ontbijt naar school.');
        await visitor.navigate('record errors', () => page.getByRole('button', { name: 'Opslaan' }).click());
        await page.getByRole('alert').waitFor();
        await page.getByText('Schrijf geen namen op.', { exact: false }).first().waitFor();

        await page.getByLabel(/^Portret/).check();
        await page.getByLabel('Gemeente').selectOption('GM0344');
        await page.getByLabel('Leeftijd van het kind').selectOption('4-11');
        await page
          .getByLabel('De situatie', { exact: true })
          .fill('Het kind gaat zonder ontbijt naar school en sport niet mee met de klas.');
        await page.getByLabel('School', { exact: true }).selectOption('2');
        await page.getByLabel('Voeding en basisbehoeften').selectOption('3');
        await page.getByLabel('Vrije tijd en meedoen').selectOption('1');
        await visitor.navigate('record saved', () => page.getByRole('button', { name: 'Opslaan' }).click());
        await page.getByText('Opgeslagen. Dank je.').waitFor();

        // Eleven more by colleagues, so the figures pass disclosure control.
        const pseudonymiser = createPseudonymiser(secret);
        const actor = { personId: staff.personId, role: 'researcher', organisation };
        for (let i = 0; i < 11; i += 1)
          await app.database.db.transaction((tx) =>
            insertRecord(
              tx,
              {
                organisationKey: organisation,
                recordedBy: staff.personId,
                record: {
                  kind: 'signal',
                  municipality: 'GM0344',
                  observedOn: '2026-01-15',
                  ageGroup: '12-17',
                  story: 'Geen geld voor de schoolreis, het kind meldt zich ziek.',
                  severity: [
                    { domain: 'school', severity: 2 },
                    { domain: 'basic_needs', severity: 1 },
                  ],
                  supportConnected: '',
                  supportMissing: '',
                  quote: '',
                  quoteConsent: false,
                },
              },
              { actor, traceId: '0af7651916cd43dd8448eb211c80319c', pseudonymiser },
            ),
          );

        await visitor.navigate('insight figures', () =>
          page.getByRole('link', { name: 'Bekijk de cijfers van alle organisaties samen' }).click(),
        );
        const matrix = page.getByRole('table', {
          name: 'Aantal portretten en signalen per paar leefgebieden',
        });
        const row = matrix.getByRole('row', { name: /^School/ });
        const cells = await row.getByRole('cell').allInnerTexts();
        assert.ok(Number(cells[0]) >= 12, `school × school is shown: ${cells.join(' | ')}`);
        const leisure = await matrix
          .getByRole('row', { name: /^Vrije tijd/ })
          .getByRole('cell')
          .allInnerTexts();
        assert.ok(
          leisure.some((cell) => cell.startsWith('–')),
          'a pair seen fewer than 10 times is hidden',
        );
      } finally {
        await visitor.close();
      }
    });
  }

  test('a child answers the questionnaire at 360 px with the keyboard only', async () => {
    const phone = viewports.find((v) => v.width === NARROWEST)!;
    // The handler's delivery goes through the staff pages of a second app on the same database.
    const staffApp = await buildTestApp(app.database);
    const { token, itemId } = await deliveredItem(app.database.db, staffApp);
    await staffApp.close();
    const visitor = await Visitor.open(browser, app.baseUrl, phone);
    const { page } = visitor;
    const press = async (key: string) => page.keyboard.press(key);
    /** Tab to the element with this id (or whose text matches), then it has focus. */
    const tabTo = async (match: (f: Awaited<ReturnType<typeof focusedElement>>) => boolean, limit = 40) => {
      for (let i = 0; i < limit; i += 1) {
        await press('Tab');
        if (match(await focusedElement(page))) return;
      }
      throw new Error('not reached by Tab');
    };
    try {
      await visitor.goto(`/volgen/${token}`, 'tracking page');
      await tabTo((f) => f.tag === 'a' && f.text.startsWith('Wat vond je kind van'));
      await visitor.navigate('questionnaire start', () => press('Enter'));
      await tabTo((f) => f.tag === 'button' && f.text === 'Beginnen');
      await visitor.navigate('question 1', () => press('Enter'));
      await tabTo((f) => f.id === 'liked-first');
      await press('Space');
      await tabTo((f) => f.tag === 'button');
      await visitor.navigate('question 2', () => press('Enter'));
      // Nothing ticked: the error summary links to the first box.
      await tabTo((f) => f.tag === 'button');
      await visitor.navigate('question 2 error', () => press('Enter'));
      await page.getByRole('alert').waitFor();
      await tabTo((f) => f.id === 'meant');
      await press('Space');
      await tabTo((f) => f.id === 'meant-learned');
      await press('Space');
      await tabTo((f) => f.tag === 'button');
      await visitor.navigate('question 3', () => press('Enter'));
      await tabTo((f) => f.id === 'missing');
      await page.keyboard.type('Een tas voor mijn spullen');
      await tabTo((f) => f.tag === 'button');
      await visitor.navigate('question 4', () => press('Enter'));
      await tabTo((f) => f.id === 'filledInBy-first');
      await press('ArrowDown');
      await tabTo((f) => f.tag === 'button' && f.text === 'Versturen');
      await visitor.navigate('thanks', () => press('Enter'));
      await page.getByRole('heading', { name: 'Dank je wel!' }).waitFor();
      assert.ok(page.url().endsWith(`/vragenlijst/${itemId}`));
    } finally {
      await visitor.close();
    }
  });
});
