import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { dashboardMessages } from '../../src/dashboards/messages.ts';
import type { SuppressionReason } from '../../src/platform/disclosure/index.ts';
import { formatNumber } from '../../src/platform/export/index.ts';
import type { DatabaseHandle } from '../../src/platform/db.ts';
import { ensureReachReferenceData, refreshReach } from '../../src/reach/index.ts';
import { buildTestApp } from '../support/app.ts';
import { databasesUnderTest } from '../support/databases.ts';
import { uniqueKey } from '../support/factories.ts';

// Years of their own (PostgreSQL is shared between runs): cleared first, then filled here.
const EARLIER = 2061;
const YEAR = 2062;
const UTRECHT = 'GM0344';
const ZWOLLE = 'GM0193';

type Delivery = {
  code: string;
  year: number;
  income: string;
  children: number;
  category: string;
  provider: string;
};

async function deliver(database: DatabaseHandle, runKey: string, deliveries: Delivery[]) {
  await database.db.transaction(async (tx) => {
    for (const d of deliveries) {
      for (let child = 0; child < d.children; child += 1) {
        const key = `${runKey}-${d.code}-${d.year}-${d.income}-${d.category}-${child}`;
        await tx.execute(sql`
          insert into delivery_records (source, child_key, municipality_code, year, delivered_on, income_source, category, value_cents, handling_organisation)
          values (${`${runKey}:${key}`}, ${key}, ${d.code}, ${d.year}, ${`${d.year}-05-01`}, ${d.income}, ${d.category}, 2500, ${`${runKey}-${d.provider}`})`);
      }
    }
    await refreshReach(
      tx,
      deliveries.map((d) => ({ municipalityCode: d.code, year: d.year })),
    );
  });
}

/** The rows of a table on the page, by its id: each row's cells as the text people read. */
function tableRows(html: string, id: string): string[][] {
  const table = new RegExp(`<table[^>]*id="${id}"[^>]*>([\\s\\S]*?)</table>`).exec(html);
  assert.ok(table, `table ${id} is on the page`);
  return [...table[1]!.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) =>
      cell[1]!
        .replace(/<span class="meedoen-visually-hidden">[\s\S]*?<\/span>/g, '')
        .replace(/<[^>]+>/g, '')
        .replace(/&#x27;|&#39;/g, "'")
        .replace(/&amp;/g, '&')
        .trim(),
    ),
  );
}

/** Every cell of a count column ("bereikt", "reached") in the tables of a page. */
function countCells(html: string): string[] {
  const ids = [...html.matchAll(/<table[^>]*id="([^"]+)"/g)].map((match) => match[1]!);
  return ids.flatMap((id) => {
    const [header, ...rows] = tableRows(html, id);
    const counts = header!.flatMap((label, index) => (/bereikt|reached/i.test(label) ? [index] : []));
    return rows.flatMap((row) => counts.map((index) => row[index] ?? ''));
  });
}

const smallCount = (text: string) => /^[1-9]$/.test(text);

