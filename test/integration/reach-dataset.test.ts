import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/platform/db.ts';
import {
  ensureReachReferenceData,
  municipalityReach,
  nationalReach,
  recomputeReach,
  refreshReach,
} from '../../src/reach/index.ts';
import { databasesUnderTest } from '../support/databases.ts';
import { uniqueKey } from '../support/factories.ts';
import { expectedReach, type CountedDelivery } from '../support/reach-expected.ts';

// Years of their own: PostgreSQL is shared between runs, so the test clears exactly these first.
const YEARS = [2031, 2032];
const CONCURRENT_YEAR = 2033;
const GRONINGEN = 'GM0014';
const ALMERE = 'GM0034';
const AMSTERDAM = 'GM0363';
const WEESP = 'GM0457'; // merged into Amsterdam on 24 March 2022
const CODES = [GRONINGEN, ALMERE, AMSTERDAM, WEESP];
const SOURCES = ['bijstand', 'work', 'other_benefit', 'other', 'unknown'];
// 'school' is not one of the catalogue's categories: the reach counts a category it no longer lists too.
const CATEGORIES = ['sport', 'culture', 'school', 'birthday'];

type Delivery = CountedDelivery & { source: string };

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/**
 * Children with one to four deliveries each: by several providers (duplicates across providers), some in a
 * second income source the same year, some in Weesp and Amsterdam both.
 */
function generate(seed: number, runKey: string): Delivery[] {
  const next = random(seed);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)]!;
  const providers = [`${runKey}-leergeld`, `${runKey}-jeugdfonds`, `${runKey}-gemeente`];
  const deliveries: Delivery[] = [];
  for (let child = 0; child < 400; child += 1) {
    const home = next() < 0.03 ? pick(CODES) : pick([GRONINGEN, ALMERE, AMSTERDAM, AMSTERDAM, WEESP]);
    const income = pick(SOURCES);
    const year = pick(YEARS);
    const count = 1 + Math.floor(next() * 4);
    for (let n = 0; n < count; n += 1) {
      deliveries.push({
        source: `${runKey}:${child}:${n}`,
        child: `${runKey}-child-${child}`,
        code: next() < 0.1 ? pick(CODES) : home,
        year,
        income: next() < 0.1 ? pick(SOURCES) : income,
        category: pick(CATEGORIES),
        provider: pick(providers),
      });
    }
  }
  return deliveries;
}

async function stored(db: DatabaseHandle['db'], boundaries: 'recorded' | 'today') {
  const result = (await db.execute(sql`
    select municipality_code as code, year, dimension, value, reached from reach_counts
    where boundaries = ${boundaries} and year in (${sql.join(YEARS, sql`, `)})
      and municipality_code in (${sql.join(CODES, sql`, `)})`)) as unknown as {
    rows: { code: string; year: number; dimension: string; value: string; reached: number }[];
  };
  return new Map(
    result.rows.map((row) => [`${row.code}|${row.year}|${row.dimension}|${row.value}`, row.reached]),
  );
}

/** `providers`: those the refresh is told to expect, as an import tells it its own. */
async function insert(database: DatabaseHandle, deliveries: Delivery[], providers: string[] = []) {
  await database.db.transaction(async (tx) => {
    for (const d of deliveries) {
      await tx.execute(sql`
        insert into delivery_records (source, child_key, municipality_code, year, delivered_on, income_source, category, value_cents, handling_organisation)
        values (${d.source}, ${d.child}, ${d.code}, ${d.year}, ${`${d.year}-03-01`}, ${d.income}, ${d.category}, 2500, ${d.provider})
        on conflict (source) do nothing`);
    }
    await refreshReach(
      tx,
      deliveries.map((d) => ({ municipalityCode: d.code, year: d.year })),
      providers,
    );
  });
}

