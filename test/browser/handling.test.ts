import { randomInt } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { childKeyFor } from '../../src/applications/child-key.ts';
import { submitApplication } from '../../src/applications/submit.ts';
import { isoDateInAmsterdam } from '../../src/platform/clock.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { createPseudonymiser } from '../../src/platform/processing-log/index.ts';
import { buildCatalogue, insertCatalogue, uniqueKey } from '../support/factories.ts';
import { signedInStaffMember } from '../support/staff.ts';
import { startApp, type RunningApp } from './support/app-server.ts';
import { launchBrowser, viewports, Visitor } from './support/browser.ts';

// A handler works through the queue: opens an application, grants it and registers the delivery, with a
// wrong value on the way; every page is scanned with axe on a phone and a desktop.

const secret = loadConfig({ NODE_ENV: 'test' }).secret;

let app: RunningApp;
let browser: Browser;
let organisation = '';
let provision = '';
let provisionName = '';

before(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  const built = buildCatalogue([{ offeredIn: ['GM0344'], ages: { min: 4, max: 17 } }]);
  organisation = built.organisationKey;
  provision = built.provisionKeys[0]!;
  provisionName = `Voorziening ${provision}`;
  await insertCatalogue(app.database.db, built.catalogue);
});
after(async () => {
  await browser?.close();
  await app?.close();
});

/** A family's application for one child, as the family pages would store it; returns its reference. */
async function familyApplies(firstName: string): Promise<string> {
  const houseNumber = String(randomInt(1, 99_999));
  const keyed = childKeyFor(
    secret,
    { firstName, birthDate: '2016-05-04', postcode: '3511AB', houseNumber },
    isoDateInAmsterdam(new Date()),
  );
  if (!keyed.ok) throw new Error('child key');
  const submitted = await submitApplication(
    {
      submissionKey: uniqueKey('browser-handling'),
      channel: 'family',
      intermediary: null,
      municipalityCode: 'GM0344',
      postcode: '3511AB',
      houseNumber,
      householdType: 'couple',
      incomeSource: 'work',
      netIncomeCents: 180_000,
      intermediaryVouches: false,
      contactEmail: 'gezin@example.org',
      contactPhone: null,
      locale: 'nl',
      consent: { text: 'Ik geef toestemming.', by: 'parent' },
      children: [
        {
          firstName,
          birthDate: '2016-05-04',
          childKey: keyed.key,
          provisions: [
            { key: provision, handledBy: organisation, eligibility: { outcome: 'eligible', reasons: [] } },
          ],
        },
      ],
    },
    {
      db: app.database.db,
      clock: { now: () => new Date() },
      secret,
      pseudonymiser: createPseudonymiser(secret),
      actor: { personId: null, role: 'family', organisation: null },
      traceId: '0af7651916cd43dd8448eb211c80319c',
      confirmation: () => ({ subject: 'Ontvangen', body: 'Ontvangen' }),
    },
  );
  return submitted.reference;
}

describe('handling an application in a browser', () => {
  for (const viewport of viewports) {
    test(`grant and deliver from the queue, ${viewport.name}`, async () => {
      const child = viewport.name === 'phone' ? 'Noor' : 'Sem';
      const reference = await familyApplies(child);
      const visitor = await Visitor.open(browser, app.baseUrl, viewport);
      const { page } = visitor;
      try {
        const staff = await signedInStaffMember(app.database.db, {
          role: 'handler',
          organisationKey: organisation,
        });
        const [name, value] = staff.cookie.split('=') as [string, string];
        await visitor.context.addCookies([{ name, value, url: app.baseUrl }]);

        await visitor.goto(`/beheer/organisaties/${organisation}/aanvragen`, 'queue');
        await page
          .getByRole('table')
          .getByRole('link', { name: new RegExp(reference) })
          .waitFor();
        await page.getByLabel('Voorziening', { exact: true }).selectOption(provision);
        await visitor.navigate('queue filtered', () =>
          page.getByRole('button', { name: 'Toon aanvragen' }).click(),
        );
        await visitor.navigate('item', () => page.getByRole('link', { name: new RegExp(reference) }).click());
        await page.getByRole('heading', { level: 1, name: new RegExp(provisionName) }).waitFor();
        await page.getByText(child, { exact: true }).waitFor();

        await visitor.navigate('granted', () => page.getByRole('button', { name: 'Toekennen' }).click());
        await page.getByText('De aanvraag is toegekend.').waitFor();

        await page.getByLabel('Wat is geleverd?').fill('Contributie sportclub');
        await page.getByLabel('Waarde in euro').fill('veel');
        await visitor.navigate('delivery error', () =>
          page.getByRole('button', { name: 'Levering vastleggen' }).click(),
        );
        await page.getByRole('alert').waitFor();
        await page.getByLabel('Waarde in euro').fill('75,50');
        await visitor.navigate('delivered', () =>
          page.getByRole('button', { name: 'Levering vastleggen' }).click(),
        );
        await page.getByText('De levering is vastgelegd.').waitFor();
        await page.locator('#huidige-status').getByText('Geleverd').waitFor();

        await visitor.navigate('queue after delivery', () =>
          page.getByRole('link', { name: 'Terug naar de aanvragen' }).click(),
        );
        await page.getByLabel('Status', { exact: true }).selectOption('delivered');
        await visitor.navigate('delivered items', () =>
          page.getByRole('button', { name: 'Toon aanvragen' }).click(),
        );
        await page
          .getByRole('table')
          .getByRole('link', { name: new RegExp(reference) })
          .waitFor();
      } finally {
        await visitor.close();
      }
    });
  }
});
