import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/platform/db.ts';
import {
  createPseudonymiser,
  defineActivity,
  exportProcessingLogCsv,
  logProcessing,
  logProcessingMany,
  NO_SUBJECT,
  processingsAbout,
  searchProcessingLog,
  type ProcessingEntry,
} from '../../src/platform/processing-log/index.ts';
import { newTraceId } from '../../src/platform/trace.ts';
import { databasesUnderTest } from '../support/databases.ts';

const pseudonymiser = createPseudonymiser('a-test-secret-that-is-long-enough-for-us');
// PostgreSQL is shared between runs, so every code and id is new each time.
const unique = () => randomBytes(6).toString('hex');
const texts = (what: string) => ({
  purpose: { nl: `Doel: ${what}`, en: `Purpose: ${what}` },
  legalBasis: { nl: 'AVG art. 6 lid 1 sub e', en: 'GDPR art. 6(1)(e)' },
});
const viewChild = defineActivity({
  code: `test.view-child-${unique()}`,
  subjectKind: 'child',
  ...texts('view'),
});
const grant = defineActivity({ code: `test.grant-${unique()}`, subjectKind: 'child', ...texts('grant') });

function entry(overrides: Partial<ProcessingEntry> = {}): ProcessingEntry {
  return {
    actor: { personId: `person-${unique()}`, role: 'handler', organisation: `org-${unique()}` },
    activity: viewChild,
    action: 'read',
    subject: { kind: 'child', id: `child-${unique()}` },
    traceId: newTraceId(),
    ...overrides,
  };
}

