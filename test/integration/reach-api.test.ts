import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../../src/platform/db.ts';
import {
  ensureReachReferenceData,
  importTargetGroupsCommand,
  refreshReach,
  setReachTargetCommand,
} from '../../src/reach/index.ts';
import { readTargetGroupFile } from '../../src/reach/target-group-file.ts';
import { buildTestApp } from '../support/app.ts';
import { databasesUnderTest } from '../support/databases.ts';
import { uniqueKey } from '../support/factories.ts';

// A year of its own (PostgreSQL is shared between runs): cleared first, then filled here.
const YEAR = 2041;
const UTRECHT = 'GM0344';
const ZWOLLE = 'GM0193';

async function deliver(
  database: DatabaseHandle,
  code: string,
  children: number,
  income: string,
  runKey: string,
) {
  await database.db.transaction(async (tx) => {
    for (let child = 0; child < children; child += 1) {
      await tx.execute(sql`
        insert into delivery_records (source, child_key, municipality_code, year, delivered_on, income_source, category, value_cents, handling_organisation)
        values (${`${runKey}:${code}:${income}:${child}`}, ${`${runKey}-${code}-${income}-${child}`}, ${code}, ${YEAR},
          ${`${YEAR}-05-01`}, ${income}, 'sport', 2500, ${`${runKey}-club`})`);
    }
    await refreshReach(tx, [{ municipalityCode: code, year: YEAR }]);
  });
}

