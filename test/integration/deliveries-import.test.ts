import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { childKeyFor, deliveryRecords } from '../../src/applications/index.ts';
import { pseudonymizeFile } from '../../src/deliveries/pseudonymize.ts';
import { deliveryImportRejects, deliveryImportRuns } from '../../src/deliveries/schema.ts';
import type { DatabaseHandle } from '../../src/platform/db.ts';
import { processingLog } from '../../src/platform/processing-log/schema.ts';
import { databasesUnderTest } from '../support/databases.ts';
import { buildCatalogue, insertCatalogue, uniqueKey } from '../support/factories.ts';
import { CHILD_KEY_SECRET, importFile } from '../support/imports.ts';

const secret = CHILD_KEY_SECRET;
const today = '2025-06-01';
const header =
  'reference,municipality,delivered_on,category,value,income_source,child_key,first_name,birth_date,postcode,house_number';
const zoe = { firstName: 'Zoë Anne', birthDate: '2015-03-28', postcode: '9711 ab', houseNumber: '12a' };
const zoeKey = () => {
  const keyed = childKeyFor(secret, zoe, today);
  assert.ok(keyed.ok);
  return keyed.key;
};

for (const target of databasesUnderTest()) {
  describe(`importing a partner's deliveries on ${target.name}`, () => {
    let database: DatabaseHandle;
    let folder: string;
    before(async () => {
      database = await target.open();
      folder = await mkdtemp(path.join(tmpdir(), 'meedoen-deliveries-'));
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

    async function write(name: string, text: string) {
      const file = path.join(folder, `${uniqueKey(name)}.csv`);
      await writeFile(file, text);
      return file;
    }

    const run = (file: string, organisation: string, batchSize = 2) =>
      importFile(database.db, file, organisation, { today, batchSize });

    const records = (organisation: string) =>
      database.db
        .select()
        .from(deliveryRecords)
        .where(eq(deliveryRecords.handlingOrganisation, organisation))
        .orderBy(deliveryRecords.source);

    test('raw child fields and a ready key give the same key; a file as Dutch Excel writes it reads the same', async () => {
      const organisation = await provider();
      const rawHeader = header.replace('child_key,', '');
      const raw = await write(
        'raw',
        `${rawHeader}\nr1,GM0363,2025-03-28,sport,"12,50",bijstand,${zoe.firstName},${zoe.birthDate},${zoe.postcode},${zoe.houseNumber}\n`,
      );
      const pseudonymized = path.join(folder, `${uniqueKey('keyed')}.csv`);
      const result = await pseudonymizeFile({
        input: raw,
        output: pseudonymized,
        secret,
        today,
        onProblem: (problem) => assert.fail(JSON.stringify(problem)),
      });
      assert.equal(result.keyed, 1);
      // The same delivery under another reference, from the pseudonymised file; and one in Dutch Excel style.
      const keyed = await write('keyed', (await readFile(pseudonymized, 'utf8')).replace('r1,', 'r2,'));
      const dutch = await write(
        'dutch',
        `referentie;gemeente;leverdatum;categorie;waarde;inkomstenbron;kindsleutel\r\nr3;amsterdam;28-3-2025;sport;12,50;werk;${zoeKey().toUpperCase()}\r\n`,
      );
      for (const file of [raw, keyed, dutch])
        assert.equal((await run(file, organisation)).outcome.imported, 1);

      const stored = await records(organisation);
      assert.deepEqual(
        stored.map((r) => [
          r.source,
          r.childKey,
          r.municipalityCode,
          r.deliveredOn,
          r.valueCents,
          r.incomeSource,
        ]),
        [
          [`${organisation}:r1`, zoeKey(), 'GM0363', '2025-03-28', 1250, 'bijstand'],
          [`${organisation}:r2`, zoeKey(), 'GM0363', '2025-03-28', 1250, 'bijstand'],
          [`${organisation}:r3`, zoeKey(), 'GM0363', '2025-03-28', 1250, 'work'],
        ],
      );
    });

    test('references with a backslash, a tab, a quote, accents or an emoji are stored as written, dates and values exactly', async () => {
      const organisation = await provider();
      // reference, date, value as written, and as stored in cents
      const rows: [string, string, string, number][] = [
        ['a\\b', '2025-01-31', '0,05', 5],
        ['tab\there', '2024-02-29', '1,50', 150],
        ['say "hi"', '2015-01-01', '249,99', 24999],
        ['café-ß', '2025-05-31', '10', 1000],
        ['pass-🎟️', '2020-06-15', '0,01', 1],
      ];
      const quoted = (text: string) => `"${text.replaceAll('"', '""')}"`;
      const lines = rows.map(
        ([reference, date, value]) =>
          `${quoted(reference)},GM0344,${date},culture,${quoted(value)},work,${zoeKey()},,,,`,
      );
      // A batch of 100 rows: on PostgreSQL the rows travel in COPY's binary format.
      const file = await write('special', [header, ...lines].join('\n'));
      assert.equal((await run(file, organisation, 100)).outcome.imported, rows.length);
      const stored = await records(organisation);
      const byReference = (a: unknown[], b: unknown[]) => String(a[0]).localeCompare(String(b[0]));
      assert.deepEqual(
        stored
          .map((r) => [r.source.slice(organisation.length + 1), r.deliveredOn, r.year, r.valueCents])
          .sort(byReference),
        rows
          .map(([reference, date, , cents]) => [reference, date, Number(date.slice(0, 4)), cents])
          .sort(byReference),
      );
    });

    test('an XLSX file (first sheet, real dates and numbers) imports like the CSV', async () => {
      const organisation = await provider();
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Leveringen');
      workbook.addWorksheet('Notities').addRow(['not read']);
      sheet.addRow(header.split(','));
      sheet.addRow([
        'x1',
        'Utrecht',
        new Date(Date.UTC(2025, 3, 14)),
        'bicycle',
        175.5,
        'other_benefit',
        '',
        'Zoe',
        '2015-03-28',
        '9711AB',
        12,
      ]);
      sheet.addRow(['x2', 'GM9999', '2025-04-14', 'bicycle', 10, 'work', zoeKey()]);
      const file = path.join(folder, `${uniqueKey('sheet')}.xlsx`);
      await workbook.xlsx.writeFile(file);

      const { outcome, runId } = await run(file, organisation);
      assert.deepEqual([outcome.rowsRead, outcome.imported, outcome.invalid], [2, 1, 1]);
      const [stored] = await records(organisation);
      assert.deepEqual(
        [
          stored!.childKey,
          stored!.municipalityCode,
          stored!.deliveredOn,
          stored!.valueCents,
          stored!.category,
        ],
        [zoeKey(), 'GM0344', '2025-04-14', 17550, 'bicycle'],
      );
      const rejects = await database.db
        .select()
        .from(deliveryImportRejects)
        .where(eq(deliveryImportRejects.runId, runId));
      assert.deepEqual(
        rejects.map((r) => [r.line, r.issues]),
        [[3, [{ field: 'municipality', code: 'municipality_unknown' }]]],
      );
    });

    test('invalid rows are reported by line and field without their child details; the valid rows are kept', async () => {
      const organisation = await provider();
      const file = await write(
        'mixed',
        [
          header,
          `ok1,GM0363,2025-03-28,sport,10,bijstand,${zoeKey()},,,,`,
          `bad1,Atlantis,2025-03-28,sport,10,bijstand,${zoeKey()},,,,`,
          'ok2,GM0344,2025-01-02,culture,"1.250,00",work,,Sem,2013-11-02,1011AB,3',
          'bad2,GM0344,2025-01-02,ponies,twelve,lottery,,Geheimnaam,2013-02-30,0123AB,3',
          'bad3,GM0344,2099-01-02,sport,5,work,,,,,',
        ].join('\n'),
      );
      const { outcome, runId } = await run(file, organisation);
      assert.deepEqual(
        [outcome.rowsRead, outcome.valid, outcome.imported, outcome.invalid, outcome.failure],
        [5, 2, 2, 3, null],
      );
      assert.deepEqual(
        (await records(organisation)).map((r) => r.source),
        [`${organisation}:ok1`, `${organisation}:ok2`],
      );

      const rejects = await database.db
        .select()
        .from(deliveryImportRejects)
        .where(eq(deliveryImportRejects.runId, runId))
        .orderBy(deliveryImportRejects.line);
      assert.deepEqual(
        rejects.map((r) => [r.line, r.issues.map((i) => `${i.field}:${i.code}`)]),
        [
          [3, ['municipality:municipality_unknown']],
          [
            5,
            [
              'category:category_unknown',
              'value:value_malformed',
              'income_source:income_source_unknown',
              'birth_date:birth_date_not_a_date',
              'postcode:postcode_malformed',
            ],
          ],
          [6, ['delivered_on:delivered_on_in_future', 'child_key:child_missing']],
        ],
      );
      // The correction row keeps what the provider needs to find the delivery, never the child's details.
      assert.equal(rejects[0]!.values.child_key, zoeKey());
      assert.doesNotMatch(JSON.stringify(rejects), /Geheimnaam|2013-02-30|0123AB/);
      const [stored] = await database.db
        .select()
        .from(deliveryImportRuns)
        .where(eq(deliveryImportRuns.id, runId));
      assert.deepEqual([stored!.status, stored!.imported, stored!.invalid], ['done', 2, 3]);
    });

    test('importing the same file again changes nothing and says how many were already there', async () => {
      const organisation = await provider();
      const file = await write(
        'twice',
        `${header}\nt1,GM0363,2025-03-28,sport,10,bijstand,${zoeKey()},,,,\nt2,GM0363,2025-03-29,sport,10,bijstand,${zoeKey()},,,,\nt2,GM0363,2025-03-29,sport,99,work,${zoeKey()},,,,\n`,
      );
      const first = await run(file, organisation);
      assert.deepEqual([first.outcome.imported, first.outcome.duplicates], [2, 1]);
      const before = await records(organisation);
      const second = await run(file, organisation);
      assert.deepEqual(
        [second.outcome.imported, second.outcome.duplicates, second.outcome.invalid],
        [0, 3, 0],
      );
      assert.deepEqual(await records(organisation), before);
    });

    test('rows of alternating municipalities are stored whole, and a reference repeated elsewhere keeps its first line', async () => {
      const organisation = await provider();
      const line = (reference: string, municipality: string, value: string) =>
        `${reference},${municipality},2025-03-28,sport,${value},bijstand,${zoeKey()},,,,`;
      const mixed = await write(
        'mixed',
        [header, line('m1', 'GM0363', '1'), line('m2', 'GM0344', '2'), line('m3', 'GM0363', '3')].join('\n'),
      );
      const repeated = await write(
        'repeated',
        [header, line('m4', 'GM0344', '4'), line('m5', 'GM0363', '5'), line('m4', 'GM0363', '99')].join('\n'),
      );
      // One batch each: written cell by cell, the first file goes in whole; the second repeats m4.
      assert.deepEqual((await run(mixed, organisation, 100)).outcome.imported, 3);
      const second = (await run(repeated, organisation, 100)).outcome;
      assert.deepEqual([second.imported, second.duplicates], [2, 1]);
      assert.deepEqual(
        (await records(organisation)).map((r) => [
          r.source.split(':').at(-1),
          r.municipalityCode,
          r.valueCents,
        ]),
        [
          ['m1', 'GM0363', 100],
          ['m2', 'GM0344', 200],
          ['m3', 'GM0363', 300],
          ['m4', 'GM0344', 400],
          ['m5', 'GM0363', 500],
        ],
      );
    });

    test('a file of the wrong type, an empty file or a wrong header imports nothing and says why', async () => {
      const organisation = await provider();
      const png = path.join(folder, `${uniqueKey('image')}.csv`);
      await writeFile(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
      const cases: [string, string, string | null][] = [
        [png, 'file_type', null],
        [await write('empty', ''), 'file_empty', null],
        [
          await write('header', `reference,gemeente,datum,category,waarde\nh1,GM0363,2025-03-28,sport,10\n`),
          'header_missing',
          'income_source',
        ],
        [await write('unknown', `${header},achternaam\n`), 'header_unknown', 'achternaam'],
        [
          await write('nochild', 'reference,municipality,delivered_on,category,value,income_source\n'),
          'header_no_child',
          null,
        ],
      ];
      for (const [file, code, detail] of cases) {
        const { outcome, runId } = await run(file, organisation);
        assert.equal(outcome.failure?.code, code, file);
        assert.equal(outcome.failure?.detail ?? null, detail, file);
        const [stored] = await database.db
          .select()
          .from(deliveryImportRuns)
          .where(eq(deliveryImportRuns.id, runId));
        assert.equal(stored!.status, 'failed');
      }
      assert.equal((await records(organisation)).length, 0);
    });

    test('the example files of docs/deliveries-import.md import without a rejected row', async () => {
      const organisation = await provider();
      for (const example of ['deliveries-example.csv', 'deliveries-example.xlsx']) {
        const { outcome } = await run(path.resolve('data/examples', example), organisation);
        assert.deepEqual([outcome.failure, outcome.invalid, outcome.imported > 0], [null, 0, true], example);
      }
      assert.equal((await records(organisation)).length, 7);
    });

    test('each run leaves one record in the processing log, about no child in particular', async () => {
      const organisation = await provider();
      const file = await write(
        'logged',
        `${header}\nl1,GM0363,2025-03-28,sport,10,bijstand,${zoeKey()},,,,\nl2,GM0363,2025-03-28,sport,10,bijstand,${zoeKey()},,,,\n`,
      );
      await run(file, organisation);
      const result = await database.db.execute(
        sql`select count(*)::int as count from ${processingLog} where activity = 'deliveries.import' and actor_organisation = ${organisation}`,
      );
      const [{ count }] = (result as unknown as { rows: [{ count: number }] }).rows;
      assert.equal(count, 1);
    });
  });
}
