import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { missing, toCsv, toXlsx, type DataTable } from './index.ts';

const table: DataTable = {
  title: 'Kinderen in armoede',
  columns: [
    { key: 'year', label: 'Jaar', kind: 'text' },
    { key: 'children', label: 'Aantal kinderen', kind: 'number' },
    { key: 'share', label: 'Percentage', kind: 'number', decimals: 1 },
    { key: 'note', label: 'Toelichting', kind: 'text' },
  ],
  rows: [
    { year: '2018', children: 264000, share: 8.1, note: 'gepubliceerd; dec 2019' },
    { year: '2019', children: 238000, share: missing('geen cijfer gepubliceerd'), note: '"afgeleid"' },
    { year: '2020', children: null, share: -0.72, note: '=HYPERLINK("x")' },
  ],
  source: 'Bron: CBS',
  notes: ['schatting: afgeleid uit twee publicaties'],
};

test('Dutch CSV: BOM, semicolons, decimal comma, no thousands separator, quoted where needed', () => {
  const csv = toCsv(table, 'nl');
  assert.ok(csv.startsWith('\uFEFF'), 'starts with a byte order mark so Excel reads UTF-8');
  const lines = csv.slice(1).split('\r\n');
  assert.equal(lines[0], 'Jaar;Aantal kinderen;Percentage;Toelichting');
  assert.equal(lines[1], '2018;264000;"8,1";"gepubliceerd; dec 2019"');
  assert.equal(lines[2], '2019;238000;geen cijfer gepubliceerd;"""afgeleid"""');
  assert.equal(
    lines[3],
    `2020;;"-0,7";"'=HYPERLINK(""x"")"`,
    'a formula is defused, an empty cell stays empty',
  );
  assert.deepEqual(lines.slice(4), ['', 'Bron: CBS', 'schatting: afgeleid uit twee publicaties', '']);
});

test('English CSV uses commas and a decimal point, and parses back to the same cells', () => {
  const csv = toCsv(table, 'en');
  const records = parse(csv, { bom: true, relax_column_count: true }) as string[][];
  assert.deepEqual(records[0], ['Jaar', 'Aantal kinderen', 'Percentage', 'Toelichting']);
  assert.deepEqual(records[1], ['2018', '264000', '8.1', 'gepubliceerd; dec 2019']);
  assert.deepEqual(records[2], ['2019', '238000', 'geen cijfer gepubliceerd', '"afgeleid"']);
  assert.deepEqual(records[records.length - 2], ['Bron: CBS']);
});

test('XLSX keeps numbers as numbers, a withheld value as its reason, and the credit line', async () => {
  const buffer = await toXlsx([table, { ...table, title: 'Kinderen in armoede' }], 'nl');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  assert.deepEqual(
    workbook.worksheets.map((sheet) => sheet.name),
    ['Kinderen in armoede', 'Kinderen in armoede 2'],
  );
  const sheet = workbook.worksheets[0]!;
  assert.equal(sheet.getCell('A1').value, 'Kinderen in armoede');
  assert.equal(sheet.getCell('B2').value, 'Aantal kinderen');
  assert.equal(sheet.getCell('B3').value, 264000);
  assert.equal(sheet.getCell('C3').value, 8.1);
  assert.equal(sheet.getCell('C3').numFmt, '#,##0.0');
  assert.equal(sheet.getCell('C4').value, 'geen cijfer gepubliceerd');
  assert.equal(sheet.getCell('B5').value, null);
  assert.equal(sheet.getCell('A7').value, 'Bron: CBS');
  assert.equal(sheet.getCell('A8').value, 'schatting: afgeleid uit twee publicaties');
});
