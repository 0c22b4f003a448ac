import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { childKeyFor } from '../../src/applications/child-key.ts';
import {
  applicationEvents,
  applicationItems,
  deliveries,
  deliveryRecords,
} from '../../src/applications/schema.ts';
import { submitApplication, type Submission } from '../../src/applications/submit.ts';
import { moveItem } from '../../src/applications/transition.ts';
import { loadConfig } from '../../src/platform/config.ts';
import type { DatabaseHandle } from '../../src/platform/db.ts';
import { mailOutbox } from '../../src/platform/mail/schema.ts';
import { createPseudonymiser } from '../../src/platform/processing-log/index.ts';
import { processingLog } from '../../src/platform/processing-log/schema.ts';
import { buildTestApp } from '../support/app.ts';
import { databasesUnderTest } from '../support/databases.ts';
import { buildCatalogue, insertCatalogue, uniqueKey } from '../support/factories.ts';
import { signedInStaffMember, type SignedInStaff } from '../support/staff.ts';

const now = new Date('2026-03-10T10:00:00Z');
const clock = { now: () => now };
const secret = loadConfig({ NODE_ENV: 'test' }).secret;
const pseudonymiser = createPseudonymiser(secret);
const traceId = '0af7651916cd43dd8448eb211c80319c';
const DAY = 24 * 60 * 60 * 1000;

