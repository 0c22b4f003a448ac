import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { and, eq, inArray, sql } from 'drizzle-orm';
import {
  eraseExpiredApplications,
  monthsBefore,
  scheduleRetention,
} from '../../src/applications/retention.ts';
import {
  applicationChildren,
  applicationDrafts,
  applicationEvents,
  applicationItems,
  applications,
  deliveries,
  deliveryRecords,
} from '../../src/applications/schema.ts';
import { submitApplication, type Submission } from '../../src/applications/submit.ts';
import { moveItem, type MoveActor } from '../../src/applications/transition.ts';
import type { ItemStatus } from '../../src/applications/status.ts';
import { ConfigError, loadConfig } from '../../src/platform/config.ts';
import type { Database, DatabaseHandle } from '../../src/platform/db.ts';
import { mailOutbox } from '../../src/platform/mail/schema.ts';
import { createPseudonymiser } from '../../src/platform/processing-log/index.ts';
import { processingLog } from '../../src/platform/processing-log/schema.ts';
import { newTraceId } from '../../src/platform/trace.ts';
import { databasesUnderTest } from '../support/databases.ts';
import { buildCatalogue, insertCatalogue } from '../support/factories.ts';

const secret = loadConfig({ NODE_ENV: 'test' }).secret;
const pseudonymiser = createPseudonymiser(secret);
const day = 24 * 60 * 60_000;
// Far in the past, so applications other tests make on a shared PostgreSQL (closed "now") never qualify.
const now = new Date('2022-06-15T12:00:00Z');
const cutoff = monthsBefore(now, 24);
const run = (db: Database, extra: { dryRun?: boolean } = {}) =>
  eraseExpiredApplications(db, { now, retentionMonths: 24, secret, ...extra });

const childKey = () => `ck1_${randomBytes(32).toString('hex')}`;

