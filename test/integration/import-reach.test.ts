import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/platform/db.ts';
import { ensureReachReferenceData, recomputeReach, refreshReach } from '../../src/reach/index.ts';
import { databasesUnderTest } from '../support/databases.ts';
import { buildCatalogue, insertCatalogue, uniqueKey } from '../support/factories.ts';
import { expectedReach } from '../support/reach-expected.ts';
import { importFile } from '../support/imports.ts';

// An import counts the cells it alone fills itself, and leaves the others to the database (decision 0007).
// Whichever counted, the reach must be what an independent count of the deliveries says. Years of their own:
// PostgreSQL is shared between runs, so they are cleared first.
const YEAR = 2036;
const CONCURRENT_YEAR = 2037;
const UNCOUNTED_YEAR = 2035;
const AMSTERDAM = 'GM0363';
const WEESP = 'GM0457'; // merged into Amsterdam on 24 March 2022
const UTRECHT = 'GM0344';
const GRONINGEN = 'GM0014';
const CODES = [AMSTERDAM, WEESP, UTRECHT, GRONINGEN];
const today = `${CONCURRENT_YEAR}-12-31`;
const header = 'reference,municipality,delivered_on,category,value,income_source,child_key';

type Delivery = {
  reference: string;
  code: string;
  year: number;
  child: string;
  income: string;
  category: string;
};

/** A small deterministic generator, so a failure can be replayed. */
function generate(seed: number, count: number, codes: string[], year: number): Delivery[] {
  let state = seed;
  const next = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)]!;
  // Children shared between files and cells, so the counts must take each child once.
  const child = () =>
    `ck1_${Math.floor(next() * 150)
      .toString(16)
      .padStart(64, '0')}`;
  return Array.from({ length: count }, (_, n) => ({
    reference: `r${seed}-${n}`,
    code: pick(codes),
    year,
    child: child(),
    income: pick(['bijstand', 'work', 'other_benefit', 'other']),
    category: pick(['sport', 'culture', 'birthday']),
  }));
}

