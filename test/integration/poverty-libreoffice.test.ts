import assert from 'node:assert/strict';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../../src/platform/db.ts';
import { ensurePovertyReferenceData } from '../../src/poverty/index.ts';
import { buildTestApp } from '../support/app.ts';
import { databasesUnderTest } from '../support/databases.ts';
import { convertWithLibreOffice, type Conversion } from '../support/libreoffice.ts';

// The downloads as people use them: opened in LibreOffice Calc. The files do not depend on the database,
// so this runs on the embedded one only.
const [embedded] = databasesUnderTest();

function assertClean(conversion: Conversion, expected: string) {
  assert.equal(conversion.code, 0, conversion.stderr);
  assert.ok(conversion.outputs.includes(expected), `${expected} written: ${conversion.stdout}`);
  const problems = conversion.stderr.split('\n').filter((line) => /error/i.test(line));
  assert.deepEqual(problems, [], 'LibreOffice reports no errors');
}

async function firstSheet(file: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook.worksheets[0]!;
}

describe('the poverty downloads open in LibreOffice', () => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  let folder: string;
  before(async () => {
    database = await embedded!.open();
    await ensurePovertyReferenceData(database.db);
    app = await buildTestApp(database);
    folder = await mkdtemp(path.join(tmpdir(), 'meedoen-exports-'));
  });
  after(async () => {
    await app?.close();
    await database?.close();
    await rm(folder, { recursive: true, force: true });
  });

  async function download(query: string, name: string): Promise<string> {
    const response = await app.inject(`/armoede/download?${query}`);
    assert.equal(response.statusCode, 200);
    const file = path.join(folder, name);
    await writeFile(file, response.rawPayload);
    return file;
  }

  test('the Dutch CSV opens as a Dutch spreadsheet reads it: columns split, decimal commas as numbers', async () => {
    const file = await download('tabel=reeks&formaat=csv&lang=nl', 'reeks-nl.csv');
    const outdir = path.join(folder, 'nl');
    // ";" separated, '"' quoted, UTF-8 (76), from line 1, language Dutch (1043).
    const conversion = await convertWithLibreOffice(file, 'xlsx', {
      outdir,
      infilter: 'CSV:59,34,76,1,,1043',
    });
    assertClean(conversion, 'reeks-nl.xlsx');
    const sheet = await firstSheet(path.join(outdir, 'reeks-nl.xlsx'));
    assert.equal(
      sheet.getRow(1).cellCount,
      7,
      'seven columns, the semicolons in the texts stayed inside them',
    );
    const row2017 = sheet.getRows(2, 20)!.find((row) => row.getCell(1).value === 2017);
    assert.equal(row2017?.getCell(4).value, 8.1);
    assert.equal(row2017?.getCell(3).value, 264000);
    const credit = sheet.getRows(2, 40)!.find((row) => /^Bron: CBS/.test(String(row.getCell(1).value)));
    assert.ok(credit, 'the credit line came along');
  });

  test('the English CSV opens with commas and decimal points', async () => {
    const file = await download('tabel=streefpad&formaat=csv&lang=en', 'streefpad-en.csv');
    const outdir = path.join(folder, 'en');
    const conversion = await convertWithLibreOffice(file, 'xlsx', {
      outdir,
      infilter: 'CSV:44,34,76,1,,2057',
    });
    assertClean(conversion, 'streefpad-en.xlsx');
    const sheet = await firstSheet(path.join(outdir, 'streefpad-en.xlsx'));
    const row2020 = sheet.getRows(2, 20)!.find((row) => row.getCell(1).value === 2020);
    assert.equal(row2020?.getCell(4).value, -0.72);
  });

  test('the workbook of all tables converts to PDF without errors', async () => {
    const file = await download('tabel=alles&formaat=xlsx&lang=nl', 'alles.xlsx');
    const outdir = path.join(folder, 'pdf');
    const conversion = await convertWithLibreOffice(file, 'pdf', { outdir });
    assertClean(conversion, 'alles.pdf');
    assert.ok((await stat(path.join(outdir, 'alles.pdf'))).size > 10_000);
  });
});