for (const target of databasesUnderTest()) {
  describe(`retention of applications on ${target.name}`, () => {
    let database: DatabaseHandle;
    let db: Database;
    let organisationKey: string;
    let provisionKeys: string[];
    let staff: MoveActor;

    before(async () => {
      database = await target.open();
      db = database.db;
      const built = buildCatalogue([{}, {}]);
      await insertCatalogue(db, built.catalogue);
      ({ organisationKey, provisionKeys } = built);
      staff = { kind: 'staff', personId: null, role: 'handler', organisation: organisationKey };
    });
    after(() => database.close());

    /** An application of two children with both provisions each, made as the family makes it. */
    async function apply() {
      const email = `ouder-${randomUUID().slice(0, 8)}@example.test`;
      const children = [
        { firstName: 'Emma', birthDate: '2014-05-01', childKey: childKey() },
        { firstName: 'Daan', birthDate: '2016-09-30', childKey: childKey() },
      ];
      const submission: Submission = {
        submissionKey: randomUUID(),
        channel: 'family',
        intermediary: null,
        municipalityCode: 'GM0037',
        postcode: '3511AB',
        houseNumber: '12',
        householdType: 'single_parent',
        incomeSource: 'bijstand',
        netIncomeCents: 145_000,
        intermediaryVouches: false,
        contactEmail: email,
        contactPhone: '0612345678',
        locale: 'nl',
        consent: { text: 'Ik geef toestemming.', by: 'parent' },
        children: children.map((child) => ({
          ...child,
          provisions: provisionKeys.map((key) => ({
            key,
            handledBy: organisationKey,
            eligibility: { outcome: 'eligible', incomePercentOfNorm: 104, norm: 139_400, reasons: [] },
          })),
        })),
      };
      const submitted = await submitApplication(submission, {
        db,
        clock: { now: () => new Date(cutoff.getTime() - 400 * day) },
        secret,
        pseudonymiser,
        actor: { personId: null, role: 'family', organisation: null },
        traceId: newTraceId(),
        confirmation: ({ reference }) => ({ subject: 'Aanvraag ontvangen', body: `Uw code: ${reference}` }),
      });
      const items = await db
        .select({ id: applicationItems.id })
        .from(applicationItems)
        .where(eq(applicationItems.applicationId, submitted.id));
      return { id: submitted.id, email, children, itemIds: items.map((item) => item.id) };
    }

    async function move(itemId: string, path: ItemStatus[], at: Date) {
      for (const to of path) {
        const moved = await db.transaction((tx) =>
          moveItem(
            tx,
            { itemId, to, actor: staff, text: `Notitie over Emma bij ${to}`, now: at, traceId: newTraceId() },
            { secret, publicBaseUrl: 'https://meedoen.test', pseudonymiser },
          ),
        );
        assert.equal(moved.ok, true, `to ${to}`);
      }
    }

    /** Delivers the first item (with its statistical record) and refuses the others, the last at `at`. */
    async function close(application: Awaited<ReturnType<typeof apply>>, at: Date) {
      const [delivered, ...refused] = application.itemIds;
      await move(delivered!, ['granted', 'delivered'], new Date(at.getTime() - 30 * day));
      await db.insert(deliveries).values({
        itemId: delivered!,
        deliveredOn: '2020-03-01',
        description: 'Voetbalschoenen voor Emma',
        valueCents: 4_500,
        budgetOverrideReason: 'Emma groeit snel',
      });
      await db.insert(deliveryRecords).values({
        source: `meedoen:${delivered}`,
        childKey: application.children[0]!.childKey,
        municipalityCode: 'GM0037',
        year: 2020,
        deliveredOn: '2020-03-01',
        incomeSource: 'bijstand',
        category: 'sport',
        valueCents: 4_500,
        handlingOrganisation: organisationKey,
      });
      for (const item of refused) await move(item, ['refused'], at);
    }

    const stored = async (id: string) => {
      const [application] = await db.select().from(applications).where(eq(applications.id, id));
      const children = await db
        .select()
        .from(applicationChildren)
        .where(eq(applicationChildren.applicationId, id));
      const items = db
        .select({ id: applicationItems.id })
        .from(applicationItems)
        .where(eq(applicationItems.applicationId, id));
      const events = await db
        .select()
        .from(applicationEvents)
        .where(inArray(applicationEvents.itemId, items));
      const delivered = await db.select().from(deliveries).where(inArray(deliveries.itemId, items));
      const snapshots = await db
        .select({ eligibility: applicationItems.eligibility })
        .from(applicationItems)
        .where(eq(applicationItems.applicationId, id));
      return {
        application: application!,
        children,
        events,
        delivered,
        eligibility: snapshots.map((row) => row.eligibility),
      };
    };

    const erasures = async (key: string) => {
      const rows = await db
        .select({
          traceId: processingLog.traceId,
          action: processingLog.action,
          role: processingLog.actorRole,
        })
        .from(processingLog)
        .where(
          and(
            eq(processingLog.activity, 'applications.erase'),
            eq(processingLog.subjectPseudonym, pseudonymiser.pseudonym('child', key)),
          ),
        );
      return rows;
    };

    const mailsTo = (email: string) =>
      db.select({ id: mailOutbox.id }).from(mailOutbox).where(eq(mailOutbox.recipient, email));

    let expired: Awaited<ReturnType<typeof apply>>;
    let recent: Awaited<ReturnType<typeof apply>>;
    let open: Awaited<ReturnType<typeof apply>>;
    let statistics: (typeof deliveryRecords.$inferSelect)[];
    let draftIds: { gone: string; kept: string };

    test('setting up: closed 24 months plus a day ago, minus a day ago, and one with an open item', async () => {
      expired = await apply();
      await close(expired, new Date(cutoff.getTime() - day));
      recent = await apply();
      await close(recent, new Date(cutoff.getTime() + day));
      open = await apply();
      // Long final, all but one item: the one still open keeps the whole application.
      await close({ ...open, itemIds: open.itemIds.slice(0, -1) }, new Date('2012-01-01T00:00:00Z'));
      statistics = await db
        .select()
        .from(deliveryRecords)
        .where(inArray(deliveryRecords.source, [`meedoen:${expired.itemIds[0]}`]));
      assert.equal(statistics.length, 1);
      const draft = (expiresAt: Date) => ({
        tokenHash: randomUUID(),
        answers: { firstName: 'Emma' },
        step: 'children',
        expiresAt,
      });
      const drafts = await db
        .insert(applicationDrafts)
        .values([draft(new Date(now.getTime() - 1_000)), draft(new Date(now.getTime() + day))])
        .returning({ id: applicationDrafts.id });
      draftIds = { gone: drafts[0]!.id, kept: drafts[1]!.id };
      assert.ok((await mailsTo(expired.email)).length >= 3, 'confirmation and status mails');
    });

    test('a dry run counts what would go and changes nothing', async () => {
      const counted = await run(db, { dryRun: true });
      assert.ok(counted.applications >= 1);
      assert.ok(counted.drafts >= 1);
      const { application } = await stored(expired.id);
      assert.equal(application.erasedAt, null);
      assert.equal(application.contactEmail, expired.email);
    });

    test('an application closed longer than the term ago loses its personal data, and only that', async () => {
      const result = await run(db);
      assert.ok(result.applications >= 1);
      assert.equal(result.busy, false);
      const { application, children, events, delivered, eligibility } = await stored(expired.id);
      assert.deepEqual(application.erasedAt, now);
      assert.deepEqual(eligibility, Array(4).fill({ outcome: 'eligible' }), 'income % of the norm is gone');
      assert.deepEqual(
        [
          application.postcode,
          application.houseNumber,
          application.netIncomeCents,
          application.contactEmail,
          application.contactPhone,
        ],
        [null, null, null, null, null],
      );
      // Not identifying on their own; what the figures about applications (not only deliveries) need.
      assert.deepEqual(
        [application.municipalityCode, application.householdType, application.incomeSource],
        ['GM0037', 'single_parent', 'bijstand'],
      );
      assert.equal(children.length, 2);
      for (const child of children)
        assert.deepEqual([child.firstName, child.birthDate, child.childKey], [null, null, null]);
      assert.ok(events.length >= 5);
      assert.ok(events.every((event) => event.text === null));
      assert.ok(
        events.some((event) => event.toStatus === 'delivered'),
        'the history of statuses stays',
      );
      assert.deepEqual(
        delivered.map((d) => [d.description, d.budgetOverrideReason, d.valueCents]),
        [['', null, 4_500]],
      );
      const after = await db
        .select()
        .from(deliveryRecords)
        .where(eq(deliveryRecords.source, `meedoen:${expired.itemIds[0]}`));
      assert.deepEqual(after, statistics, 'the statistical record is untouched');
      assert.equal((await mailsTo(expired.email)).length, 0, 'the outbox keeps no copy');
    });

    test('each erased child has exactly one erase record, by the system, with the erasure’s trace', async () => {
      const traces = new Set<string>();
      for (const child of expired.children) {
        const records = await erasures(child.childKey);
        assert.equal(records.length, 1);
        assert.deepEqual([records[0]!.action, records[0]!.role], ['delete', 'system']);
        traces.add(records[0]!.traceId);
      }
      assert.equal(traces.size, 1, 'the children of one application share the trace of its erasure');
      const [trace] = traces;
      const others = await db
        .select({ id: processingLog.id })
        .from(processingLog)
        .where(eq(processingLog.traceId, trace!));
      assert.equal(others.length, expired.children.length, 'a trace of its own');
    });

    test('closed less than the term ago, or with an item still open, nothing is erased', async () => {
      for (const kept of [recent, open]) {
        const { application, children, events, eligibility } = await stored(kept.id);
        assert.equal(application.erasedAt, null);
        assert.ok(eligibility.every((snapshot) => 'incomePercentOfNorm' in (snapshot as object)));
        assert.equal(application.contactEmail, kept.email);
        assert.equal(application.postcode, '3511AB');
        assert.deepEqual(
          children.map((c) => c.firstName),
          ['Emma', 'Daan'],
        );
        assert.ok(events.some((event) => event.text !== null));
        for (const child of kept.children) assert.equal((await erasures(child.childKey)).length, 0);
        assert.ok((await mailsTo(kept.email)).length >= 1);
      }
    });

    test('expired drafts are deleted, others kept', async () => {
      const left = await db
        .select({ id: applicationDrafts.id })
        .from(applicationDrafts)
        .where(inArray(applicationDrafts.id, [draftIds.gone, draftIds.kept]));
      assert.deepEqual(
        left.map((row) => row.id),
        [draftIds.kept],
      );
    });

    test('a second run erases nothing more and logs nothing more', async () => {
      const before = await stored(expired.id);
      const second = await run(db);
      assert.deepEqual([second.applications, second.children, second.drafts], [0, 0, 0]);
      assert.deepEqual(await stored(expired.id), before);
      for (const child of expired.children) assert.equal((await erasures(child.childKey)).length, 1);
    });

    test('small batches erase the same as one large one', async () => {
      const more = [await apply(), await apply(), await apply()];
      for (const application of more) await close(application, new Date(cutoff.getTime() - 2 * day));
      const result = await eraseExpiredApplications(db, { now, secret, batchSize: 1 });
      assert.ok(result.applications >= 3);
      for (const application of more) {
        const { application: row } = await stored(application.id);
        assert.deepEqual([row.erasedAt, row.contactEmail], [now, null]);
      }
    });

    test('the daily job runs after its first delay with the clock it is given, and stops', async () => {
      const late = await apply();
      await close(late, new Date(cutoff.getTime() - 4 * day));
      const messages: string[] = [];
      const job = scheduleRetention({
        db,
        clock: { now: () => now },
        secret,
        retentionMonths: 24,
        log: { info: (m) => messages.push(m), error: (m) => messages.push(m) },
        firstRunMs: 5,
        intervalMs: 60_000,
      });
      for (let waited = 0; messages.length === 0 && waited < 10_000; waited += 20)
        await new Promise((resolve) => setTimeout(resolve, 20));
      await job.stop();
      assert.match(messages[0] ?? '', /^retention: erased \d+ applications, deleted \d+ drafts$/);
      assert.deepEqual((await stored(late.id)).application.erasedAt, now);
    });

    if (target.name === 'postgresql') {
      test('while another process holds the lock, a run stops and changes nothing', async () => {
        const late = await apply();
        await close(late, new Date(cutoff.getTime() - 3 * day));
        const other = await target.open();
        try {
          let release!: () => void;
          const held = new Promise<void>((resolve) => (release = resolve));
          let locked!: () => void;
          const lockTaken = new Promise<void>((resolve) => (locked = resolve));
          const holder = other.db.transaction(async (tx) => {
            await tx.execute(sql`select pg_advisory_xact_lock(hashtext('meedoen:applications-retention'))`);
            locked();
            await held;
          });
          await lockTaken;
          const result = await run(db);
          release();
          await holder;
          assert.equal(result.busy, true);
          assert.equal((await stored(late.id)).application.erasedAt, null);
          assert.ok((await run(db)).applications >= 1, 'the next run does it');
          assert.deepEqual((await stored(late.id)).application.erasedAt, now);
        } finally {
          await other.close();
        }
      });
    }
  });
}

test('the term counts calendar months, ending on the last day of a shorter month', () => {
  assert.equal(monthsBefore(new Date('2026-03-31T10:00:00Z'), 1).toISOString(), '2026-02-28T10:00:00.000Z');
  assert.equal(monthsBefore(new Date('2026-02-28T10:00:00Z'), 24).toISOString(), '2024-02-28T10:00:00.000Z');
  assert.equal(monthsBefore(new Date('2026-01-15T00:00:00Z'), 120).toISOString(), '2016-01-15T00:00:00.000Z');
});

test('the term is MEEDOEN_RETENTION_MONTHS: 24 by default, a whole number of months from 1 to 120', () => {
  assert.equal(loadConfig({ NODE_ENV: 'test' }).retentionMonths, 24);
  assert.equal(loadConfig({ NODE_ENV: 'test', MEEDOEN_RETENTION_MONTHS: '36' }).retentionMonths, 36);
  for (const wrong of ['0', '121', '1.5', 'twee jaar'])
    assert.throws(
      () => loadConfig({ NODE_ENV: 'test', MEEDOEN_RETENTION_MONTHS: wrong }),
      (error: unknown) => error instanceof ConfigError && /MEEDOEN_RETENTION_MONTHS/.test(error.message),
    );
});
