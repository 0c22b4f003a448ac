import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle, Queryable } from '../../src/platform/db.ts';
import {
  ensureReachReferenceData,
  municipalityReach,
  nationalReach,
  recomputeReach,
  refreshReach,
  setReachTargetCommand,
} from '../../src/reach/index.ts';
import { buildTestApp } from '../support/app.ts';
import { databasesUnderTest } from '../support/databases.ts';
import { uniqueKey } from '../support/factories.ts';

// Answers are kept in memory between requests (src/reach/answer-cache.ts): every change must show in the
// very next answer. A year of its own (PostgreSQL is shared between runs): cleared first.
const YEAR = 2044;
const UTRECHT = 'GM0344';

async function addDeliveries(tx: Queryable, children: number, income: string) {
  const runKey = uniqueKey('reach-fresh');
  for (let child = 0; child < children; child += 1) {
    await tx.execute(sql`
      insert into delivery_records (source, child_key, municipality_code, year, delivered_on, income_source, category, value_cents, handling_organisation)
      values (${`${runKey}:${child}`}, ${`${runKey}-${child}`}, ${UTRECHT}, ${YEAR}, ${`${YEAR}-03-01`},
        ${income}, 'culture', 2500, ${`${runKey}-club`})`);
  }
}

const bijstandOf = (answer: Awaited<ReturnType<typeof municipalityReach>>) =>
  answer!.groups.find((group) => group.incomeGroup === 'bijstand')!;

for (const target of databasesUnderTest()) {
  describe(`reach answers stay current (${target.name})`, () => {
    let database: DatabaseHandle;
    let app: FastifyInstance;
    const query = { municipalityCode: UTRECHT, year: YEAR, boundaries: 'recorded' as const };
    const reachedNow = async () => bijstandOf(await municipalityReach(database.db, query)).reached.value;

    before(async () => {
      database = await target.open();
      await ensureReachReferenceData(database.db);
      for (const table of ['delivery_records', 'reach_counts', 'reach_targets'])
        await database.db.execute(sql`delete from ${sql.identifier(table)} where year = ${YEAR}`);
      await database.db.transaction(async (tx) => {
        await addDeliveries(tx, 20, 'bijstand');
        await refreshReach(tx, [{ municipalityCode: UTRECHT, year: YEAR }]);
      });
      app = await buildTestApp(database);
    });
    after(async () => {
      await app.close();
      await database.close();
    });

    test('a delivery registered through refreshReach shows in the next answer, over HTTP and nationally', async () => {
      const url = `/api/v1/reach?municipality=${UTRECHT}&year=${YEAR}`;
      const reached = async () =>
        (await app.inject({ method: 'GET', url })).json().data.byIncomeSource[0].reached.value;
      const before = await reached();
      assert.equal(await reached(), before, 'a repeated answer is the same');
      const nationalBefore = (await nationalReach(database.db, { year: YEAR, boundaries: 'recorded' }))
        .national.total.value!;

      await database.db.transaction(async (tx) => {
        await addDeliveries(tx, 15, 'bijstand');
        await refreshReach(tx, [{ municipalityCode: UTRECHT, year: YEAR }]);
      });

      assert.equal(await reached(), before + 15);
      const national = await nationalReach(database.db, { year: YEAR, boundaries: 'recorded' });
      assert.equal(national.national.total.value, nationalBefore + 15);
    });

    test('a new breakdown value and a recompute show in the next answer', async () => {
      await reachedNow();
      await database.db.transaction(async (tx) => {
        await addDeliveries(tx, 12, 'work');
        await refreshReach(tx, [{ municipalityCode: UTRECHT, year: YEAR }]);
      });
      const answer = await municipalityReach(database.db, query);
      assert.equal(answer!.groups.find((group) => group.incomeGroup === 'work')!.reached.value, 12);
      assert.ok(answer!.byProvider.length >= 3, 'each run added a provider');

      await database.db.execute(sql`delete from reach_counts where year = ${YEAR}`);
      assert.equal(await reachedNow(), 0, 'counts cleared behind its back show as cleared');
      await database.db.transaction((tx) => recomputeReach(tx));
      assert.equal(await reachedNow(), bijstandOf(answer).reached.value);
    });

    test('an own target shows in the next answer', async () => {
      assert.equal(bijstandOf(await municipalityReach(database.db, query)).target.percent, 100);
      await setReachTargetCommand(
        database,
        { municipality: UTRECHT, year: YEAR, incomeGroup: 'bijstand', percent: 80 },
        () => undefined,
      );
      const group = bijstandOf(await municipalityReach(database.db, query));
      assert.deepEqual(group.target, { percent: 80, own: true });
    });

    test('what a transaction saw before it rolled back is not kept', async () => {
      const committed = await reachedNow();
      await assert.rejects(
        database.db.transaction(async (tx) => {
          await addDeliveries(tx, 30, 'bijstand');
          await refreshReach(tx, [{ municipalityCode: UTRECHT, year: YEAR }]);
          assert.equal(bijstandOf(await municipalityReach(tx, query)).reached.value, committed! + 30);
          throw new Error('roll back');
        }),
        /roll back/,
      );
      assert.equal(await reachedNow(), committed);
    });
  });
}