for (const target of databasesUnderTest()) {
  describe(`reach dashboards (${target.name})`, () => {
    let database: DatabaseHandle;
    let app: FastifyInstance;

    before(async () => {
      database = await target.open();
      await ensureReachReferenceData(database.db);
      for (const table of ['delivery_records', 'reach_counts', 'reach_targets'])
        await database.db.execute(
          sql`delete from ${sql.identifier(table)} where year in (${EARLIER}, ${YEAR})`,
        );
      const run = uniqueKey('dashboards');
      await deliver(database, run, [
        { code: UTRECHT, year: YEAR, income: 'bijstand', children: 120, category: 'sport', provider: 'club' },
        { code: UTRECHT, year: YEAR, income: 'work', children: 60, category: 'culture', provider: 'club' },
        { code: UTRECHT, year: YEAR, income: 'other', children: 4, category: 'bicycle', provider: 'fietsen' },
        {
          code: UTRECHT,
          year: EARLIER,
          income: 'bijstand',
          children: 80,
          category: 'sport',
          provider: 'club',
        },
        { code: UTRECHT, year: EARLIER, income: 'work', children: 30, category: 'sport', provider: 'club' },
        { code: ZWOLLE, year: YEAR, income: 'bijstand', children: 30, category: 'sport', provider: 'club' },
      ]);
      app = await buildTestApp(database);
    });
    after(async () => {
      await app?.close();
      await database?.close();
    });

    test('a municipality: the figures shown are the API’s, a group of 4 children shows "—" with the reason', async () => {
      const api = (await app.inject(`/api/v1/reach?municipality=${UTRECHT}&year=${YEAR}`)).json().data;
      const page = await app.inject(`/bereik/${UTRECHT}?jaar=${YEAR}`);
      assert.equal(page.statusCode, 200);
      const html = page.body;
      const [header, bijstand, work, other, total] = tableRows(html, 'bereik-groepen-tabel');
      assert.deepEqual(header!.slice(0, 2), ['Inkomensgroep', 'Bereikte kinderen']);
      const group = (source: string) =>
        api.byIncomeSource.find((g: { incomeSource: string }) => g.incomeSource === source);
      // Every figure as the API gives it: the number, or "—" with the short reason for the API's code.
      const shown = (
        figure: { value: number | null; hidden: { code: SuppressionReason } | null },
        decimals = 0,
      ) =>
        figure.hidden
          ? dashboardMessages.nl.hiddenShort[figure.hidden.code]
          : formatNumber(figure.value!, 'nl', decimals);
      for (const [row, source] of [
        [bijstand, 'bijstand'],
        [work, 'work'],
        [other, 'other'],
      ] as const) {
        assert.equal(row![1], shown(group(source).reached), `${source} reached`);
        assert.equal(row![4], shown(group(source).reachPercent, 1), `${source} percent`);
      }
      assert.equal(bijstand![1], '120');
      assert.equal(bijstand![2], formatNumber(group('bijstand').targetGroup.children, 'nl'));
      assert.equal(bijstand![3], 'schatting');
      assert.equal(other![1], '— (minder dan 10)', 'four children are never shown');
      assert.equal(total![1], shown(api.total));
      assert.match(html, /minder dan 10 kinderen\. Zo is niemand te herkennen/, 'the full reason is there');
      assert.match(html, /Bron: CBS/);
      assert.match(html, /<svg[^>]*role="img"[^>]*aria-labelledby="bereik-groepen-title/);
      assert.match(html, /doel 100%/);
      // Over the years: both years, with the same figures as the API gives for each.
      const earlier = (await app.inject(`/api/v1/reach?municipality=${UTRECHT}&year=${EARLIER}`)).json().data;
      // Other tests on a shared PostgreSQL may have given Utrecht figures in other years.
      const ours = [String(EARLIER), String(YEAR)];
      const years = tableRows(html, 'bereik-jaren-tabel')
        .slice(1)
        .filter((row) => ours.includes(row[0]!));
      assert.deepEqual(
        years.map((row) => row[0]),
        ours,
      );
      assert.equal(years[0]![1], formatNumber(earlier.byIncomeSource[0].reached.value, 'nl'));
      // By provider: the bicycle shop with four children is hidden too.
      const providers = tableRows(html, 'bereik-organisaties-tabel').slice(1);
      assert.ok(
        providers.some((row) => row[1] === '— (minder dan 10)'),
        JSON.stringify(providers),
      );
      assert.deepEqual(countCells(html).filter(smallCount), [], 'no count of 1–9 anywhere on the page');
    });

    test('the national overview sorts by link, says so with aria-sort, and matches the API', async () => {
      const api = (await app.inject(`/api/v1/reach?year=${YEAR}`)).json().data;
      const page = await app.inject(`/bereik?jaar=${YEAR}&sorteer=bijstand&richting=af`);
      assert.equal(page.statusCode, 200);
      const html = page.body;
      assert.match(
        html,
        /<th scope="col" aria-sort="descending"[^>]*><a[^>]*sorteer=bijstand&amp;richting=op/,
      );
      const [header, ...rows] = tableRows(html, 'bereik-gemeenten');
      assert.equal(header![4], 'Bijstand (%) ▼');
      assert.equal(rows.length, api.municipalities.length);
      const percents = rows.map((row) => row[4]!);
      const shown = percents
        .filter((text) => !text.startsWith('—'))
        .map((text) => Number(text.replace(',', '.')));
      assert.deepEqual(
        shown,
        [...shown].sort((a, b) => b - a),
        'highest first',
      );
      assert.ok(
        percents.slice(shown.length).every((text) => text.startsWith('—')),
        'no figure: at the bottom',
      );
      const zwolle = api.municipalities.find(
        (m: { municipality: { code: string } }) => m.municipality.code === ZWOLLE,
      );
      const zwolleRow = rows.find((row) => row[1] === ZWOLLE)!;
      assert.equal(zwolleRow[3], formatNumber(zwolle.byIncomeSource[0].reached.value, 'nl'));
      assert.deepEqual(countCells(html).filter(smallCount), [], 'no count of 1–9 anywhere on the page');
      assert.match(html, /id="bereik-verdeling-title"/);
      assert.match(html, /id="bereik-grootste-heading"/);

      const byName = tableRows(
        (await app.inject(`/bereik?jaar=${YEAR}&sorteer=naam&richting=af`)).body,
        'bereik-gemeenten',
      );
      const names = byName.slice(1).map((row) => row[0]!);
      assert.deepEqual(
        names,
        [...names].sort((a, b) => b.localeCompare(a, 'nl')),
      );
    });

    test('in English, with today’s boundaries', async () => {
      const page = await app.inject(`/bereik/${UTRECHT}?jaar=${YEAR}&grenzen=vandaag&lang=en`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<html lang="en"/);
      assert.match(page.body, /Reach in Utrecht/);
      assert.match(page.body, /<option value="vandaag" selected>/);
      assert.match(page.body, /estimate/);
    });

    test('an unknown municipality is a page that says so, in the visitor’s language', async () => {
      for (const [url, language] of [
        ['/bereik/GM9999', /Deze gemeente kennen we niet/],
        ['/bereik/utrecht', /Deze gemeente kennen we niet/],
        ['/bereik/GM9999?lang=en', /We do not know this municipality/],
      ] as const) {
        const response = await app.inject(url);
        assert.equal(response.statusCode, 404, url);
        assert.match(response.body, language);
        assert.ok(!response.body.includes('    at '), 'no stack trace');
      }
    });

    test('a year without figures is a clear message at the field, and nothing else is shown', async () => {
      for (const url of [`/bereik/${UTRECHT}?jaar=1990`, '/bereik?jaar=twintig']) {
        const response = await app.inject(url);
        assert.equal(response.statusCode, 400, url);
        assert.match(
          response.body,
          /<a class="utrecht-link" href="#jaar">Voor dit jaar zijn er geen cijfers\. Kies een van deze jaren: [^<]*2062/,
        );
        assert.match(response.body, /<title>Fout: /);
        assert.ok(
          !response.body.includes('bereik-groepen-tabel') && !response.body.includes('bereik-gemeenten"'),
        );
      }
      const english = await app.inject(`/bereik?jaar=1990&lang=en`);
      assert.match(english.body, /There are no figures for this year/);
    });

    test('downloads hold what the page shows, with the credit and the reasons', async () => {
      const csv = await app.inject(
        `/bereik/${UTRECHT}/download?jaar=${YEAR}&tabel=groepen&formaat=csv&lang=nl`,
      );
      assert.equal(csv.statusCode, 200);
      assert.match(String(csv.headers['content-disposition']), /bereik-GM0344-2062-groepen-nl\.csv/);
      assert.match(csv.body, /\r\nAnder inkomen;— \(minder dan 10\);/);
      assert.match(csv.body, /Bron: CBS/);
      assert.match(csv.body, /Zo is niemand te herkennen/);
      const national = await app.inject(`/bereik/download?jaar=${YEAR}&tabel=gemeenten&formaat=csv&lang=en`);
      assert.equal(national.statusCode, 200);
      assert.match(national.body, /\r\nZwolle,GM0193,30,30,/);
      const workbook = await app.inject(`/bereik/download?jaar=${YEAR}&tabel=alles&formaat=xlsx`);
      assert.equal(workbook.statusCode, 200);
      assert.match(String(workbook.headers['content-type']), /spreadsheetml/);
      for (const url of [
        `/bereik/download?jaar=${YEAR}&tabel=alles&formaat=csv`,
        `/bereik/${UTRECHT}/download?jaar=${YEAR}&tabel=geheim&formaat=csv`,
        `/bereik/${UTRECHT}/download?jaar=1990&tabel=groepen&formaat=csv`,
      ]) {
        const response = await app.inject(url);
        assert.equal(response.statusCode, 400, url);
        assert.match(response.body, /Kies een tabel en een formaat/);
      }
    });
  });
}
