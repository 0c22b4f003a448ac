import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import {
  applicationChildren,
  applicationDrafts,
  applicationEvents,
  applicationItems,
  applications,
} from '../../src/applications/schema.ts';
import { moveItem } from '../../src/applications/transition.ts';
import type { ItemStatus } from '../../src/applications/status.ts';
import { loadConfig } from '../../src/platform/config.ts';
import type { DatabaseHandle } from '../../src/platform/db.ts';
import { createPseudonymiser } from '../../src/platform/processing-log/index.ts';
import { processingLog } from '../../src/platform/processing-log/schema.ts';
import { buildTestApp } from '../support/app.ts';
import { databasesUnderTest } from '../support/databases.ts';
import { buildCatalogue, insertCatalogue } from '../support/factories.ts';
import { signedInStaffMember, type SignedInStaff } from '../support/staff.ts';

const fixedClock = { now: () => new Date('2026-03-10T10:00:00Z') };
const secret = loadConfig({ NODE_ENV: 'test' }).secret;
const pseudonymiser = createPseudonymiser(secret);
const traceId = '0af7651916cd43dd8448eb211c80319c';

const family = {
  postcode: '3511 ab',
  // PostgreSQL is shared between runs: a house number of this run's own gives this run's children own keys.
  houseNumber: `${randomInt(1, 99_999)}a`,
  householdType: 'single_parent',
  ageGroup: '21_to_pension',
  incomeSource: 'bijstand',
  income: '1.250',
};