for (const target of databasesUnderTest()) {
  describe(`handling applications on ${target.name}`, () => {
    let database: DatabaseHandle;
    let app: FastifyInstance;
    let handler: SignedInStaff;
    let otherHandler: SignedInStaff;
    let intermediary: SignedInStaff;
    let organisation = '';
    let otherOrganisation = '';
    let sport = ''; // a budget of €300 per child per calendar year
    let culture = ''; // no budget
    let elsewhere = ''; // handled by the other organisation
    // Unique per run: PostgreSQL is shared between runs, and budgets count by child key.
    const houseNumber = String(randomInt(1, 99_999));
    const email = `${uniqueKey('gezin')}@example.org`;
    const childKey = () => {
      const keyed = childKeyFor(
        secret,
        { firstName: 'Zoë', birthDate: '2015-03-28', postcode: '3511AB', houseNumber },
        '2026-03-10',
      );
      assert.ok(keyed.ok);
      return keyed.key;
    };

    before(async () => {
      database = await target.open();
      app = await buildTestApp(database, { clock });
      const own = buildCatalogue([
        { offeredIn: ['GM0344'], amount: { cents: 30000, kind: 'budget', period: 'calendar_year' } },
        { offeredIn: ['GM0344'], category: 'culture', amount: undefined },
      ]);
      const other = buildCatalogue([{ offeredIn: ['GM0344'] }]);
      organisation = own.organisationKey;
      [sport, culture] = own.provisionKeys as [string, string];
      otherOrganisation = other.organisationKey;
      elsewhere = other.provisionKeys[0]!;
      await insertCatalogue(database.db, own.catalogue);
      await insertCatalogue(database.db, other.catalogue);
      handler = await signedInStaffMember(database.db, { role: 'handler', organisationKey: organisation });
      otherHandler = await signedInStaffMember(database.db, {
        role: 'handler',
        organisationKey: otherOrganisation,
      });
      intermediary = await signedInStaffMember(database.db, {
        role: 'intermediary',
        organisationKey: organisation,
      });
    });
    after(async () => {
      await app.close();
      await database.close();
    });

    const queue = (org = organisation) => `/beheer/organisaties/${org}/aanvragen`;
    const itemUrl = (id: string, org = organisation) => `${queue(org)}/${id}`;
    const get = (url: string, as = handler) =>
      app.inject({ method: 'GET', url, headers: { cookie: as.cookie } });
    const post = (url: string, fields: Record<string, string>, as = handler) =>
      app.inject({
        method: 'POST',
        url,
        headers: { cookie: as.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: as.csrf, ...fields }).toString(),
      });

    /** One application for the one child, for the provisions given; returns its items by provision. */
    async function apply(provisionKeys: string[], options: { daysAgo?: number; municipality?: string } = {}) {
      const submission: Submission = {
        submissionKey: uniqueKey('handling'),
        channel: 'family',
        intermediary: null,
        municipalityCode: options.municipality ?? 'GM0344',
        postcode: '3511AB',
        houseNumber,
        householdType: 'single_parent',
        incomeSource: 'bijstand',
        netIncomeCents: 125_000,
        intermediaryVouches: false,
        contactEmail: email,
        contactPhone: '0612345678',
        locale: 'nl',
        consent: { text: 'Ik geef toestemming.', by: 'parent' },
        children: [
          {
            firstName: 'Zoë',
            birthDate: '2015-03-28',
            childKey: childKey(),
            provisions: provisionKeys.map((key) => ({
              key,
              handledBy: key === elsewhere ? otherOrganisation : organisation,
              eligibility: {
                outcome: 'eligible',
                reasons: [{ code: 'age_within', params: { age: 10, min: 4, max: 17 } }],
              },
            })),
          },
        ],
      };
      const submittedAt = new Date(now.getTime() - (options.daysAgo ?? 0) * DAY);
      const submitted = await submitApplication(submission, {
        db: database.db,
        clock: { now: () => submittedAt },
        secret,
        pseudonymiser,
        actor: { personId: null, role: 'family', organisation: null },
        traceId,
        confirmation: () => ({ subject: 'Ontvangen', body: 'Ontvangen' }),
      });
      const rows = await database.db
        .select({ id: applicationItems.id, provisionKey: applicationItems.provisionKey })
        .from(applicationItems)
        .where(eq(applicationItems.applicationId, submitted.id));
      return {
        reference: submitted.reference,
        trackingPath: `/volgen/${submitted.trackingToken}`,
        item: (key: string) => rows.find((r) => r.provisionKey === key)!.id,
      };
    }

    const logCount = async (action: string) =>
      (
        await database.db
          .select({ id: processingLog.id })
          .from(processingLog)
          .where(
            and(
              eq(processingLog.subjectPseudonym, pseudonymiser.pseudonym('child', childKey())),
              eq(processingLog.activity, 'applications.handle'),
              eq(processingLog.action, action),
            ),
          )
      ).length;
    const statusMails = async () =>
      (
        await database.db
          .select({ body: mailOutbox.body })
          .from(mailOutbox)
          .where(and(eq(mailOutbox.recipient, email), eq(mailOutbox.purpose, 'application-status')))
      ).map((m) => m.body);
    const statusOf = async (id: string) =>
      (await database.db.select().from(applicationItems).where(eq(applicationItems.id, id)))[0]!.status;
    const eventsOf = (id: string) =>
      database.db
        .select()
        .from(applicationEvents)
        .where(eq(applicationEvents.itemId, id))
        .orderBy(applicationEvents.id);

    let first: Awaited<ReturnType<typeof apply>>;
    let old: Awaited<ReturnType<typeof apply>>;

    test('the queue lists the organisation’s items without names, with filters and counts per status', async () => {
      first = await apply([sport, culture, elsewhere]);
      old = await apply([culture], { daysAgo: 20, municipality: 'GM0363' });
      const reads = await logCount('read');

      const all = await get(queue());
      assert.equal(all.statusCode, 200, all.body);
      assert.ok(all.body.includes(first.reference));
      assert.ok(all.body.includes(old.reference));
      assert.ok(all.body.includes(`href="${itemUrl(first.item(sport))}"`));
      assert.ok(all.body.includes(`href="${itemUrl(first.item(culture))}"`));
      assert.ok(!all.body.includes(first.item(elsewhere)), 'another organisation’s item is not listed');
      assert.doesNotMatch(all.body, /Zoë/, 'the queue shows no names');
      assert.match(all.body, /20 dagen/);
      assert.equal(await logCount('read'), reads, 'showing no child’s data logs nothing');

      const byProvision = await get(`${queue()}?voorziening=${sport}`);
      assert.ok(byProvision.body.includes(first.item(sport)));
      assert.ok(!byProvision.body.includes(first.item(culture)));
      const byMunicipality = await get(`${queue()}?gemeente=GM0363`);
      assert.ok(byMunicipality.body.includes(old.reference));
      assert.ok(!byMunicipality.body.includes(first.reference));
      const byAge = await get(`${queue()}?ouder-dan=14`);
      assert.ok(byAge.body.includes(old.reference));
      assert.ok(!byAge.body.includes(first.reference));
      const byStatus = await get(`${queue()}?status=granted`);
      assert.match(byStatus.body, /Er zijn geen aanvragen/);
      // Oldest first unless asked otherwise.
      assert.ok(all.body.indexOf(old.reference) < all.body.indexOf(first.reference));
      const newest = await get(`${queue()}?volgorde=newest`);
      assert.ok(newest.body.indexOf(first.reference) < newest.body.indexOf(old.reference));
      // Counts per status: three items received.
      assert.match(all.body, /Ontvangen<\/a><\/th><td[^>]*>3<\/td>/);

      const wrongAge = await get(`${queue()}?ouder-dan=veel`);
      assert.equal(wrongAge.statusCode, 400);
      assert.match(wrongAge.body, /heel aantal dagen/);
    });

    test('another organisation’s handler gets "not found", never the item', async () => {
      const id = first.item(sport);
      assert.equal((await get(queue(), otherHandler)).statusCode, 404);
      assert.equal((await get(itemUrl(id), otherHandler)).statusCode, 404);
      assert.equal((await get(itemUrl(id, otherOrganisation), otherHandler)).statusCode, 404);
      const decided = await post(
        `${itemUrl(id, otherOrganisation)}/besluit`,
        { decision: 'granted' },
        otherHandler,
      );
      assert.equal(decided.statusCode, 404);
      assert.equal(await statusOf(id), 'submitted');
      // Their own queue does not show it either.
      const theirs = await get(queue(otherOrganisation), otherHandler);
      assert.ok(theirs.body.includes(first.item(elsewhere)));
      assert.ok(!theirs.body.includes(id));
      assert.equal((await get(itemUrl('not-a-uuid'))).statusCode, 404);
    });

    test('the item shows what the decision needs and logs one read for the child', async () => {
      const reads = await logCount('read');
      const page = await get(itemUrl(first.item(sport)));
      assert.equal(page.statusCode, 200, page.body);
      assert.match(page.body, /Zoë/);
      assert.match(page.body, /10 jaar/);
      assert.match(page.body, /Bijstand/);
      assert.match(page.body, /1\.250/);
      assert.match(page.body, /Komt waarschijnlijk in aanmerking/);
      // Contact details wait until the item is taken in progress.
      assert.ok(!page.body.includes(email));
      assert.equal(await logCount('read'), reads + 1);
    });

    test('decisions move the status with history, one log record per action and the family’s mail', async () => {
      const id = first.item(sport);
      const updates = await logCount('update');
      const taken = await post(`${itemUrl(id)}/besluit`, { decision: 'in_progress', status: 'submitted' });
      assert.equal(taken.statusCode, 303, taken.body);
      assert.equal(await statusOf(id), 'in_progress');
      assert.equal(await logCount('update'), updates + 1);
      assert.deepEqual(await statusMails(), [], 'taking in progress is no news for the family');
      assert.ok((await get(taken.headers.location!)).body.includes(email), 'contact now shown');

      // A question needs its text; without it nothing changes.
      const empty = await post(`${itemUrl(id)}/besluit`, {
        decision: 'information_requested',
        question: ' ',
      });
      assert.equal(empty.statusCode, 400);
      assert.match(empty.body, /Schrijf de vraag/);
      assert.equal(await statusOf(id), 'in_progress');
      assert.equal(await logCount('update'), updates + 1);

      const asked = await post(`${itemUrl(id)}/besluit`, {
        decision: 'information_requested',
        status: 'in_progress',
        question: 'Hoe heet de sportclub?',
      });
      assert.equal(asked.statusCode, 303);
      assert.equal(await statusOf(id), 'information_requested');
      assert.equal(await logCount('update'), updates + 2);
      assert.equal((await statusMails()).length, 1);
      assert.match((await statusMails())[0]!, /meer informatie nodig/);

      // Deciding on a page that is out of date, or a move the status does not allow: a clear no, no change.
      const stale = await post(`${itemUrl(id)}/besluit`, { decision: 'granted', status: 'in_progress' });
      assert.equal(stale.statusCode, 409);
      assert.match(
        stale.body,
        /staat nu op &quot;Informatie gevraagd&quot;|staat nu op "Informatie gevraagd"/,
      );
      const illegal = await post(`${itemUrl(id)}/besluit`, { decision: 'granted' });
      assert.equal(illegal.statusCode, 409);
      assert.equal(await statusOf(id), 'information_requested');
      assert.equal(await logCount('update'), updates + 2);

      // The family answers (through the tracking page or their intermediary: both use moveItem).
      const answered = await database.db.transaction((tx) =>
        moveItem(
          tx,
          {
            itemId: id,
            to: 'information_answered',
            actor: { kind: 'family', personId: null, role: 'family', organisation: null },
            text: 'VV De Meeuwen',
            now,
            traceId,
          },
          { secret, publicBaseUrl: 'http://localhost', pseudonymiser },
        ),
      );
      assert.ok(answered.ok);
      assert.match((await get(itemUrl(id))).body, /VV De Meeuwen/);

      const granted = await post(`${itemUrl(id)}/besluit`, {
        decision: 'granted',
        status: 'information_answered',
        note: 'Veel plezier bij de club.',
      });
      assert.equal(granted.statusCode, 303);
      assert.equal(await statusOf(id), 'granted');
      assert.equal(await logCount('update'), updates + 3);
      assert.equal((await statusMails()).length, 2);
      const history = await eventsOf(id);
      assert.deepEqual(
        history.map((e) => [e.fromStatus, e.toStatus, e.actorKind]),
        [
          [null, 'submitted', 'family'],
          ['submitted', 'in_progress', 'staff'],
          ['in_progress', 'information_requested', 'staff'],
          ['information_requested', 'information_answered', 'family'],
          ['information_answered', 'granted', 'staff'],
        ],
      );
      assert.equal(history[2]!.text, 'Hoe heet de sportclub?');
      assert.equal(history[4]!.actorPersonId, handler.personId);
    });

    test('a refusal needs a reason from the list and an explanation', async () => {
      const id = first.item(culture);
      const missing = await post(`${itemUrl(id)}/besluit`, { decision: 'refused', reason: 'made_up' });
      assert.equal(missing.statusCode, 400);
      assert.match(missing.body, /Kies de reden/);
      assert.match(missing.body, /Schrijf de uitleg/);
      assert.equal(await statusOf(id), 'submitted');
      const refused = await post(`${itemUrl(id)}/besluit`, {
        decision: 'refused',
        status: 'submitted',
        reason: 'provided_elsewhere',
        explanation: 'Dit krijgt Zoë al via de gemeente.',
      });
      assert.equal(refused.statusCode, 303);
      assert.equal(await statusOf(id), 'refused');
      const last = (await eventsOf(id)).at(-1)!;
      assert.equal(last.reasonCode, 'provided_elsewhere');
      assert.match((await get(itemUrl(id))).body, /Al gekregen via een andere regeling/);
      // The family reads the reason in words beside the handler's explanation, in their language.
      const tracking = await app.inject({ method: 'GET', url: first.trackingPath });
      assert.match(
        tracking.body,
        /Afgewezen \(Reden: al gekregen via een andere regeling\)\. Dit krijgt Zoë al/,
      );
      const inEnglish = await app.inject({ method: 'GET', url: `${first.trackingPath}?lang=en` });
      assert.match(inEnglish.body, /Refused \(Reason: already provided through another scheme\)/);
    });

    test('a delivery checks the child’s budget across applications, and is counted once', async () => {
      const id = first.item(sport);
      const delivery = `${itemUrl(id)}/levering`;
      const page = await get(itemUrl(id));
      assert.match(page.body, /Budget per kind in kalenderjaar 2026: €\s300/);

      const bad = await post(delivery, { deliveredOn: '2026-04-01', description: '', value: 'veel' });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /in de toekomst/);
      assert.match(bad.body, /Schrijf op wat er is geleverd/);
      assert.match(bad.body, /Vul de waarde in euro in/);
      assert.equal(await statusOf(id), 'granted');

      const updates = await logCount('update');
      const delivered = await post(delivery, {
        status: 'granted',
        deliveredOn: '2026-03-10',
        description: 'Contributie voetbalclub',
        value: '200',
      });
      assert.equal(delivered.statusCode, 303, delivered.body);
      assert.equal(await statusOf(id), 'delivered');
      assert.equal(await logCount('update'), updates + 1);
      assert.match((await statusMails()).at(-1)!, /is geleverd/);
      const [stored] = await database.db.select().from(deliveries).where(eq(deliveries.itemId, id));
      assert.equal(stored!.valueCents, 20000);
      assert.equal(stored!.budgetOverrideReason, null);
      assert.equal(stored!.registeredBy, handler.personId);
      const records = () =>
        database.db.select().from(deliveryRecords).where(eq(deliveryRecords.childKey, childKey()));
      const [record] = await records();
      assert.deepEqual(
        {
          source: record!.source,
          municipality: record!.municipalityCode,
          year: record!.year,
          income: record!.incomeSource,
          category: record!.category,
          value: record!.valueCents,
          organisation: record!.handlingOrganisation,
        },
        {
          source: `meedoen:${id}`,
          municipality: 'GM0344',
          year: 2026,
          income: 'bijstand',
          category: 'sport',
          value: 20000,
          organisation,
        },
      );
      // A second registration of the same delivery changes nothing.
      const twice = await post(delivery, { deliveredOn: '2026-03-10', description: 'Nog eens', value: '1' });
      assert.equal(twice.statusCode, 409);
      assert.equal((await records()).length, 1);
      assert.match((await get(itemUrl(id))).body, /Geleverd op 10 maart 2026/);

      // The same child applies again: €100 of the €300 is left this calendar year.
      const again = await apply([sport]);
      const second = again.item(sport);
      await post(`${itemUrl(second)}/besluit`, { decision: 'granted' });
      assert.equal(await statusOf(second), 'granted');
      const over = {
        status: 'granted',
        deliveredOn: '2026-03-10',
        description: 'Sportschoenen',
        value: '150',
      };
      const refused = await post(`${itemUrl(second)}/levering`, over);
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /nog €\s100 over/);
      const noReason = await post(`${itemUrl(second)}/levering`, { ...over, override: '1' });
      assert.equal(noReason.statusCode, 400);
      assert.match(noReason.body, /Schrijf waarom je het budget overschrijdt/);
      assert.equal(await statusOf(second), 'granted');
      assert.equal((await records()).length, 1);

      const accepted = await post(`${itemUrl(second)}/levering`, {
        ...over,
        override: '1',
        overrideReason: 'Schoenen waren nodig om te kunnen meedoen.',
      });
      assert.equal(accepted.statusCode, 303, accepted.body);
      assert.equal(await statusOf(second), 'delivered');
      const [overridden] = await database.db.select().from(deliveries).where(eq(deliveries.itemId, second));
      assert.equal(overridden!.budgetOverrideReason, 'Schoenen waren nodig om te kunnen meedoen.');
      const all = await records();
      assert.equal(all.length, 2);
      assert.deepEqual(all.map((r) => r.source).sort(), [`meedoen:${id}`, `meedoen:${second}`].sort());
    });

    test('a coordinator of the organisation may handle too; an intermediary may not', async () => {
      const coordinator = await signedInStaffMember(database.db, {
        role: 'coordinator',
        organisationKey: organisation,
      });
      assert.equal((await get(queue(), coordinator)).statusCode, 200);
      const english = await get(`${queue()}?lang=en&status=all`, coordinator);
      assert.match(english.body, /Number per status/);
      assert.match(english.body, /Delivered/);
      const item = await get(`${itemUrl(first.item(sport))}?lang=en`, coordinator);
      assert.equal(item.statusCode, 200);
      assert.match(item.body, /Delivered on 10 March 2026/);
      assert.match(item.body, /There is nothing left to decide here/);
      assert.equal((await get(queue(), intermediary)).statusCode, 404);
      assert.equal((await get(itemUrl(old.item(culture)), intermediary)).statusCode, 404);
    });
  });
}