for (const target of databasesUnderTest()) {
  describe(`reach API (${target.name})`, () => {
    let database: DatabaseHandle;
    let app: FastifyInstance;
    const say = () => undefined;

    before(async () => {
      database = await target.open();
      await ensureReachReferenceData(database.db);
      for (const table of ['delivery_records', 'reach_counts', 'reach_targets'])
        await database.db.execute(sql`delete from ${sql.identifier(table)} where year = ${YEAR}`);
      await database.db.execute(sql`delete from target_groups where year = ${YEAR} and kind <> 'estimate'`);
      const runKey = uniqueKey('reach-api');
      await deliver(database, UTRECHT, 120, 'bijstand', runKey);
      await deliver(database, UTRECHT, 60, 'work', runKey);
      await deliver(database, UTRECHT, 4, 'other', runKey);
      await deliver(database, ZWOLLE, 30, 'bijstand', runKey);
      app = await buildTestApp(database);
    });
    after(async () => {
      await app.close();
      await database.close();
    });

    test('a municipality: reach by income source against the estimated target group, credited and labelled', async () => {
      const response = await app.inject({
        method: 'GET',
        url: `/api/v1/reach?municipality=${UTRECHT}&year=${YEAR}`,
      });
      assert.equal(response.statusCode, 200);
      const body = response.json();
      const bijstand = body.data.byIncomeSource.find(
        (g: { incomeSource: string }) => g.incomeSource === 'bijstand',
      );
      assert.equal(bijstand.reached.value, 120);
      assert.equal(bijstand.targetGroup.kind, 'estimate');
      assert.equal(bijstand.targetGroup.label, 'schatting');
      assert.equal(bijstand.target.percent, 100);
      assert.equal(
        bijstand.reachPercent.value,
        Math.round((120 / bijstand.targetGroup.children) * 1000) / 10,
      );
      assert.ok(body.meta.credits.some((credit: string) => credit.includes('CBS')));
      const other = body.data.byIncomeSource.find(
        (g: { incomeSource: string }) => g.incomeSource === 'other',
      );
      assert.equal(other.reached.value, null, 'four children are not shown');
      assert.equal(other.reached.hidden.code, 'small-count');
      assert.match(other.reached.hidden.reason, /minder dan 10/);
      const secondary = [
        body.data.total,
        ...body.data.byIncomeSource.map((g: { reached: unknown }) => g.reached),
      ].filter((figure: { hidden: { code: string } | null }) => figure.hidden?.code === 'secondary');
      assert.ok(
        secondary.length >= 1,
        'another figure is hidden so the four cannot be worked out from the total',
      );
      assert.equal(body.data.byCategory[0].key, 'sport');
    });

    test('English on request; the national variant lists every municipality', async () => {
      const response = await app.inject({
        method: 'GET',
        url: `/api/v1/reach?year=${YEAR}`,
        headers: { 'accept-language': 'en' },
      });
      assert.equal(response.statusCode, 200);
      const body = response.json();
      assert.ok(body.data.municipalities.length >= 342);
      const zwolle = body.data.municipalities.find(
        (m: { municipality: { code: string } }) => m.municipality.code === ZWOLLE,
      );
      assert.equal(zwolle.byIncomeSource[0].reached.value, 30);
      assert.equal(zwolle.byIncomeSource[0].targetGroup.label, 'estimate');
    });

    test('bad input is a problem in the asker’s language, not a stack trace', async () => {
      for (const [url, field] of [
        [`/api/v1/reach?municipality=GM9999&year=${YEAR}`, 'municipality'],
        [`/api/v1/reach?municipality=Utrecht&year=${YEAR}`, 'municipality'],
        ['/api/v1/reach?year=twenty', 'year'],
        ['/api/v1/reach', 'year'],
        [`/api/v1/reach?year=${YEAR}&boundaries=then`, 'boundaries'],
      ] as const) {
        const response = await app.inject({ method: 'GET', url });
        assert.equal(response.statusCode, 400, url);
        assert.match(String(response.headers['content-type']), /application\/problem\+json/);
        const body = response.json();
        assert.equal(body.errors[0].field, field, url);
        assert.ok(!JSON.stringify(body).includes('    at '), 'no stack trace');
      }
    });

    test('an imported figure takes precedence over the estimate, a re-import replaces it, and a target can be set', async () => {
      const file = path.join(tmpdir(), `${uniqueKey('doelgroepen')}.csv`);
      await writeFile(
        file,
        `gemeentecode;jaar;inkomensbron;aantal_kinderen;bron\n0344;${YEAR};bijstand;400;CBS maatwerk\n`,
      );
      assert.equal(await importTargetGroupsCommand(database, file, say), true);
      await writeFile(
        file,
        `gemeentecode;jaar;inkomensbron;aantal_kinderen;bron\nGM0344;${YEAR};bijstand;480;CBS maatwerk herzien\n`,
      );
      assert.equal(await importTargetGroupsCommand(database, file, say), true);
      assert.equal(
        await setReachTargetCommand(
          database,
          { municipality: UTRECHT, year: YEAR, incomeGroup: 'work', percent: 80 },
          say,
        ),
        true,
      );
      const body = (
        await app.inject({ method: 'GET', url: `/api/v1/reach?municipality=${UTRECHT}&year=${YEAR}` })
      ).json();
      const [bijstand, work] = body.data.byIncomeSource;
      assert.deepEqual(
        [bijstand.targetGroup.children, bijstand.targetGroup.kind, bijstand.targetGroup.label],
        [480, 'cbs', null],
      );
      assert.equal(bijstand.reachPercent.value, 25);
      assert.equal(bijstand.gap, 75);
      assert.deepEqual(work.target, { percent: 80, own: true });
    });

    test('a bad target-group file is reported by line and field, and nothing is imported', async () => {
      const known = new Set([UTRECHT]);
      const read = readTargetGroupFile(
        `gemeentecode,jaar,inkomensbron,aantal_kinderen,bron\nGM0344,${YEAR},werk,12,Gemeente\nGM0344,${YEAR},werk,.,CBS\nGM9999,20x5,zzp,1,\n`,
        known,
        'nl',
      );
      assert.equal(read.ok, false);
      const errors = read.ok ? [] : read.errors.map((e) => `${e.line}:${e.field}`);
      assert.deepEqual(errors.sort(), ['3:aantal_kinderen', '4:bron', '4:inkomensbron', '4:jaar'].sort());
      const file = path.join(tmpdir(), `${uniqueKey('doelgroepen')}.csv`);
      await writeFile(
        file,
        `gemeentecode;jaar;inkomensbron;aantal_kinderen;bron\nGM0344;${YEAR};werk;70;Gemeente\nGM0344;${YEAR};werk;x;Gemeente\n`,
      );
      assert.equal(await importTargetGroupsCommand(database, file, say), false);
      const rows = (await database.db.execute(
        sql`select 1 from target_groups where year = ${YEAR} and income_group = 'work'`,
      )) as unknown as { rows: unknown[] };
      assert.equal(rows.rows.length, 0);
    });
  });
}
