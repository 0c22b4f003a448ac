import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { deliveryRecords } from '../../src/applications/index.ts';
import { deliveryImportRuns } from '../../src/deliveries/schema.ts';
import type { DatabaseHandle } from '../../src/platform/db.ts';
import { buildTestApp } from '../support/app.ts';
import { databasesUnderTest } from '../support/databases.ts';
import { buildCatalogue, insertCatalogue } from '../support/factories.ts';
import { signedInStaffMember, type SignedInStaff } from '../support/staff.ts';

const header =
  'reference,municipality,delivered_on,category,value,income_source,child_key,first_name,birth_date,postcode,house_number';
const file = [
  header,
  'w1,GM0363,2025-03-28,sport,"12,50",bijstand,,Zoë,2015-03-28,9711AB,12',
  'w2,Nergenshuizen,2025-03-28,sport,10,bijstand,,Verborgen,2015-03-28,9711AB,12',
  'w3,GM0344,2025-03-29,culture,20,work,,Sem,2013-11-02,1011AB,3',
].join('\r\n');

/** A multipart form as a browser sends it: the form token first, then the file. */
function multipart(
  fields: Record<string, string>,
  upload: { name: string; content: Buffer | string } | null,
) {
  const boundary = '----meedoen-test-boundary';
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  const head = upload
    ? `--${boundary}\r\ncontent-disposition: form-data; name="bestand"; filename="${upload.name}"\r\ncontent-type: text/csv\r\n\r\n`
    : '';
  const payload = Buffer.concat([
    Buffer.from(parts.join('') + head),
    upload ? Buffer.from(upload.content) : Buffer.alloc(0),
    Buffer.from(`${upload ? '\r\n' : ''}--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** The temporary upload files still there, after giving a finishing import a moment to remove its own. */
// Uploads wait in the system's temporary directory; this file gets one of its own, so what other test
// processes (or an earlier, interrupted run) leave there cannot be taken for this test's leftovers.
process.env.TMPDIR = mkdtempSync(join(tmpdir(), 'meedoen-upload-test-'));

async function leftoverUploads() {
  const list = async () => (await readdir(tmpdir())).filter((f) => f.startsWith('meedoen-leveringen-'));
  for (let attempt = 0; attempt < 40 && (await list()).length > 0; attempt++) await delay(50);
  return list();
}

for (const target of databasesUnderTest()) {
  describe(`uploading deliveries on the web on ${target.name}`, () => {
    let database: DatabaseHandle;
    let app: FastifyInstance;
    let handler: SignedInStaff;
    let stranger: SignedInStaff;
    let organisation = '';
    before(async () => {
      database = await target.open();
      app = await buildTestApp(database);
      const own = buildCatalogue([]);
      const other = buildCatalogue([]);
      organisation = own.organisationKey;
      await insertCatalogue(database.db, own.catalogue);
      await insertCatalogue(database.db, other.catalogue);
      handler = await signedInStaffMember(database.db, { role: 'handler', organisationKey: organisation });
      stranger = await signedInStaffMember(database.db, {
        role: 'coordinator',
        organisationKey: other.organisationKey,
      });
    });
    after(async () => {
      await app.close();
      await database.close();
    });

    const base = () => `/beheer/organisaties/${organisation}/leveringen`;
    const get = (url: string, as = handler) =>
      app.inject({ method: 'GET', url, headers: { cookie: as.cookie } });
    const upload = (name: string, content: Buffer | string | null, as = handler, csrf = as.csrf) => {
      const form = multipart({ _csrf: csrf }, content === null ? null : { name, content });
      return app.inject({
        method: 'POST',
        url: base(),
        headers: { cookie: as.cookie, ...form.headers },
        payload: form.payload,
      });
    };
    const runs = () =>
      database.db.select().from(deliveryImportRuns).where(eq(deliveryImportRuns.provider, organisation));

    test('an upload runs in the background; its page shows progress, then the report and the correction file', async () => {
      const started = await upload('leveringen-maart.csv', file);
      assert.equal(started.statusCode, 303, started.body);
      const runPage = started.headers.location as string;
      assert.match(runPage, new RegExp(`^${base()}/[0-9a-f-]{36}$`));

      // Unasked, the page never refreshes itself (WCAG 2.2.1); asked, it does until the run is done.
      assert.doesNotMatch((await get(runPage)).body, /http-equiv="refresh"/);
      let page = '';
      for (let attempt = 0; attempt < 100; attempt++) {
        page = (await get(`${runPage}?verversen=aan`)).body;
        if (!page.includes('http-equiv="refresh"')) break;
        assert.match(page, /Voortgang/);
        await delay(50);
      }
      assert.doesNotMatch(page, /http-equiv="refresh"/, 'the run finished and the page stopped refreshing');
      assert.match(page, /Regels gelezen<\/dt><dd>3/);
      assert.match(page, /Geïmporteerd<\/dt><dd>2/);
      assert.match(page, /Afgekeurd<\/dt><dd>1/);
      assert.match(
        page,
        /<td class="utrecht-table__cell utrecht-table__cell--numeric">3<\/td><td class="utrecht-table__cell"><code>municipality<\/code><\/td><td class="utrecht-table__cell">Deze gemeente kennen we niet/,
      );

      const records = await database.db
        .select()
        .from(deliveryRecords)
        .where(eq(deliveryRecords.handlingOrganisation, organisation));
      assert.deepEqual(records.map((r) => r.source).sort(), [`${organisation}:w1`, `${organisation}:w3`]);

      const correction = await get(`${runPage}/correctie.csv`);
      assert.equal(correction.statusCode, 200);
      assert.match(correction.headers['content-type'] as string, /^text\/csv/);
      const [head, row] = correction.body.replace(/^\uFEFF/, '').split('\r\n');
      assert.equal(head, `regel,${header},fouten`);
      assert.match(
        row!,
        /^3,w2,Nergenshuizen,2025-03-28,sport,10,bijstand,ck1_[0-9a-f]{64},,,,,municipality: Deze gemeente/,
      );
      assert.doesNotMatch(correction.body + page, /Verborgen/, "the child's details are not kept");
      assert.deepEqual(await leftoverUploads(), [], 'the uploaded file is removed after the import');

      const list = (await get(base())).body;
      assert.match(list, /leveringen-maart\.csv/);
      assert.match((await get(`${runPage}?lang=en`)).body, /This municipality is not known/);
    });

    test("another organisation's members find neither the upload page nor the runs", async () => {
      const [run] = await runs();
      assert.ok(run);
      assert.equal((await get(`${base()}/${run.id}`, stranger)).statusCode, 404);
      assert.equal((await get(`${base()}/${run.id}/correctie.csv`, stranger)).statusCode, 404);
      assert.equal((await get(base(), stranger)).statusCode, 404);
      const refused = await upload('x.csv', file, stranger);
      assert.equal(refused.statusCode, 404);
      assert.deepEqual(await leftoverUploads(), [], 'a refused upload is not kept');
    });

    test('a wrong file, an empty file, a wrong header or no file: a clear message on the form, nothing changed', async () => {
      const before = (await runs()).length;
      const cases: [string, Buffer | string | null, RegExp][] = [
        [
          'foto.png',
          Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
          /geen CSV- of Excel-bestand/,
        ],
        ['leeg.csv', '', /Dit bestand is leeg/],
        [
          'kop.csv',
          'referentie,gemeente\nx,GM0363\n',
          /Deze kolommen ontbreken in de eerste regel: delivered_on, category, value, income_source/,
        ],
        ['', null, /Kies een CSV- of Excel-bestand/],
      ];
      for (const [name, content, message] of cases) {
        const response = await upload(name, content);
        assert.equal(response.statusCode, 400, name);
        assert.match(response.body, message, name);
        assert.match(
          response.body,
          /<a class="utrecht-link" href="#bestand">/,
          'the error summary links to the field',
        );
        assert.match(response.body, /aria-invalid="true"/);
      }
      assert.equal((await runs()).length, before);
      assert.deepEqual(await leftoverUploads(), []);
    });

    test('without the form token nothing is uploaded or started', async () => {
      const before = (await runs()).length;
      const response = await upload('x.csv', file, handler, 'not-the-token');
      assert.equal(response.statusCode, 403);
      assert.equal((await runs()).length, before);
      assert.deepEqual(await leftoverUploads(), []);
    });
  });
}
