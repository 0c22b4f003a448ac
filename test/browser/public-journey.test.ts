import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { startApp, type RunningApp } from './support/app-server.ts';
import { launchBrowser, NARROWEST, viewports, Visitor, type Viewport } from './support/browser.ts';
import { expectNoHorizontalScroll } from './support/checks.ts';
import { focusedElement, tabUntil } from './support/keyboard.ts';
import { HomePage, ResultsPage } from './support/pages.ts';
import type { Locale } from './support/texts.ts';

// The public journey of a parent, in a real browser against the real app on the demo catalogue: on a phone
// and on a desktop, in Dutch and in English. Every page a visitor reaches is scanned with axe (WCAG 2.1 A
// and AA, no serious or critical violation) and, on the phone, checked for horizontal scrolling: see
// Visitor.arrive in support/browser.ts.

const UTRECHT = { code: 'GM0344', name: 'Utrecht', postcode: '3511 AB' };
// Postcode area 1261 lies almost entirely in Blaricum; one address is in Laren (CBS: "Laren (NH.)").
const SPLIT = { postcode: '1261', first: 'Blaricum', chosen: { code: 'GM0417', name: 'Laren (NH.)' } };
// Well-formed, but not a postcode area in the CBS file (data/reference/pc4_gemeente_2023.csv).
const UNKNOWN_POSTCODE = '1000';

// The four combinations of screen and language run side by side (set BROWSER_TEST_CONCURRENCY=1 to debug).
const CONCURRENCY = Number(process.env.BROWSER_TEST_CONCURRENCY ?? 2);

let app: RunningApp;
let browser: Browser;

/** A new visitor (own cookies) on the home page, in the language chosen with the link in the header. */
async function withVisitor(
  viewport: Viewport,
  locale: Locale,
  journey: (visitor: Visitor, home: HomePage) => Promise<void>,
): Promise<void> {
  const visitor = await Visitor.open(browser, app.baseUrl, viewport);
  try {
    const home = await HomePage.open(visitor);
    await visitor.chooseLanguage(locale);
    await journey(visitor, home);
  } finally {
    await visitor.close();
  }
}

async function expectResultsFor(
  results: ResultsPage,
  municipality: { code: string; name: string },
  age?: number,
) {
  const heading = (await results.heading.innerText()).trim();
  assert.ok(heading.includes(municipality.name), `h1 "${heading}" names ${municipality.name}`);
  assert.equal(heading, results.visitor.text.resultsHeading(municipality.name));
  assert.equal(results.query().get('municipality'), municipality.code);
  if (age !== undefined) assert.equal(results.query().get('age'), String(age));
}