for (const target of databasesUnderTest()) {
  describe(`reach from a generated data set (${target.name})`, () => {
    let database: DatabaseHandle;
    const runKey = uniqueKey('reach');
    const deliveries = generate(20_260_601, runKey);

    before(async () => {
      database = await target.open();
      await ensureReachReferenceData(database.db);
      const years = sql.join([...YEARS, CONCURRENT_YEAR], sql`, `);
      await database.db.execute(sql`delete from delivery_records where year in (${years})`);
      await database.db.execute(sql`delete from reach_counts where year in (${years})`);
      await database.db.execute(
        sql`delete from target_groups where year in (${years}) and kind <> 'estimate'`,
      );
    });
    after(() => database.close());

    test('counts kept current through imports in parts and a re-import equal the independent count', async () => {
      const half = Math.floor(deliveries.length / 2);
      // Counted with no provider expected, with one of them expected, and with all of them expected.
      await insert(database, deliveries.slice(0, half));
      await insert(database, deliveries.slice(half), [deliveries[half]!.provider]);
      const everyProvider = [...new Set(deliveries.map((d) => d.provider))];
      await insert(database, deliveries.slice(half - 50), everyProvider); // a re-import overlapping both
      assert.deepEqual(await stored(database.db, 'recorded'), expectedReach(deliveries, 'recorded'));
      assert.deepEqual(await stored(database.db, 'today'), expectedReach(deliveries, 'today'));
    });

    test('a child with two income sources counts in each, once in the total; a full recompute gives the same', async () => {
      const counts = expectedReach(deliveries, 'recorded');
      const key = `${AMSTERDAM}|${YEARS[0]}`;
      const byGroup = ['bijstand', 'work', 'other'].reduce(
        (sum, g) => sum + (counts.get(`${key}|income|${g}`) ?? 0),
        0,
      );
      assert.ok(byGroup > counts.get(`${key}|total|`)!, 'the generated set has children in two groups');

      const before = await stored(database.db, 'recorded');
      const beforeToday = await stored(database.db, 'today');
      await database.db.transaction((tx) => recomputeReach(tx));
      assert.deepEqual(await stored(database.db, 'recorded'), before);
      assert.deepEqual(await stored(database.db, 'today'), beforeToday);
    });

    test("in today's boundaries a child helped in Weesp and Amsterdam counts once, under Amsterdam", async () => {
      const year = YEARS[0]!;
      const today = await municipalityReach(database.db, {
        municipalityCode: AMSTERDAM,
        year,
        boundaries: 'today',
      });
      const recorded = await municipalityReach(database.db, {
        municipalityCode: AMSTERDAM,
        year,
        boundaries: 'recorded',
      });
      const counts = expectedReach(deliveries, 'today');
      assert.equal(today?.total.value, counts.get(`${AMSTERDAM}|${year}|total|`));
      assert.ok(today!.total.value! > recorded!.total.value!);
      const national = await nationalReach(database.db, { year, boundaries: 'today' });
      assert.ok(
        !national.municipalities.some((row) => row.municipality.code === WEESP),
        'Weesp is no area today',
      );
      const old = await nationalReach(database.db, { year, boundaries: 'recorded' });
      assert.equal(
        old.municipalities.find((row) => row.municipality.code === WEESP)?.municipality.name,
        'Weesp',
      );
    });

    test('two writers of the same cell at once leave the count of both', async () => {
      const cell = { municipalityCode: GRONINGEN, year: CONCURRENT_YEAR };
      const write = (name: string, pauseMs: number) =>
        database.db.transaction(async (tx) => {
          for (let n = 0; n < 15; n += 1) {
            await tx.execute(sql`
              insert into delivery_records (source, child_key, municipality_code, year, delivered_on, income_source, category, value_cents, handling_organisation)
              values (${`${runKey}:${name}:${n}`}, ${`${runKey}-${name}-${n}`}, ${GRONINGEN}, ${CONCURRENT_YEAR},
                ${`${CONCURRENT_YEAR}-02-01`}, 'work', 'sport', 1000, 'club')`);
          }
          await new Promise((resolve) => setTimeout(resolve, pauseMs));
          await refreshReach(tx, [cell]);
        });
      await Promise.all([write('first', 150), write('second', 0), write('third', 60)]);
      const result = (await database.db.execute(sql`
        select reached from reach_counts where boundaries = 'recorded' and municipality_code = ${GRONINGEN}
          and year = ${CONCURRENT_YEAR} and dimension = 'total'`)) as unknown as {
        rows: { reached: number }[];
      };
      assert.equal(result.rows[0]?.reached, 45);
    });

    test('published figures match the independent count where shown, and none is 1-9', async () => {
      const year = YEARS[1]!;
      const counts = expectedReach(deliveries, 'recorded');
      const answer = await nationalReach(database.db, { year, boundaries: 'recorded' });
      for (const row of answer.municipalities.filter((r) => CODES.includes(r.municipality.code))) {
        const code = row.municipality.code;
        for (const group of row.groups) {
          const truth = counts.get(`${code}|${year}|income|${group.incomeGroup}`) ?? 0;
          if (group.reached.suppressed) assert.ok(truth > 0, 'a zero is shown, not hidden');
          else if (group.reached.rounded) assert.ok(Math.abs(group.reached.value - truth) <= 2);
          else assert.equal(group.reached.value, truth, `${code} ${group.incomeGroup}`);
          if (group.reached.value !== null) assert.ok(group.reached.value === 0 || group.reached.value >= 10);
        }
      }
    });
  });
}
