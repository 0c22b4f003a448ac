import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../../src/platform/db.ts';
import { ensurePovertyReferenceData, importLabourParticipationFromCli } from '../../src/poverty/index.ts';
import { povertyLabourParticipation } from '../../src/poverty/schema.ts';
import { buildTestApp } from '../support/app.ts';
import { databasesUnderTest } from '../support/databases.ts';

// Labour-participation figures are national, not per organisation: this is the only test file that
// writes them, and it starts each database from an empty table.
const example = path.resolve('docs/examples/arbeidsparticipatie-voorbeeld.csv');

function capture() {
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
}

for (const target of databasesUnderTest()) {
  describe(`importing labour participation on ${target.name}`, () => {
    let database: DatabaseHandle;
    let app: FastifyInstance;
    let folder: string;
    before(async () => {
      database = await target.open();
      await ensurePovertyReferenceData(database.db);
      await database.db.delete(povertyLabourParticipation);
      app = await buildTestApp(database);
      folder = await mkdtemp(path.join(tmpdir(), 'meedoen-labour-'));
    });
    after(async () => {
      await app?.close();
      await database?.close();
      await rm(folder, { recursive: true, force: true });
    });

    async function runImport(file: string, locale: 'nl' | 'en' = 'nl') {
      const out = capture();
      const err = capture();
      const code = await importLabourParticipationFromCli(database.db, {
        file,
        locale,
        stdout: out.stream,
        stderr: err.stream,
      });
      return { code, stdout: out.text(), stderr: err.text() };
    }

    test('a file with an error imports nothing and reports each problem by line and field', async () => {
      const good = await readFile(example, 'utf8');
      const bad = path.join(folder, 'fout.csv');
      await writeFile(
        bad,
        good.replace(
          '2022;cbs-lage-inkomensgrens;bijstand;34000',
          '2022;cbs-lage-inkomensgrens;bijstand;34.000',
        ),
      );
      const result = await runImport(bad);
      assert.equal(result.code, 1);
      assert.match(result.stderr, /Niets ingelezen: 1 fout\(en\)/);
      assert.match(result.stderr, /regel 6, aantal_huishoudens: Vul een heel aantal in/);
      assert.deepEqual((await app.inject('/api/v1/poverty/labour-participation')).json().data, []);
    });

    test('the example file imports whole; importing it again changes nothing', async () => {
      const first = await runImport(example);
      assert.equal(first.code, 0, first.stderr);
      assert.match(first.stdout, /ingelezen: 6 regels/);
      const before = (await app.inject('/api/v1/poverty/labour-participation')).json().data;
      assert.equal((await runImport(example)).code, 0);
      const again = (await app.inject('/api/v1/poverty/labour-participation')).json().data;
      assert.deepEqual(again, before);
      assert.equal(again.length, 6);
      assert.deepEqual(
        again.find(
          (r: { year: number; incomeSource: string }) => r.year === 2022 && r.incomeSource === 'werk',
        ),
        {
          year: 2022,
          definition: 'cbs-lage-inkomensgrens',
          incomeSource: 'werk',
          households: 44000,
          percentage: 46,
          status: 'gepubliceerd',
          source: 'VOORBEELD - geen echte cijfers',
          sourceUrl: 'https://example.org/voorbeeld',
        },
      );
    });

    test('the page then shows the figures as a chart and a table with their source, and offers them to download', async () => {
      const html = (await app.inject('/armoede')).body;
      assert.doesNotMatch(html, /Hier staan nog geen cijfers/);
      assert.match(html, /aria-labelledby="armoede-werk-title armoede-werk-desc"/);
      assert.match(html, /<td[^>]*>Werk<\/td><td[^>]*>44\.000<\/td><td[^>]*>46,0<\/td>/);
      assert.match(html, /VOORBEELD - geen echte cijfers/);
      const csv = await app.inject('/armoede/download?tabel=arbeidsparticipatie&formaat=csv&lang=nl');
      assert.equal(csv.statusCode, 200);
      assert.match(csv.body, /2022;CBS lage-inkomensgrens;Werk;44000;"46,0";gepubliceerd;/);
    });
  });
}

describe('the meedoen import labour-participation command', () => {
  test('runs from the command line on an embedded database, with a report in English on request', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'meedoen-labour-cli-'));
    const env = {
      ...process.env,
      MEEDOEN_DATA_DIR: path.join(folder, 'db'),
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
    };
    const run = (args: string[]) =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [path.resolve('bin/meedoen.mjs'), ...args], { env });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk) => (stdout += chunk));
        child.stderr.on('data', (chunk) => (stderr += chunk));
        child.on('close', (code) => resolve({ code, stdout, stderr }));
      });
    try {
      const missing = await run([
        'import',
        'labour-participation',
        path.join(folder, 'nope.csv'),
        '--lang',
        'en',
      ]);
      assert.equal(missing.code, 1);
      assert.match(missing.stderr, /cannot read/);
      assert.doesNotMatch(missing.stderr, /at .*\.ts:\d+/);
      const ok = await run(['import', 'labour-participation', example]);
      assert.equal(ok.code, 0, ok.stderr);
      assert.match(ok.stdout, /ingelezen: 6 regels arbeidsparticipatie/);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