for (const target of databasesUnderTest()) {
  describe(`an intermediary's applications and caseload on ${target.name}`, () => {
    let database: DatabaseHandle;
    let app: FastifyInstance;
    let intermediary: SignedInStaff;
    let colleague: SignedInStaff;
    let organisation = '';
    let provisionKeys: string[] = [];
    let applicationId = '';

    before(async () => {
      database = await target.open();
      app = await buildTestApp(database, { clock: fixedClock });
      const built = buildCatalogue([
        { offeredIn: ['GM0344'], ages: { min: 4, max: 17 } },
        { offeredIn: ['GM0344'], ages: { min: 4, max: 17 }, category: 'culture' },
        { offeredIn: ['GM0344'], ages: { min: 18, max: 21 } },
      ]);
      organisation = built.organisationKey;
      provisionKeys = built.provisionKeys;
      await insertCatalogue(database.db, built.catalogue);
      intermediary = await signedInStaffMember(database.db, {
        role: 'intermediary',
        organisationKey: organisation,
      });
      colleague = await signedInStaffMember(database.db, {
        role: 'intermediary',
        organisationKey: organisation,
      });
    });
    after(async () => {
      await app.close();
      await database.close();
    });

    const caseload = () => `/beheer/organisaties/${organisation}/caseload`;
    const get = (url: string, as = intermediary) =>
      app.inject({ method: 'GET', url, headers: { cookie: as.cookie } });
    const post = (url: string, fields: Record<string, string | string[]>, as = intermediary) => {
      const form = new URLSearchParams({ _csrf: as.csrf });
      for (const [name, value] of Object.entries(fields))
        for (const v of [value].flat()) form.append(name, v);
      return app.inject({
        method: 'POST',
        url,
        headers: { cookie: as.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: form.toString(),
      });
    };
    const logCount = async (childKey: string, activity: string, action: string) => {
      const rows = await database.db
        .select({ id: processingLog.id })
        .from(processingLog)
        .where(
          and(
            eq(processingLog.subjectPseudonym, pseudonymiser.pseudonym('child', childKey)),
            eq(processingLog.activity, activity),
            eq(processingLog.action, action),
          ),
        );
      return rows.length;
    };
    const childKeys = async (id: string) =>
      (
        await database.db
          .select({ key: applicationChildren.childKey })
          .from(applicationChildren)
          .where(eq(applicationChildren.applicationId, id))
          .orderBy(applicationChildren.position)
      ).map((row) => row.key!);
    const items = (id: string) =>
      database.db
        .select()
        .from(applicationItems)
        .where(eq(applicationItems.applicationId, id))
        .orderBy(applicationItems.provisionKey);
    const moveAsStaff = (itemId: string, to: ItemStatus, text: string | null = null) =>
      database.db.transaction((tx) =>
        moveItem(
          tx,
          {
            itemId,
            to,
            actor: { kind: 'staff', personId: null, role: 'handler', organisation },
            text,
            now: fixedClock.now(),
            traceId,
          },
          { secret, publicBaseUrl: 'http://localhost', pseudonymiser },
        ),
      );

    /** Through every step to the last one; returns the draft's sending address. */
    async function fillIn(children: Record<string, string>, chosen: Record<string, string[]>) {
      const started = await post(`${caseload()}/aanvragen`, {});
      assert.equal(started.statusCode, 303, started.body);
      const draft = started.headers.location!;
      assert.match(draft, /\/caseload\/concepten\/[0-9a-f-]{36}\/gezin$/);
      assert.equal((await get(draft)).statusCode, 200);
      const familyStep = await post(draft, family);
      assert.equal(familyStep.statusCode, 303, familyStep.body);
      const childrenStep = await post(familyStep.headers.location!, children);
      assert.equal(childrenStep.statusCode, 303, childrenStep.body);
      const choice = await get(childrenStep.headers.location!);
      assert.equal(choice.statusCode, 200);
      const provisionsStep = await post(childrenStep.headers.location!, chosen);
      assert.equal(provisionsStep.statusCode, 303, provisionsStep.body);
      assert.match(provisionsStep.headers.location!, /\/versturen$/);
      return { sending: provisionsStep.headers.location!, choice: choice.body };
    }

    const consent = {
      email: 'gezin@example.org',
      phone: '',
      locale: 'nl',
      consentBy: 'parent',
      consent: 'yes',
    };

    test('an intermediary applies in steps; the outcome shows before sending; a repeated send makes one application', async () => {
      const { sending, choice } = await fillIn(
        { 'child-0-firstName': 'Zoë Anne', 'child-0-birthDate': '2015-03-28' },
        { 'child-0': [provisionKeys[0]!, provisionKeys[1]!] },
      );
      // The eligibility outcome per provision, before anything is sent; the one for older children is ruled out.
      assert.match(choice, /Komt waarschijnlijk in aanmerking|Misschien/);
      assert.ok(choice.includes(`value="${provisionKeys[0]}"`));
      assert.ok(!choice.includes(`value="${provisionKeys[2]}"`));

      // Without the family's consent nothing is sent.
      const refused = await post(sending, { ...consent, consent: '' });
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /Zonder toestemming/);

      const [first, second] = await Promise.all([post(sending, consent), post(sending, consent)]);
      assert.equal(first.statusCode, 303, first.body);
      assert.equal(second.statusCode, 303, second.body);
      assert.equal(first.headers.location, second.headers.location);
      const again = await post(sending, consent);
      assert.equal(again.headers.location, first.headers.location);
      const match = /\/aanvragen\/([0-9a-f-]{36})\?melding=verzonden$/.exec(first.headers.location!);
      assert.ok(match, first.headers.location);
      applicationId = match[1]!;

      const mine = await database.db
        .select()
        .from(applications)
        .where(eq(applications.intermediaryPersonId, intermediary.personId));
      assert.equal(mine.length, 1);
      assert.equal(mine[0]!.channel, 'intermediary');
      assert.equal(mine[0]!.intermediaryOrganisation, organisation);
      assert.equal(mine[0]!.consentBy, 'family_via_intermediary');
      assert.match(mine[0]!.consentText, /ouder of verzorger/);
      assert.equal(mine[0]!.netIncomeCents, 125_000);
      assert.equal(mine[0]!.postcode, '3511AB');
      const drafts = await database.db
        .select()
        .from(applicationDrafts)
        .where(eq(applicationDrafts.ownerPersonId, intermediary.personId));
      assert.equal(drafts.length, 0, 'the draft is gone once sent');

      const confirmation = await get(first.headers.location!);
      assert.equal(confirmation.statusCode, 200);
      assert.ok(confirmation.body.includes(mine[0]!.reference));
      const [key] = await childKeys(applicationId);
      assert.equal(await logCount(key!, 'applications.submit', 'create'), 1);
    });

    test('bad input on a step changes nothing and says what is wrong', async () => {
      const started = await post(`${caseload()}/aanvragen`, {});
      const draft = started.headers.location!;
      const badFamily = await post(draft, { ...family, postcode: '3511', income: 'veel' });
      assert.equal(badFamily.statusCode, 400);
      assert.match(badFamily.body, /hele postcode/);
      assert.match(badFamily.body, /netto inkomen/);
      // A later step is not reachable before this one is done.
      const skipped = await get(draft.replace(/gezin$/, 'versturen'));
      assert.equal(skipped.statusCode, 303);
      assert.match(skipped.headers.location!, /\/gezin$/);
      const familyStep = await post(draft, { ...family, income: '', vouch: 'yes' });
      assert.equal(familyStep.statusCode, 303);
      const badChild = await post(familyStep.headers.location!, {
        'child-0-firstName': 'J.',
        'child-0-birthDate': '2030-01-01',
      });
      assert.equal(badChild.statusCode, 400);
      assert.match(badChild.body, /Eén letter is niet genoeg/);
      assert.match(badChild.body, /in de toekomst/);
      // The draft is kept and listed in the caseload, to resume.
      const list = await get(caseload());
      assert.ok(list.body.includes(familyStep.headers.location!.replace(/&/g, '&amp;')));
      // Another intermediary cannot open it.
      const theirs = await get(familyStep.headers.location!, colleague);
      assert.equal(theirs.statusCode, 303);
      assert.match(theirs.headers.location!, /melding=concept-weg/);
    });

    test('the caseload shows this person’s applications only, and logs one read per child shown', async () => {
      const [key] = await childKeys(applicationId);
      const before = await logCount(key!, 'applications.track', 'read');
      const list = await get(caseload());
      assert.equal(list.statusCode, 200);
      assert.match(list.body, /Zoë Anne/);
      assert.match(list.body, /Ontvangen/);
      assert.equal(await logCount(key!, 'applications.track', 'read'), before + 1);

      const theirs = await get(caseload(), colleague);
      assert.equal(theirs.statusCode, 200);
      assert.doesNotMatch(theirs.body, /Zoë/);
      assert.equal((await get(`${caseload()}/aanvragen/${applicationId}`, colleague)).statusCode, 404);
      assert.equal(await logCount(key!, 'applications.track', 'read'), before + 1, 'nothing read for them');
    });

    test('answering a question, withdrawing, and confirming participation only after delivery', async () => {
      const [key] = await childKeys(applicationId);
      const [sport, culture] = await items(applicationId);
      const detail = `${caseload()}/aanvragen/${applicationId}`;
      const item = (id: string, action: string) => `${detail}/onderdelen/${id}/${action}`;

      assert.ok((await moveAsStaff(sport!.id, 'information_requested', 'Stuur de laatste loonstrook.')).ok);
      const list = await get(caseload());
      assert.match(list.body, /informatie gevraagd/i);
      const page = await get(detail);
      assert.match(page.body, /Stuur de laatste loonstrook\./);

      // A colleague cannot answer; an empty answer is refused; both change nothing.
      assert.equal((await post(item(sport!.id, 'antwoord'), { answer: 'Hier.' }, colleague)).statusCode, 404);
      assert.equal((await post(item(sport!.id, 'antwoord'), { answer: ' ' })).statusCode, 400);
      const updatesBefore = await logCount(key!, 'applications.track', 'update');
      const answered = await post(item(sport!.id, 'antwoord'), { answer: 'De loonstrook is gemaild.' });
      assert.equal(answered.statusCode, 303, answered.body);
      assert.equal((await items(applicationId))[0]!.status, 'information_answered');
      assert.equal(await logCount(key!, 'applications.track', 'update'), updatesBefore + 1);
      const [event] = await database.db
        .select()
        .from(applicationEvents)
        .where(
          and(
            eq(applicationEvents.itemId, sport!.id),
            eq(applicationEvents.toStatus, 'information_answered'),
          ),
        );
      assert.equal(event!.actorKind, 'family');
      assert.equal(event!.actorPersonId, intermediary.personId);
      assert.equal(event!.text, 'De loonstrook is gemaild.');

      // Participation is confirmed only once the provision is delivered.
      const early = await post(item(sport!.id, 'deelname'), {});
      assert.equal(early.statusCode, 409);
      assert.equal((await items(applicationId))[0]!.participationConfirmedAt, null);
      assert.ok((await moveAsStaff(sport!.id, 'granted')).ok);
      assert.ok((await moveAsStaff(sport!.id, 'delivered')).ok);
      const confirmsBefore = await logCount(key!, 'applications.track', 'update');
      const confirmed = await post(item(sport!.id, 'deelname'), {});
      assert.equal(confirmed.statusCode, 303, confirmed.body);
      assert.ok((await items(applicationId))[0]!.participationConfirmedAt);
      const twice = await post(item(sport!.id, 'deelname'), {});
      assert.equal(twice.statusCode, 409);
      assert.equal(await logCount(key!, 'applications.track', 'update'), confirmsBefore + 1);
      const confirmations = await database.db
        .select()
        .from(applicationEvents)
        .where(
          and(
            eq(applicationEvents.itemId, sport!.id),
            eq(applicationEvents.reasonCode, 'participation_confirmed'),
          ),
        );
      assert.equal(confirmations.length, 1);
      assert.equal(confirmations[0]!.toStatus, 'delivered');

      // Withdrawing works before delivery, not after.
      assert.equal((await post(item(sport!.id, 'intrekken'), {})).statusCode, 409);
      const withdrawn = await post(item(culture!.id, 'intrekken'), {});
      assert.equal(withdrawn.statusCode, 303);
      assert.equal((await items(applicationId))[1]!.status, 'withdrawn');
      const shown = await get(`${detail}?melding=ingetrokken`);
      assert.match(shown.body, /Deelname bevestigd door de hulpverlener/);
      assert.match(shown.body, /Ingetrokken/);
    });

    test('a young person of 16 or older may consent; for a younger child the parent must', async () => {
      const { sending } = await fillIn(
        {
          'child-0-firstName': 'Daan',
          'child-0-birthDate': '2008-01-15',
          'child-1-firstName': 'Mila',
          'child-1-birthDate': '2016-06-01',
        },
        { 'child-0': [], 'child-1': [provisionKeys[0]!] },
      );
      const refused = await post(sending, { ...consent, consentBy: 'young_person' });
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /jonger dan 16/);
      const sent = await post(sending, { ...consent, email: '', consentBy: 'parent' });
      assert.equal(sent.statusCode, 303, sent.body);
      const id = /\/aanvragen\/([0-9a-f-]{36})/.exec(sent.headers.location!)![1]!;
      // Only the child with a provision is on the application.
      assert.equal((await childKeys(id)).length, 1);
      const [row] = await database.db.select().from(applications).where(eq(applications.id, id));
      assert.equal(row!.contactEmail, null);
    });
  });
}