function journeys(viewport: Viewport, locale: Locale): void {
  test('postcode and age lead to the results, a provision and back', () =>
    withVisitor(viewport, locale, async (visitor, home) => {
      const results = await home.searchFor(UTRECHT.postcode, '10');
      await expectResultsFor(results, UTRECHT, 10);
      assert.ok((await results.cards.count()) >= 3, 'several provisions are listed');
      assert.ok(await results.exampleNotice.isVisible(), 'the example-data notice is shown');

      const { name, detail } = await results.openFirstProvision();
      assert.equal((await detail.heading.innerText()).trim(), name);
      assert.ok(await detail.exampleBadge.isVisible(), `the "${visitor.text.exampleBadge}" badge is shown`);
      assert.equal(await visitor.page.locator('html').getAttribute('lang'), locale, 'the language stays');

      await expectResultsFor(await detail.back(), UTRECHT, 10);
    }));

  test('a postcode in two municipalities asks which one', () =>
    withVisitor(viewport, locale, async (visitor, home) => {
      const choice = await home.searchSplitPostcode(SPLIT.postcode, '10');
      assert.equal((await choice.heading.innerText()).trim(), visitor.text.chooseTitle);
      assert.equal(await choice.options.count(), 2, 'two radio buttons');
      assert.deepEqual(await choice.optionNames(), [SPLIT.first, SPLIT.chosen.name]);
      assert.ok(
        await choice.option(SPLIT.first).isChecked(),
        'the municipality of most addresses is preselected',
      );

      await expectResultsFor(await choice.choose(SPLIT.chosen.name), SPLIT.chosen, 10);
    }));

  test('errors are summarised, shown at the field and keep what was typed', () =>
    withVisitor(viewport, locale, async (visitor, home) => {
      const messages: string[] = [];
      for (const postcode of ['', '12', UNKNOWN_POSTCODE]) {
        await home.searchExpectingError(postcode);
        await home.expectFieldError('postcode', postcode);
        messages.push(await home.field('postcode').error.innerText());
      }
      assert.equal(new Set(messages).size, 3, `each error says what is wrong: ${messages.join(' | ')}`);

      await home.field('postcode').summaryLink.click();
      assert.equal(new URL(visitor.page.url()).hash, '#postcode');
      assert.equal(
        (await focusedElement(visitor.page)).id,
        'postcode',
        'the summary link puts the cursor in the field',
      );

      const results = await ResultsPage.open(visitor, UTRECHT.code, 10);
      await results.filterByAge('99');
      await results.expectFieldError('age', '99');
      assert.ok((await results.cards.count()) > 0, 'the results stay, unfiltered by the bad age');
    }));

  test('keyboard only: skip link, header links, postcode field, Enter', () =>
    withVisitor(viewport, locale, async (visitor) => {
      const { page } = visitor;
      await visitor.goto('/', 'home, for the keyboard');

      await page.keyboard.press('Tab');
      const first = await focusedElement(page);
      assert.match(
        first.classes,
        /utrecht-skip-link/,
        `the skip link comes first, got ${JSON.stringify(first)}`,
      );
      const skipLink = await page.locator('.utrecht-skip-link').boundingBox();
      assert.ok(skipLink && skipLink.width > 1 && skipLink.height > 1, 'the skip link shows when focused');

      const stops = await tabUntil(page, 'postcode', 5);
      assert.ok(stops.length >= 1, 'the header links come before the form');
      for (const stop of stops)
        assert.ok(stop.inHeader, `only header links before the form: ${JSON.stringify(stop)}`);

      await page.keyboard.type(UTRECHT.postcode);
      await page.keyboard.press('Tab');
      assert.equal((await focusedElement(page)).id, 'age');
      await page.keyboard.type('10');
      await visitor.navigate('results, after Enter', () => page.keyboard.press('Enter'));
      await expectResultsFor(new ResultsPage(visitor), UTRECHT, 10);

      // The skip link moves focus past the header: the next Tab lands in the form.
      await visitor.goto('/', 'home, for the skip link');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      assert.equal(
        (await focusedElement(page)).id,
        'inhoud',
        'the skip link moves focus to the main content',
      );
      await page.keyboard.press('Tab');
      assert.equal((await focusedElement(page)).id, 'postcode');
    }));

  test('the footer credits CBS on the results page', () =>
    withVisitor(viewport, locale, async (visitor) => {
      const results = await ResultsPage.open(visitor, UTRECHT.code, 10);
      const footer = await results.footer.innerText();
      assert.ok(
        footer.includes(visitor.text.cbsCredit),
        `the footer says "${visitor.text.cbsCredit}": "${footer}"`,
      );
    }));

  if (viewport.width <= NARROWEST) {
    test(`no page scrolls horizontally at ${viewport.width} px`, () =>
      withVisitor(viewport, locale, async (visitor, home) => {
        const { page } = visitor;
        const steps: [string, () => Promise<unknown>][] = [
          ['home', async () => undefined],
          ['postcode error', () => home.searchExpectingError('12')],
          ['choose municipality', () => home.searchSplitPostcode(SPLIT.postcode, '10')],
          ['results', () => ResultsPage.open(visitor, UTRECHT.code, 10)],
          ['provision', () => new ResultsPage(visitor).openFirstProvision()],
          ['age error', () => ResultsPage.open(visitor, UTRECHT.code, 10).then((r) => r.filterByAge('99'))],
          ['sources', () => visitor.goto('/bronnen', 'sources')],
          [
            'unknown municipality',
            () => visitor.goto('/voorzieningen?municipality=GM9999', 'unknown municipality'),
          ],
          ['not found', () => visitor.goto('/bestaat-niet', 'not found')],
        ];
        for (const [label, step] of steps) {
          await step();
          await expectNoHorizontalScroll(page, label);
          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          assert.ok(width <= viewport.width, `${label}: scrollWidth ${width} > ${viewport.width}`);
        }
      }));
  }
}

describe('public journeys', { concurrency: CONCURRENCY }, () => {
  before(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  });

  after(async () => {
    await browser?.close();
    await app?.close();
  });

  for (const viewport of viewports) {
    for (const locale of ['nl', 'en'] as const) {
      describe(
        `on a ${viewport.name} (${viewport.width}×${viewport.height}) in ${locale}`,
        { concurrency: 1 },
        () => journeys(viewport, locale),
      );
    }
  }
});
