import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../../src/platform/db.ts';
import { ensurePovertyReferenceData } from '../../src/poverty/index.ts';
import { buildTestApp } from '../support/app.ts';
import { databasesUnderTest } from '../support/databases.ts';

for (const target of databasesUnderTest()) {
  describe(`the poverty trend page on ${target.name}`, () => {
    let database: DatabaseHandle;
    let app: FastifyInstance;
    before(async () => {
      database = await target.open();
      await ensurePovertyReferenceData(database.db);
      app = await buildTestApp(database);
    });
    after(async () => {
      await app?.close();
      await database?.close();
    });
    const get = (url: string) => app.inject({ method: 'GET', url });

    test('shows the trend as an accessible chart with the break, the dashed path and the CBS credit', async () => {
      const response = await get('/armoede');
      assert.equal(response.statusCode, 200);
      const html = response.body;
      assert.match(html, /<html lang="nl"/);
      assert.match(html, /<h1[^>]*>Kinderen in armoede: de trend<\/h1>/);
      assert.match(html, /<svg[^>]*role="img"[^>]*aria-labelledby="armoede-trend-title armoede-trend-desc"/);
      assert.match(
        html,
        /<desc id="armoede-trend-desc">[^<]*CBS lage-inkomensgrens: van 8,1% \(2017\) naar 5,2% \(2022\)/,
      );
      assert.match(html, /Breuk: nieuwe armoedegrens/);
      assert.match(html, /data-series="tussenpad-2018">[^]*?stroke-dasharray="8 5"/);
      assert.match(html, /Bron: CBS \/ SCP/);
      assert.doesNotMatch(html, /\sstyle=/, 'no inline style: the content security policy forbids it');
      assert.doesNotMatch(html, /<script/);
    });

    test('the table keeps the revised and the earlier value, and the gap table counts in percentage points', async () => {
      const html = (await get('/armoede')).body;
      assert.match(
        html,
        /<th scope="row"[^>]*>2020<\/th><td[^>]*>CBS lage-inkomensgrens<\/td><td[^>]*>218\.000<\/td><td[^>]*>6,8<\/td><td[^>]*>herzien \(2022-12\)<\/td><td[^>]*>6,9% \/ 221\.000 \(voorlopig, 2021-12\)<\/td>/,
      );
      assert.match(
        html,
        /<th scope="row"[^>]*>2020<\/th><td[^>]*>7,52<\/td><td[^>]*>6,8<\/td><td[^>]*>-0,72<\/td>/,
      );
      assert.match(
        html,
        /<th scope="row"[^>]*>2024<\/th><td[^>]*>6,35<\/td><td[^>]*>reeks gestopt na 2022<\/td>/,
      );
      assert.match(html, /gemeten in de definitie CBS lage-inkomensgrens/);
    });

    test('in English too', async () => {
      const html = (await get('/armoede?lang=en')).body;
      assert.match(html, /<html lang="en"/);
      assert.match(html, /Children in poverty: the trend/);
      assert.match(html, /Source: CBS \/ SCP/);
      assert.match(html, /<td[^>]*>6\.8<\/td>/);
    });

    if (target.name === 'pglite') {
      test('says plainly that no labour-participation figures ship', async () => {
        const html = (await get('/armoede')).body;
        assert.match(html, /Meedoen levert geen echte cijfers over arbeidsparticipatie mee/);
        assert.doesNotMatch(html, /tabel=arbeidsparticipatie/, 'nothing to download');
        const api = (await get('/api/v1/poverty/labour-participation')).json();
        assert.deepEqual(api.data, []);
        assert.match(api.meta.note, /geen echte cijfers/);
      });
    }

    test('downloads what is shown: Dutch CSV with BOM, semicolons, decimal comma and the credit', async () => {
      const response = await get('/armoede/download?tabel=streefpad&formaat=csv&lang=nl');
      assert.equal(response.statusCode, 200);
      assert.match(response.headers['content-type'] as string, /^text\/csv; charset=utf-8/);
      assert.match(
        response.headers['content-disposition'] as string,
        /attachment; filename="armoede-streefpad-nl\.csv"/,
      );
      const text = response.body;
      assert.ok(text.startsWith('\uFEFFJaar;Streefpad (%);Werkelijk (%);Verschil (procentpunt)'));
      assert.match(text, /\r\n2020;"7,52";"6,8";"-0,72";/);
      assert.match(text, /\r\n"?Bron: CBS \/ SCP/);
    });

    test('downloads all tables as one workbook, one sheet each, numbers as numbers', async () => {
      const response = await get('/armoede/download?tabel=alles&formaat=xlsx&lang=en');
      assert.equal(response.statusCode, 200);
      assert.match(response.headers['content-type'] as string, /spreadsheetml/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      const [series, gaps] = workbook.worksheets;
      assert.equal(series?.getCell('A1').value, 'Children in poverty by year and definition');
      assert.equal(series?.getCell('A2').value, 'Year');
      const row2020 = gaps?.getRows(3, 20)?.find((row) => row.getCell(1).value === '2020');
      assert.equal(row2020?.getCell(3).value, 6.8);
      assert.equal(row2020?.getCell(4).value, -0.72);
    });

    test('a wrong download request is a clear page, not a file or a stack trace', async () => {
      for (const url of [
        '/armoede/download?tabel=geheim&formaat=csv',
        '/armoede/download?tabel=alles&formaat=csv',
      ]) {
        const response = await get(url);
        assert.equal(response.statusCode, 400, url);
        assert.match(response.headers['content-type'] as string, /text\/html/);
        assert.match(response.body, /Kies een tabel en een formaat uit de lijst op de pagina/);
      }
    });
  });
}