for (const target of databasesUnderTest()) {
  describe(`processing log on ${target.name}`, () => {
    let database: DatabaseHandle;
    before(async () => {
      database = await target.open();
    });
    after(() => database.close());

    const byActor = (actorPersonId: string, limit = 100) =>
      searchProcessingLog(database.db, { actorPersonId, limit, offset: 0 });
    const log = (e: ProcessingEntry) => database.db.transaction((tx) => logProcessing(tx, e, pseudonymiser));

    test('one call writes exactly one record, with who, what, which activity and the trace', async () => {
      const e = entry();
      await log(e);
      const { total, records } = await byActor(e.actor.personId!);
      assert.equal(total, 1);
      const [record] = records;
      assert.deepEqual(
        { ...record, id: 0, at: null },
        {
          id: 0,
          at: null,
          actor: e.actor,
          activity: viewChild.code,
          action: 'read',
          subjectPseudonym: pseudonymiser.pseudonym('child', (e.subject as { id: string }).id),
          traceId: e.traceId,
        },
      );
      assert.ok(Math.abs(record!.at.getTime() - Date.now()) < 60_000);
    });

    test('a record written in a transaction that rolls back is gone with it', async () => {
      const e = entry();
      await assert.rejects(
        database.db.transaction(async (tx) => {
          await logProcessing(tx, e, pseudonymiser);
          throw new Error('the processing failed');
        }),
        /the processing failed/,
      );
      assert.equal((await byActor(e.actor.personId!)).total, 0);
    });

    test('an unregistered activity, a wrong subject kind or a bad trace id throws and writes nothing', async () => {
      const e = entry();
      const cases: [Partial<ProcessingEntry>, RegExp][] = [
        [{ activity: { ...viewChild, code: `test.never-${unique()}` } }, /not registered/],
        [{ activity: { ...viewChild } }, /not registered/],
        [{ subject: { kind: 'household', id: 'h-1' } }, /about a child, not a household/],
        [{ subject: { pseudonym: 'child-1' } }, /pseudonym/],
        [{ traceId: '0'.repeat(32) }, /trace id/],
      ];
      for (const [overrides, message] of cases) await assert.rejects(log({ ...e, ...overrides }), message);
      await assert.rejects(
        database.db.transaction((tx) => logProcessing(tx, e)),
        /needs the pseudonymiser/,
      );
      assert.equal((await byActor(e.actor.personId!)).total, 0);
    });

    test('a list is logged in one call, one record per subject, and a pseudonym may be given', async () => {
      const actor = entry().actor;
      const pseudonym = pseudonymiser.pseudonym('child', `child-${unique()}`);
      const entries = [entry({ actor }), entry({ actor }), entry({ actor, subject: { pseudonym } })];
      await database.db.transaction((tx) => logProcessingMany(tx, entries, pseudonymiser));
      await database.db.transaction((tx) => logProcessingMany(tx, [], pseudonymiser));
      const { total, records } = await byActor(actor.personId!);
      assert.equal(total, 3);
      assert.ok(records.some((r) => r.subjectPseudonym === pseudonym));
    });

    test('a processing about no one in particular is logged once, under a marker no one can change', async () => {
      const e = entry({ subject: NO_SUBJECT });
      await log(e);
      const { total, records } = await byActor(e.actor.personId!);
      assert.equal(total, 1);
      assert.equal(records[0]!.subjectPseudonym, '0'.repeat(64));
      assert.throws(() => {
        (NO_SUBJECT as { pseudonym: string }).pseudonym = 'f'.repeat(64);
      }, TypeError);
    });

    test('the subject’s id is nowhere in the stored row', async () => {
      const subjectId = `bsn-${unique()}`;
      const e = entry({ subject: { kind: 'child', id: subjectId } });
      await log(e);
      const result = (await database.db.execute(
        sql`select row_to_json(p)::text as raw from processing_log p where trace_id = ${e.traceId}`,
      )) as unknown as { rows: { raw: string }[] };
      assert.equal(result.rows.length, 1);
      assert.ok(!result.rows[0]!.raw.includes(subjectId.slice(4)), result.rows[0]!.raw);
    });

    test('search by subject, actor, activity and dates returns only matching records, newest first', async () => {
      const actor = entry().actor;
      const child = { kind: 'child', id: `child-${unique()}` };
      const written = [
        entry({ actor, subject: child }),
        entry({ actor, activity: grant, action: 'update' }),
        entry({ subject: child, activity: grant, action: 'create' }),
      ];
      for (const e of written) {
        await log(e);
        await sleep(5); // distinct timestamps, so the date bounds can fall between them
      }
      const traces = (records: { traceId: string }[]) => records.map((r) => r.traceId);
      const [first, second, third] = written.map((e) => e.traceId);

      const mine = await byActor(actor.personId!);
      assert.deepEqual(traces(mine.records), [second, first]);
      const subjectPseudonym = pseudonymiser.pseudonym(child.kind, child.id);
      const aboutChild = await searchProcessingLog(database.db, { subjectPseudonym, limit: 10, offset: 0 });
      assert.deepEqual(traces(aboutChild.records), [third, first]);
      const granted = await searchProcessingLog(database.db, { activity: grant.code, limit: 10, offset: 0 });
      assert.deepEqual(traces(granted.records), [third, second]);
      const both = { subjectPseudonym, activity: grant.code, limit: 10, offset: 0 };
      assert.deepEqual(traces((await searchProcessingLog(database.db, both)).records), [third]);

      const secondAt = mine.records[0]!.at;
      const fromSecond = await searchProcessingLog(database.db, {
        activity: grant.code,
        from: secondAt,
        limit: 10,
        offset: 0,
      });
      assert.deepEqual(traces(fromSecond.records), [third, second]);
      const beforeSecond = await searchProcessingLog(database.db, {
        actorPersonId: actor.personId!,
        to: secondAt,
        limit: 10,
        offset: 0,
      });
      assert.deepEqual(traces(beforeSecond.records), [first]);

      const page = await searchProcessingLog(database.db, {
        actorPersonId: actor.personId!,
        limit: 1,
        offset: 1,
      });
      assert.deepEqual({ total: page.total, traces: traces(page.records) }, { total: 2, traces: [first] });
      await assert.rejects(searchProcessingLog(database.db, { limit: 0, offset: 0 }), RangeError);
      await assert.rejects(searchProcessingLog(database.db, { limit: 10_000, offset: 0 }), RangeError);
    });

    test('the export has a header, escapes every cell and stays within the filter', async () => {
      const actor = {
        personId: `person-${unique()}`,
        role: 'handler, senior',
        organisation: '=cmd|"/C calc"!A0',
      };
      const e = entry({ actor });
      await log(e);
      await log(entry());
      const lines: string[] = [];
      for await (const line of exportProcessingLogCsv(database.db, { actorPersonId: actor.personId }))
        lines.push(line);
      assert.equal(lines.length, 2);
      assert.equal(
        lines[0],
        'id,at,actor_person_id,actor_role,actor_organisation,activity,action,subject_pseudonym,trace_id\r\n',
      );
      assert.match(
        lines[1]!,
        new RegExp(
          `^\\d+,\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z,${actor.personId},"handler, senior","'=cmd\\|""/C calc""!A0",` +
            `${viewChild.code},read,[0-9a-f]{64},${e.traceId}\r\n$`,
        ),
      );
    });

    test('the export pages through a large log without losing or repeating a record', async () => {
      const actor = entry().actor;
      // One transaction gives every record the same time, so only the id can order them.
      const entries = Array.from({ length: 2345 }, () => entry({ actor }));
      await database.db.transaction((tx) => logProcessingMany(tx, entries, pseudonymiser));
      const ids: number[] = [];
      for await (const line of exportProcessingLogCsv(database.db, { actorPersonId: actor.personId! }))
        if (!line.startsWith('id,')) ids.push(Number(line.split(',')[0]));
      assert.equal(ids.length, 2345);
      assert.equal(new Set(ids).size, 2345);
      assert.deepEqual(
        ids,
        [...ids].sort((a, b) => b - a),
      );
    });

    test('a data subject gets every processing about them with purpose and legal basis, not who the staff are', async () => {
      const child = { kind: 'child', id: `child-${randomUUID()}` };
      await log(entry({ subject: child }));
      await log(entry({ subject: child, activity: grant, action: 'create' }));
      await log(entry());
      const about = await processingsAbout(database.db, pseudonymiser, child);
      assert.deepEqual(
        about.map(({ activity, action, purpose, legalBasis, role }) => ({
          activity,
          action,
          purpose,
          legalBasis,
          role,
        })),
        [
          {
            activity: grant.code,
            action: 'create',
            purpose: grant.purpose,
            legalBasis: grant.legalBasis,
            role: 'handler',
          },
          {
            activity: viewChild.code,
            action: 'read',
            purpose: viewChild.purpose,
            legalBasis: viewChild.legalBasis,
            role: 'handler',
          },
        ],
      );
      for (const record of about) {
        assert.ok(!JSON.stringify(record).includes(child.id));
        assert.ok(!('actor' in record) && !('personId' in record));
      }
    });
  });
}
