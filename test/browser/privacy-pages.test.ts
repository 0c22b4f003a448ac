import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  completeSecondFactor,
  resumeSession,
  SESSION_COOKIE,
  startSession,
} from '../../src/identity/sessions.ts';
import { createPerson } from '../../src/identity/store.ts';
import { loadConfig } from '../../src/platform/config.ts';
import {
  createPseudonymiser,
  defineActivity,
  logProcessing,
  type ProcessingEntry,
} from '../../src/platform/processing-log/index.ts';
import { newTraceId } from '../../src/platform/trace.ts';
import { uniqueKey } from '../support/factories.ts';
import { startApp, type RunningApp } from './support/app-server.ts';
import { launchBrowser, viewports, Visitor } from './support/browser.ts';

// A privacy officer searches the processing log and answers a person's request to see their data. Every page
// is scanned with axe (Visitor.arrive), on a phone and on a desktop. Signing in itself is covered by
// staff-sign-in.test.ts, so the session is made in the database and handed to the browser as its cookie.

const secret = loadConfig({ NODE_ENV: 'test' }).secret;
const unique = () => randomBytes(6).toString('hex');
const viewChild = defineActivity({
  code: `test.browser-view-${unique()}`,
  subjectKind: 'child',
  purpose: { nl: 'Kijken of een kind recht heeft op hulp', en: 'Checking whether a child can get help' },
  legalBasis: { nl: 'Participatiewet, artikel 35', en: 'Participation Act, article 35' },
});

let app: RunningApp;
let browser: Browser;

before(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
});
after(async () => {
  await browser?.close();
  await app?.close();
});

async function privacyOfficerSession(): Promise<string> {
  const now = new Date();
  const person = await createPerson(app.database.db, {
    email: `${uniqueKey('privacy')}@example.org`,
    displayName: 'Pim Privacy',
    memberships: [{ organisationKey: uniqueKey('gemeente'), role: 'privacy_officer' }],
  });
  const half = await resumeSession(app.database.db, await startSession(app.database.db, person.id, now), now);
  return completeSecondFactor(app.database.db, half!, now);
}

async function logAbout(childId: string, actorPersonId: string, count: number): Promise<void> {
  const pseudonymiser = createPseudonymiser(secret);
  const entry = (): ProcessingEntry => ({
    actor: { personId: actorPersonId, role: 'handler', organisation: 'stichting-leergeld' },
    activity: viewChild,
    action: 'read',
    subject: { kind: 'child', id: childId },
    traceId: newTraceId(),
  });
  await app.database.db.transaction(async (tx) => {
    for (let i = 0; i < count; i++) await logProcessing(tx, entry(), pseudonymiser);
  });
}

describe('the privacy officer’s pages in a browser', () => {
  for (const viewport of viewports) {
    test(`search the processing log and answer a person's request, ${viewport.name}`, async () => {
      const childId = `kind-${unique()}`;
      const actor = `person-${unique()}`;
      await logAbout(childId, actor, 3);
      const token = await privacyOfficerSession();

      const visitor = await Visitor.open(browser, app.baseUrl, viewport);
      const { page } = visitor;
      await visitor.context.addCookies([{ name: SESSION_COOKIE, value: token, url: app.baseUrl }]);
      try {
        await visitor.goto('/beheer/verwerkingen', 'processing log');
        await page.getByRole('heading', { level: 1, name: 'Logboek van verwerkingen' }).waitFor();

        await page.getByLabel('Pseudoniem van de persoon').fill('geen pseudoniem');
        await visitor.navigate('search with an error', () =>
          page.getByRole('button', { name: 'Zoeken' }).click(),
        );
        await page.getByRole('alert').filter({ hasText: '64 tekens' }).waitFor();

        await page.getByLabel('Pseudoniem van de persoon').fill('');
        await page.getByLabel('Verwerking', { exact: true }).selectOption(viewChild.code);
        await page.getByLabel('Nummer van de medewerker').fill(actor);
        await visitor.navigate('search results', () => page.getByRole('button', { name: 'Zoeken' }).click());
        const table = page.getByRole('region', { name: 'Verwerkingen 1 tot en met 3 van 3' });
        await table.waitFor();
        assert.equal(await table.getByRole('row').count(), 4);
        assert.match(await table.innerText(), new RegExp(actor));

        await visitor.navigate('request to see personal data', () =>
          page.getByRole('link', { name: 'Beantwoord een verzoek van een persoon om inzage' }).click(),
        );
        await page.getByRole('heading', { level: 1, name: 'Verzoek om inzage' }).waitFor();
        await page.getByLabel('Over wie gaat het verzoek?').selectOption('child');
        await page.getByLabel('Nummer van de persoon').fill(childId);
        await visitor.navigate('processings about the person', () =>
          page.getByRole('button', { name: 'Verwerkingen tonen' }).click(),
        );
        const answer = page.getByRole('region', { name: '3 verwerkingen over deze persoon' });
        await answer.waitFor();
        assert.match(await answer.innerText(), /Kijken of een kind recht heeft op hulp/);
        assert.match(await answer.innerText(), /Participatiewet, artikel 35/);
        // The identifier was posted: it is in no address, not in the title, and not shown again.
        assert.ok(!page.url().includes(childId));
        assert.ok(!(await page.title()).includes(childId));
        assert.ok(!(await page.content()).includes(childId));
        assert.ok(visitor.visited.every((path) => !path.includes(childId)));
      } finally {
        await visitor.close();
      }
    });
  }
});