for (const target of databasesUnderTest()) {
  describe(`the reach after partner imports (${target.name})`, () => {
    let database: DatabaseHandle;
    let folder: string;
    before(async () => {
      database = await target.open();
      await ensureReachReferenceData(database.db);
      folder = await mkdtemp(path.join(tmpdir(), 'meedoen-import-reach-'));
      const years = sql.join([YEAR, CONCURRENT_YEAR, UNCOUNTED_YEAR], sql`, `);
      await database.db.execute(sql`delete from delivery_records where year in (${years})`);
      await database.db.execute(sql`delete from reach_counts where year in (${years})`);
    });
    after(async () => {
      await database.close();
      await rm(folder, { recursive: true, force: true });
    });

    async function provider() {
      const { catalogue, organisationKey } = buildCatalogue([]);
      await insertCatalogue(database.db, catalogue);
      return organisationKey;
    }

    async function fileOf(deliveries: Delivery[]) {
      const file = path.join(folder, `${uniqueKey('deliveries')}.csv`);
      const line = (d: Delivery) =>
        `${d.reference},${d.code},${d.year}-05-01,${d.category},"10,00",${d.income},${d.child}`;
      await writeFile(file, [header, ...deliveries.map(line)].join('\n'));
      return file;
    }

    async function run(file: string, organisation: string, onBatch?: () => void) {
      const { outcome } = await importFile(database.db, file, organisation, {
        today,
        batchSize: 40,
        onProgress: onBatch,
      });
      assert.equal(outcome.failure, null);
      return outcome;
    }

    async function stored(boundaries: 'recorded' | 'today', year: number) {
      const result = (await database.db.execute(sql`
        select municipality_code as code, year, dimension, value, reached from reach_counts
        where boundaries = ${boundaries} and year = ${year} and municipality_code in (${sql.join(CODES, sql`, `)})`)) as unknown as {
        rows: { code: string; year: number; dimension: string; value: string; reached: number }[];
      };
      return new Map(
        result.rows.map((row) => [`${row.code}|${row.year}|${row.dimension}|${row.value}`, row.reached]),
      );
    }

    async function assertReach(year: number, deliveries: (Delivery & { provider: string })[]) {
      assert.deepEqual(await stored('recorded', year), expectedReach(deliveries, 'recorded'));
      assert.deepEqual(await stored('today', year), expectedReach(deliveries, 'today'));
    }

    test('fresh cells, a second provider in the same cells, a repeated line and a re-import: the independent count, as a recompute gives it', async () => {
      const first = await provider();
      const second = await provider();
      // Fresh cells: Amsterdam's area today is Amsterdam's count, as Weesp has nothing this year.
      const firstRows = generate(1, 300, [AMSTERDAM, UTRECHT], YEAR);
      const stored = firstRows.map((d) => ({ ...d, provider: first }));
      assert.equal((await run(await fileOf(firstRows), first)).imported, 300);
      await assertReach(YEAR, stored);

      // Cells counted before, a new one, and a reference repeated in the file (its first line wins).
      const secondRows = generate(2, 300, [AMSTERDAM, GRONINGEN], YEAR);
      const withRepeat = [...secondRows, { ...secondRows[0]!, code: UTRECHT, income: 'work' }];
      assert.equal((await run(await fileOf(withRepeat), second)).imported, 300);
      stored.push(...secondRows.map((d) => ({ ...d, provider: second })));
      await assertReach(YEAR, stored);

      const again = await run(await fileOf(firstRows), first);
      assert.deepEqual([again.imported, again.duplicates], [0, 300]);
      await assertReach(YEAR, stored);

      await database.db.transaction((tx) => recomputeReach(tx));
      await assertReach(YEAR, stored);
    });

    test('two imports into the same fresh cells at once, and a delivery registered meanwhile, all count', async () => {
      const [one, two, club, archive] = [
        await provider(),
        await provider(),
        await provider(),
        await provider(),
      ];
      const oneRows = generate(3, 400, [UTRECHT, AMSTERDAM], CONCURRENT_YEAR);
      const twoRows = generate(4, 400, [UTRECHT, AMSTERDAM], CONCURRENT_YEAR);
      const delivery = (code: string, child: string, organisation: string) => ({
        reference: `${organisation}-${code}`,
        code,
        year: CONCURRENT_YEAR,
        child,
        income: 'work',
        category: 'sport',
        provider: organisation,
      });
      // Amsterdam's area today has a second member with a delivery this year (loaded from an old system).
      const weesp = delivery(WEESP, `ck1_${'d'.repeat(64)}`, archive);
      const registration = delivery(UTRECHT, `ck1_${'e'.repeat(64)}`, club);
      // As a delivery is registered: its record and its cell's count in one transaction.
      const register = (d: typeof registration) =>
        database.db.transaction(async (tx) => {
          await tx.execute(sql`
            insert into delivery_records (source, child_key, municipality_code, year, delivered_on, income_source,
              category, value_cents, handling_organisation)
            values (${`${d.provider}:${d.reference}`}, ${d.child}, ${d.code}, ${d.year}, ${`${d.year}-02-01`},
              ${d.income}, ${d.category}, 1000, ${d.provider})`);
          await refreshReach(tx, [{ municipalityCode: d.code, year: d.year }], [d.provider]);
        });
      await register(weesp);
      let registering: Promise<void> | null = null;
      await Promise.all([
        run(await fileOf(oneRows), one, () => {
          registering ??= register(registration);
        }),
        run(await fileOf(twoRows), two),
      ]);
      await registering;
      await assertReach(CONCURRENT_YEAR, [
        ...oneRows.map((d) => ({ ...d, provider: one })),
        ...twoRows.map((d) => ({ ...d, provider: two })),
        registration,
        weesp,
      ]);
    });

    test("an import's counts are taken for a cell nobody counted, not for one counted before or noted by a running import", async () => {
      const counted = { municipalityCode: GRONINGEN, year: YEAR };
      const fresh = { municipalityCode: GRONINGEN, year: UNCOUNTED_YEAR };
      const noted = { municipalityCode: UTRECHT, year: UNCOUNTED_YEAR };
      const other = await provider();
      await database.db.execute(sql`
        insert into delivery_import_runs (provider, file_name, cells)
        values (${other}, 'still-running.csv', ${sql.param([`${UTRECHT}|${UNCOUNTED_YEAR}`])}::text[])`);
      const before = await stored('recorded', YEAR);
      const given = (children: number) => ({ children, income: new Map(), category: new Map() });
      const counts = {
        provider: 'nobody',
        runId: '00000000-0000-4000-8000-000000000000',
        cells: new Map([
          [`${GRONINGEN}|${YEAR}`, given(1)],
          [`${GRONINGEN}|${UNCOUNTED_YEAR}`, given(42)],
          [`${UTRECHT}|${UNCOUNTED_YEAR}`, given(7)],
        ]),
      };
      await database.db.transaction((tx) => refreshReach(tx, [counted, fresh, noted], [], counts));
      assert.deepEqual(
        await stored('recorded', YEAR),
        before,
        'a counted cell is counted from its deliveries',
      );
      const uncounted = await stored('recorded', UNCOUNTED_YEAR);
      assert.equal(uncounted.get(`${GRONINGEN}|${UNCOUNTED_YEAR}|total|`), 42);
      assert.equal(
        uncounted.get(`${UTRECHT}|${UNCOUNTED_YEAR}|total|`),
        undefined,
        'counted from its (no) deliveries',
      );
      await database.db.execute(sql`delete from delivery_import_runs where provider = ${other}`);
    });
  });
}
