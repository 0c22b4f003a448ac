import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { and, count, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { apiSubmissionKey } from '../../src/applications/api-idempotency.ts';
import { applicationChildren, applicationItems, applications } from '../../src/applications/schema.ts';
import { ReferenceChangedError, submitApplication } from '../../src/applications/submit.ts';
import { provisions } from '../../src/catalogue/schema.ts';
import { createPseudonymiser } from '../../src/platform/processing-log/index.ts';
import { referenceGeneration } from '../../src/platform/reference-changes/index.ts';
import type { DatabaseHandle } from '../../src/platform/db.ts';
import { mailOutbox } from '../../src/platform/mail/schema.ts';
import { processingLog } from '../../src/platform/processing-log/schema.ts';
import { newTraceId } from '../../src/platform/trace.ts';
import { buildTestApp } from '../support/app.ts';
import { databasesUnderTest } from '../support/databases.ts';
import { buildCatalogue, insertCatalogue, insertExampleSchemes, uniqueKey } from '../support/factories.ts';

const fixedClock = { now: () => new Date('2025-03-01T10:00:00Z') };
const URL = '/api/v1/applications';

type Created = {
  data: {
    reference: string;
    trackingUrl: string;
    items: { child: number; provision: string; handledBy: string; status: string }[];
  };
};
type Problem = { type: string; status: number; errors?: { field: string; code: string; message: string }[] };

for (const target of databasesUnderTest()) {
  describe(`applications API on ${target.name}`, () => {
    let database: DatabaseHandle;
    let app: FastifyInstance;
    const sport = uniqueKey('api-sport');
    const music = uniqueKey('api-music');
    const toddlers = uniqueKey('api-toddlers');
    const onlyIntermediary = uniqueKey('api-via');
    const elsewhere = uniqueKey('api-elsewhere');
    let sportOrg = '';
    let musicOrg = '';

    before(async () => {
      database = await target.open();
      app = await buildTestApp(database, { clock: fixedClock });
      await insertExampleSchemes(database.db);
      const first = buildCatalogue([
        { key: sport },
        { key: toddlers, ages: { min: 0, max: 4 } },
        { key: onlyIntermediary, applicationRoute: 'intermediary_only' },
        { key: elsewhere, offeredIn: ['GM0344'] },
      ]);
      const second = buildCatalogue([{ key: music, category: 'culture' }]);
      await insertCatalogue(database.db, first.catalogue);
      await insertCatalogue(database.db, second.catalogue);
      sportOrg = first.organisationKey;
      musicOrg = second.organisationKey;
    });
    after(async () => {
      await app.close();
      await database.close();
    });

    const body = (overrides: Record<string, unknown> = {}) => ({
      municipality: 'GM0037',
      postcode: '9501 aa',
      houseNumber: '12',
      householdType: 'single_parent',
      ageGroup: '21_to_pension',
      assets: 'within_limit',
      incomeSource: 'bijstand',
      income: { kind: 'monthly_net', cents: 120000 },
      contact: { email: `Ouder-${uniqueKey('m')}@Example.org` },
      locale: 'nl',
      consent: {
        by: 'parent',
        text: 'Ik geef toestemming dat Meedoen deze gegevens gebruikt voor de aanvraag.',
      },
      children: [
        { firstName: 'Zoë', birthDate: '2015-03-28', provisions: [sport] },
        { firstName: 'Daan', birthDate: '2012-06-01', provisions: [music, sport] },
      ],
      ...overrides,
    });

    const post = (payload: unknown, headers: Record<string, string> = {}) =>
      app.inject({ method: 'POST', url: URL, payload: payload as object, headers });

    async function applicationsWithKey(key: string) {
      return database.db
        .select({ id: applications.id, reference: applications.reference })
        .from(applications)
        .where(eq(applications.submissionKey, apiSubmissionKey(key)));
    }

    async function submitRecords(traceId: string) {
      const rows = await database.db
        .select({ subject: processingLog.subjectPseudonym })
        .from(processingLog)
        .where(
          and(
            eq(processingLog.traceId, traceId),
            eq(processingLog.activity, 'applications.submit'),
            eq(processingLog.action, 'create'),
          ),
        );
      return rows.map((r) => r.subject);
    }

    test('ten identical concurrent POSTs with one key: one application, ten times the same 201', async () => {
      const key = randomUUID();
      const traceId = newTraceId();
      const payload = body();
      const headers = {
        'idempotency-key': key,
        traceparent: `00-${traceId}-0123456789abcdef-01`,
      };
      const responses = await Promise.all(Array.from({ length: 10 }, () => post(payload, headers)));
      for (const response of responses) assert.equal(response.statusCode, 201, response.body);
      const answers = responses.map((r) => r.json<Created>().data);
      const references = new Set(answers.map((a) => a.reference));
      assert.equal(references.size, 1, 'one reference for all ten');
      assert.equal(new Set(answers.map((a) => a.trackingUrl)).size, 1, 'one tracking link for all ten');
      assert.equal(new Set(responses.map((r) => r.headers.location)).size, 1);
      assert.equal(responses[0]!.headers.location, answers[0]!.trackingUrl);
      assert.match(answers[0]!.trackingUrl, /\/volgen\/[A-Za-z0-9_-]{40,}$/);
      assert.match(answers[0]!.reference, /^MD-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      for (const answer of answers) assert.deepEqual(answer.items, answers[0]!.items);

      const stored = await applicationsWithKey(key);
      assert.equal(stored.length, 1);
      assert.equal(stored[0]!.reference, answers[0]!.reference);
      const [children] = await database.db
        .select({ n: count() })
        .from(applicationChildren)
        .where(eq(applicationChildren.applicationId, stored[0]!.id));
      assert.equal(children!.n, 2);

      // Routing: each provision to its own organisation, in a stable order, with nothing personal.
      assert.deepEqual(
        answers[0]!.items,
        [
          { child: 0, provision: sport, handledBy: sportOrg, status: 'submitted' },
          { child: 1, provision: music, handledBy: musicOrg, status: 'submitted' },
          { child: 1, provision: sport, handledBy: sportOrg, status: 'submitted' },
        ].sort((a, b) => a.child - b.child || a.provision.localeCompare(b.provision)),
      );
      const text = responses[0]!.body;
      for (const personal of ['Zoë', 'Daan', '2015-03-28', 'xample.org', '9501', 'bijstand'])
        assert.ok(!text.includes(personal), `the answer does not repeat ${personal}`);

      // One processing-log record per child, however many requests came in.
      const subjects = await submitRecords(traceId);
      assert.equal(subjects.length, 2);
      assert.equal(new Set(subjects).size, 2);
      const mails = await database.db
        .select({ n: count() })
        .from(mailOutbox)
        .where(eq(mailOutbox.recipient, payload.contact.email.toLowerCase()));
      assert.equal(mails[0]!.n, 1, 'one confirmation mail');
    });

    test('the same key and body later: the same answer, with the current status', async () => {
      const key = randomUUID();
      const payload = body();
      const first = await post(payload, { 'idempotency-key': key });
      assert.equal(first.statusCode, 201, first.body);
      const [stored] = await applicationsWithKey(key);
      await database.db
        .update(applicationItems)
        .set({ status: 'in_progress' })
        .where(eq(applicationItems.applicationId, stored!.id));
      // Reordered provisions, other postcode spacing and e-mail case: the same application.
      const again = await post(
        {
          ...payload,
          postcode: '9501AA',
          contact: { email: payload.contact.email.toUpperCase() },
          children: [payload.children[0], { ...payload.children[1]!, provisions: [sport, music] }],
        },
        { 'idempotency-key': key },
      );
      assert.equal(again.statusCode, 201, again.body);
      assert.equal(again.json<Created>().data.reference, first.json<Created>().data.reference);
      assert.equal(again.json<Created>().data.trackingUrl, first.json<Created>().data.trackingUrl);
      assert.ok(again.json<Created>().data.items.every((item) => item.status === 'in_progress'));
      assert.equal((await applicationsWithKey(key)).length, 1);
    });

    test('another key: a second application', async () => {
      const payload = body();
      const one = await post(payload, { 'idempotency-key': randomUUID() });
      const two = await post(payload, { 'idempotency-key': randomUUID() });
      assert.equal(one.statusCode, 201);
      assert.equal(two.statusCode, 201);
      assert.notEqual(one.json<Created>().data.reference, two.json<Created>().data.reference);
      assert.notEqual(one.json<Created>().data.trackingUrl, two.json<Created>().data.trackingUrl);
    });

    test('thirty families at once, one of them twice: each application stored whole and as its own', async () => {
      // Submissions at the same time are stored together (group commit): none may take another's rows.
      const families = Array.from({ length: 30 }, (_, index) => ({
        key: randomUUID(),
        email: `gezin-${index}-${uniqueKey('g')}@example.org`,
        traceId: newTraceId(),
        children:
          index % 2 === 0
            ? [{ firstName: `Kind${index}`, birthDate: '2014-01-02', provisions: [sport] }]
            : [
                { firstName: `Kind${index}a`, birthDate: '2013-05-06', provisions: [sport, music] },
                { firstName: `Kind${index}b`, birthDate: '2016-07-08', provisions: [music] },
              ],
      }));
      const send = (family: (typeof families)[number]) =>
        post(body({ contact: { email: family.email }, children: family.children }), {
          'idempotency-key': family.key,
          traceparent: `00-${family.traceId}-0123456789abcdef-01`,
        });
      const responses = await Promise.all([...families.map(send), send(families[7]!)]);
      for (const response of responses) assert.equal(response.statusCode, 201, response.body);
      const references = responses.map((response) => response.json<Created>().data.reference);
      assert.equal(new Set(references).size, 30, 'thirty applications');
      assert.equal(references[30], references[7], 'the repeat gets the first one');

      for (const [index, family] of families.entries()) {
        const stored = await applicationsWithKey(family.key);
        assert.equal(stored.length, 1);
        assert.equal(stored[0]!.reference, references[index]);
        const children = await database.db
          .select({ firstName: applicationChildren.firstName, position: applicationChildren.position })
          .from(applicationChildren)
          .where(eq(applicationChildren.applicationId, stored[0]!.id))
          .orderBy(applicationChildren.position);
        assert.deepEqual(
          children.map((child) => child.firstName),
          family.children.map((child) => child.firstName),
        );
        const [items] = await database.db
          .select({ n: count() })
          .from(applicationItems)
          .where(eq(applicationItems.applicationId, stored[0]!.id));
        assert.equal(items!.n, family.children.flatMap((child) => child.provisions).length);
        assert.equal((await submitRecords(family.traceId)).length, family.children.length);
        const [mails] = await database.db
          .select({ n: count() })
          .from(mailOutbox)
          .where(eq(mailOutbox.recipient, family.email));
        assert.equal(mails!.n, 1, `one confirmation mail for family ${index}`);
      }
    });

    test('the same key with another body: 422 idempotency-key-reused, nothing changes', async () => {
      const key = randomUUID();
      const payload = body();
      assert.equal((await post(payload, { 'idempotency-key': key })).statusCode, 201);
      const before = await database.db.select({ n: count() }).from(applications);
      const variants = [
        { ...payload, children: [payload.children[0]] },
        { ...payload, income: { kind: 'monthly_net', cents: 120001 } },
        { ...payload, contact: { ...payload.contact, phone: '0612345678' } },
        { ...payload, children: [{ ...payload.children[0]!, firstName: 'Zoe' }, payload.children[1]] },
      ];
      for (const variant of variants) {
        const response = await post(variant, { 'idempotency-key': key, 'accept-language': 'en' });
        assert.equal(response.statusCode, 422, response.body);
        assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
        const problem = response.json<Problem>();
        assert.equal(problem.type, '/api/v1/problems/idempotency-key-reused');
        assert.equal(problem.status, 422);
      }
      // Concurrently too: a different body racing the first one never gets its own application.
      const raceKey = randomUUID();
      const raced = await Promise.all([
        post(payload, { 'idempotency-key': raceKey }),
        post(variants[1], { 'idempotency-key': raceKey }),
      ]);
      assert.deepEqual(raced.map((r) => r.statusCode).sort(), [201, 422]);
      const after = await database.db.select({ n: count() }).from(applications);
      assert.equal(after[0]!.n, before[0]!.n + 1);
      assert.equal((await applicationsWithKey(raceKey)).length, 1);
    });

    test('a missing or malformed Idempotency-Key: 400, before anything else', async () => {
      const headerSets: Record<string, string>[] = [
        {},
        { 'idempotency-key': 'short' },
        { 'idempotency-key': 'with space inside' },
      ];
      for (const headers of headerSets) {
        const response = await post(body(), headers);
        assert.equal(response.statusCode, 400, response.body);
        assert.equal(response.json<Problem>().type, '/api/v1/problems/idempotency-key-required');
      }
      const invalidToo = await post({}, {});
      assert.equal(invalidToo.json<Problem>().type, '/api/v1/problems/idempotency-key-required');
      const problemType = await app.inject({ method: 'GET', url: '/api/v1/problems/idempotency-key-reused' });
      assert.equal(problemType.statusCode, 200, problemType.body);
    });

    async function invalid(payload: unknown): Promise<Problem['errors']> {
      const before = await database.db.select({ n: count() }).from(applications);
      const response = await post(payload, { 'idempotency-key': randomUUID(), 'accept-language': 'en' });
      assert.equal(response.statusCode, 400, response.body);
      assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
      const problem = response.json<Problem>();
      assert.equal(problem.type, '/api/v1/problems/validation-failed');
      assert.ok(!/\bat \S+ \(|node_modules|\.ts:\d/.test(response.body), 'no stack trace');
      const after = await database.db.select({ n: count() }).from(applications);
      assert.equal(after[0]!.n, before[0]!.n, 'bad input stores nothing');
      return problem.errors;
    }

    // Schema errors come through the platform's error handler, which (for now) writes an index as ".1"
    // where Meedoen's own errors write "[1]"; both are read here as "[1]".
    const fields = (errors: Problem['errors']) =>
      (errors ?? []).map((e) => `${e.field.replace(/\.(\d+)(?=\.|$)/g, '[$1]')}:${e.code}`);

    test('schema errors name each field by its path', async () => {
      const base = body();
      const errors = await invalid({
        ...base,
        contact: {},
        income: { kind: 'monthly_net', cents: -1 },
        children: [base.children[0], { ...base.children[1]!, birthDate: '2012-13-01', provisions: [] }],
      });
      const named = fields(errors);
      assert.ok(named.includes('contact:contact_required'), named.join(', '));
      assert.ok(named.includes('income.cents:too_small'), named.join(', '));
      assert.ok(
        named.some((f) => f.startsWith('children[1].birthDate:')),
        named.join(', '),
      );
      assert.ok(named.includes('children[1].provisions:too_small'), named.join(', '));
      assert.ok(errors!.every((e) => e.message.length > 0));

      const tooMany = await invalid({
        ...base,
        children: Array.from({ length: 11 }, () => base.children[0]),
      });
      assert.deepEqual(fields(tooMany), ['children:children_count']);
      const extra = await invalid({ ...base, bsn: '123456789' });
      assert.deepEqual(fields(extra), [':unrecognized_keys']);
      const duplicate = await invalid({
        ...base,
        children: [{ ...base.children[0]!, provisions: [sport, sport] }],
      });
      assert.deepEqual(fields(duplicate), ['children[0].provisions[1]:provision_duplicate']);
      const mixed = await invalid({ ...base, ageGroup: 'mixed' });
      assert.deepEqual(fields(mixed), ['ageGroup:age_group_mixed_needs_couple']);
    });

    test('child identity, address, catalogue and eligibility errors name the field', async () => {
      const base = body();
      assert.deepEqual(
        fields(
          await invalid({
            ...base,
            postcode: '9501',
            children: [{ ...base.children[0]!, firstName: 'J.' }, base.children[1]],
          }),
        ),
        ['postcode:postcode_incomplete', 'children[0].firstName:first_name_initial'],
      );
      assert.deepEqual(fields(await invalid({ ...base, municipality: 'GM0344' })), [
        'municipality:municipality_not_of_postcode',
      ]);
      assert.deepEqual(
        fields(
          await invalid({
            ...base,
            children: [
              { ...base.children[0]!, provisions: [sport, 'no-such-provision', elsewhere] },
              { ...base.children[1]!, provisions: [toddlers, onlyIntermediary] },
            ],
          }),
        ),
        [
          'children[0].provisions[1]:provision_not_offered',
          'children[0].provisions[2]:provision_not_offered',
          'children[1].provisions[0]:provision_not_eligible',
          'children[1].provisions[1]:provision_intermediary_only',
        ],
      );
      assert.deepEqual(fields(await invalid({ ...base, consent: { ...base.consent, by: 'young_person' } })), [
        'consent.by:young_person_only_own',
      ]);
    });

    test('a catalogue change made elsewhere counts from the next request on', async () => {
      const one = (key: string) => ({
        ...body(),
        children: [{ firstName: 'Zoë', birthDate: '2015-03-28', provisions: [key] }],
      });
      const first = await post(one(sport), { 'idempotency-key': randomUUID() });
      assert.equal(first.statusCode, 201, first.body);
      // As another process would: straight in the database, not through this app.
      await database.db
        .update(provisions)
        .set({ applicationRoute: 'intermediary_only' })
        .where(eq(provisions.key, sport));
      try {
        const key = randomUUID();
        const refused = await post(one(sport), { 'idempotency-key': key });
        assert.equal(refused.statusCode, 400, refused.body);
        const problem = refused.json<Problem>();
        assert.deepEqual(
          problem.errors?.map((e) => [e.field, e.code]),
          [['children[0].provisions[0]', 'provision_intermediary_only']],
        );
        assert.equal((await applicationsWithKey(key)).length, 0);
      } finally {
        await database.db
          .update(provisions)
          .set({ applicationRoute: 'self_or_intermediary' })
          .where(eq(provisions.key, sport));
      }
      const again = await post(one(sport), { 'idempotency-key': randomUUID() });
      assert.equal(again.statusCode, 201, again.body);
    });

    test('storing refuses a submission checked against a catalogue that changed since: nothing stored', async () => {
      const submissionKey = uniqueKey('stale');
      const generation = await referenceGeneration(database.db);
      await database.db
        .update(provisions)
        .set({ nameNl: `Sport ${submissionKey}` })
        .where(eq(provisions.key, sport));
      const secret = 'x'.repeat(32);
      await assert.rejects(
        submitApplication(
          {
            submissionKey,
            channel: 'family',
            intermediary: null,
            municipalityCode: 'GM0037',
            postcode: '9501AA',
            houseNumber: '12',
            householdType: 'single_parent',
            incomeSource: 'bijstand',
            netIncomeCents: 120000,
            intermediaryVouches: false,
            contactEmail: 'ouder@example.org',
            contactPhone: null,
            locale: 'nl',
            consent: { text: 'Toestemming', by: 'parent' },
            children: [
              {
                firstName: 'Zoë',
                birthDate: '2015-03-28',
                childKey: `ck1_${'0'.repeat(64)}`,
                provisions: [{ key: sport, handledBy: sportOrg, eligibility: {} }],
              },
            ],
          },
          {
            db: database.db,
            clock: fixedClock,
            secret,
            pseudonymiser: createPseudonymiser(secret),
            actor: { personId: null, role: 'family', organisation: null },
            traceId: newTraceId(),
            referenceGeneration: generation,
            confirmation: () => ({ subject: 'Ontvangen', body: 'Ontvangen' }),
          },
        ),
        ReferenceChangedError,
      );
      assert.equal(
        (await database.db.select().from(applications).where(eq(applications.submissionKey, submissionKey)))
          .length,
        0,
      );
    });

    test('a young person of 16 applies for themself; the e-mail-less application gets no mail', async () => {
      const base = body();
      const response = await post(
        {
          ...base,
          contact: { phone: '06 1234 5678' },
          consent: { ...base.consent, by: 'young_person' },
          children: [{ firstName: 'Sam', birthDate: '2008-06-01', provisions: [music] }],
        },
        { 'idempotency-key': randomUUID() },
      );
      assert.equal(response.statusCode, 201, response.body);
    });

    test('a body over 32 kB is refused with 413', async () => {
      const base = body();
      const response = await post(
        { ...base, consent: { ...base.consent, text: 'x'.repeat(40 * 1024) } },
        { 'idempotency-key': randomUUID() },
      );
      assert.equal(response.statusCode, 413);
      assert.equal(response.json<Problem>().type, '/api/v1/problems/payload-too-large');
    });

    test('the OpenAPI document describes the route, its header and the idempotency rules', async () => {
      const response = await app.inject({ method: 'GET', url: '/api/docs/json' });
      const document = response.json<{ paths: Record<string, Record<string, Record<string, unknown>>> }>();
      const operation = document.paths['/api/v1/applications']?.post;
      assert.ok(operation, 'documented');
      assert.match(String(operation.description), /idempotency-key-reused/);
      const parameters = operation.parameters as { in: string; name: string; required?: boolean }[];
      assert.ok(parameters.some((p) => p.in === 'header' && p.name === 'idempotency-key' && p.required));
    });
  });
}
