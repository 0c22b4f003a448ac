import assert from 'node:assert/strict';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../../src/platform/db.ts';
import { ensureReachReferenceData, refreshReach } from '../../src/reach/index.ts';
import { buildTestApp } from '../support/app.ts';
import { databasesUnderTest } from '../support/databases.ts';
import { convertWithLibreOffice, type Conversion } from '../support/libreoffice.ts';

// The dashboards' downloads as people use them: opened in LibreOffice Calc. The files do not depend on the
// database kind, so this runs on the embedded one only.
const [embedded] = databasesUnderTest();
const YEAR = 2063;
const UTRECHT = 'GM0344';

function assertClean(conversion: Conversion, expected: string) {
  assert.equal(conversion.code, 0, conversion.stderr);
  assert.ok(conversion.outputs.includes(expected), `${expected} written: ${conversion.stdout}`);
  const problems = conversion.stderr.split('\n').filter((line) => /error/i.test(line));
  assert.deepEqual(problems, [], 'LibreOffice reports no errors');
}

async function sheetOf(file: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook.worksheets[0]!;
}

describe('the reach dashboard downloads open in LibreOffice', () => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  let folder: string;
  before(async () => {
    database = await embedded!.open();
    await ensureReachReferenceData(database.db);
    await database.db.transaction(async (tx) => {
      for (const [income, children] of [
        ['bijstand', 150],
        ['work', 40],
        ['other', 3],
      ] as const) {
        for (let child = 0; child < children; child += 1) {
          await tx.execute(sql`
            insert into delivery_records (source, child_key, municipality_code, year, delivered_on, income_source, category, value_cents, handling_organisation)
            values (${`lo:${income}:${child}`}, ${`lo-${income}-${child}`}, ${UTRECHT}, ${YEAR}, ${`${YEAR}-03-01`}, ${income}, 'sport', 2500, 'lo-club')`);
        }
      }
      await refreshReach(tx, [{ municipalityCode: UTRECHT, year: YEAR }]);
    });
    app = await buildTestApp(database);
    folder = await mkdtemp(path.join(tmpdir(), 'meedoen-reach-exports-'));
  });
  after(async () => {
    await app?.close();
    await database?.close();
    await rm(folder, { recursive: true, force: true });
  });

  async function download(address: string, name: string): Promise<string> {
    const response = await app.inject(address);
    assert.equal(response.statusCode, 200, address);
    const file = path.join(folder, name);
    await writeFile(file, response.rawPayload);
    return file;
  }

  test('the Dutch CSV of a municipality opens with its numbers as numbers, the hidden cell as its reason', async () => {
    const file = await download(
      `/bereik/${UTRECHT}/download?jaar=${YEAR}&tabel=groepen&formaat=csv&lang=nl`,
      'groepen-nl.csv',
    );
    const outdir = path.join(folder, 'nl');
    const conversion = await convertWithLibreOffice(file, 'xlsx', {
      outdir,
      infilter: 'CSV:59,34,76,1,,1043',
    });
    assertClean(conversion, 'groepen-nl.xlsx');
    const sheet = await sheetOf(path.join(outdir, 'groepen-nl.xlsx'));
    assert.equal(sheet.getRow(2).getCell(1).value, 'Bijstand');
    assert.equal(sheet.getRow(2).getCell(2).value, 150);
    assert.equal(typeof sheet.getRow(2).getCell(5).value, 'number', 'the percentage is a number');
    assert.equal(sheet.getRow(4).getCell(2).value, '— (minder dan 10)');
    const credit = sheet.getRows(2, 30)!.find((row) => /^Bron: CBS/.test(String(row.getCell(1).value)));
    assert.ok(credit, 'the credit line came along');
  });

  test('the English CSV of all municipalities opens with commas and decimal points', async () => {
    const file = await download(
      `/bereik/download?jaar=${YEAR}&tabel=gemeenten&formaat=csv&lang=en&sorteer=bijstand&richting=af`,
      'gemeenten-en.csv',
    );
    const outdir = path.join(folder, 'en');
    const conversion = await convertWithLibreOffice(file, 'xlsx', {
      outdir,
      infilter: 'CSV:44,34,76,1,,2057',
    });
    assertClean(conversion, 'gemeenten-en.xlsx');
    const sheet = await sheetOf(path.join(outdir, 'gemeenten-en.xlsx'));
    assert.equal(
      sheet.getRow(2).getCell(2).value,
      UTRECHT,
      'sorted as shown: the only one with a percentage first',
    );
    assert.equal(typeof sheet.getRow(2).getCell(5).value, 'number');
  });

  test('the workbooks of both dashboards convert to PDF without errors', async () => {
    for (const [address, name] of [
      [`/bereik/${UTRECHT}/download?jaar=${YEAR}&tabel=alles&formaat=xlsx`, 'gemeente.xlsx'],
      [`/bereik/download?jaar=${YEAR}&tabel=alles&formaat=xlsx`, 'landelijk.xlsx'],
    ] as const) {
      const file = await download(address, name);
      const outdir = path.join(folder, 'pdf');
      const conversion = await convertWithLibreOffice(file, 'pdf', { outdir });
      const pdf = name.replace('.xlsx', '.pdf');
      assertClean(conversion, pdf);
      assert.ok((await stat(path.join(outdir, pdf))).size > 5_000);
    }
  });
});
