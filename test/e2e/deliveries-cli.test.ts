import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { childKeyFor } from '../../src/applications/index.ts';
import { isoDateInAmsterdam } from '../../src/platform/clock.ts';

const bin = path.resolve('bin/meedoen.mjs');
const secret = 'partner-shared-child-key-secret-0123456789';

function run(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const rawFile = [
  'reference;municipality;delivered_on;category;value;income_source;first_name;birth_date;postcode;house_number',
  'A-1;Amsterdam;2025-03-28;sport;12,50;bijstand;Zoë Anne;2015-03-28;9711 ab;12a',
  'A-2;GM0344;2025-04-01;culture;30;work;Sem;2013-11-02;1011AB;3',
  'A-3;GM0344;2025-04-01;culture;30;work;Lotte;2014-01-01;0123AB;3',
].join('\r\n');

describe('meedoen pseudonymize and meedoen import deliveries, as a partner and an operator run them', () => {
  let folder: string;
  let env: Record<string, string>;
  before(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'meedoen-deliveries-cli-'));
    env = { MEEDOEN_DATA_DIR: path.join(folder, 'db'), LOG_LEVEL: 'warn', DATABASE_URL: '' };
    await writeFile(path.join(folder, 'raw.csv'), rawFile);
    await writeFile(path.join(folder, 'secret.txt'), `${secret}\n`);
    const seeded = await run(['seed'], env);
    assert.equal(seeded.code, 0, seeded.stderr);
  });
  after(() => rm(folder, { recursive: true, force: true }));

  test('pseudonymize replaces the child fields by the key Meedoen would compute, offline', async () => {
    const input = path.join(folder, 'raw.csv');
    const output = path.join(folder, 'keyed.csv');
    const result = await run(
      ['pseudonymize', input, output, '--secret-file', path.join(folder, 'secret.txt')],
      {
        MEEDOEN_DATA_DIR: '/nonexistent/never-opened',
      },
    );
    assert.equal(result.code, 2, 'one row could not be keyed');
    assert.match(result.stderr, /regel 4, postcode: Deze postcode klopt niet/);
    assert.match(result.stderr, /2 van 3 regels hebben een kindsleutel/);
    const lines = (await readFile(output, 'utf8')).trim().split('\r\n');
    assert.equal(lines[0], 'reference;municipality;delivered_on;category;value;income_source;child_key');
    const today = isoDateInAmsterdam(new Date());
    const zoe = childKeyFor(
      secret,
      { firstName: 'Zoë Anne', birthDate: '2015-03-28', postcode: '9711 ab', houseNumber: '12a' },
      today,
    );
    assert.ok(zoe.ok);
    assert.equal(lines[1], `A-1;Amsterdam;2025-03-28;sport;12,50;bijstand;${zoe.key}`);
    assert.equal(lines[3], 'A-3;GM0344;2025-04-01;culture;30;work;');
    assert.doesNotMatch(lines.join('\n'), /Zoë|9711|Lotte/);

    // The same key from the environment variable; without a secret nothing is written.
    const fromEnv = await run(['pseudonymize', input, path.join(folder, 'env.csv')], {
      MEEDOEN_CHILD_KEY_SECRET: secret,
    });
    assert.equal(fromEnv.code, 2);
    assert.equal(await readFile(path.join(folder, 'env.csv'), 'utf8'), await readFile(output, 'utf8'));
    const none = await run(['pseudonymize', input, path.join(folder, 'none.csv')], {
      MEEDOEN_CHILD_KEY_SECRET: '',
    });
    assert.equal(none.code, 1);
    assert.match(none.stderr, /no child-key secret/);
  });

  test('import deliveries shows progress, reports the rejected rows, and changes nothing the second time', async () => {
    const file = path.join(folder, 'keyed.csv');
    const report = path.join(folder, 'report.csv');
    const importEnv = { ...env, MEEDOEN_CHILD_KEY_SECRET: secret };
    const first = await run(
      ['import', 'deliveries', file, '--provider', 'leergeld-amsterdam', '--report', report],
      importEnv,
    );
    assert.equal(first.code, 2, first.stderr);
    assert.match(first.stderr, /\[#{30}\] 100%/, 'a progress line on stderr (not a terminal: plain lines)');
    assert.match(first.stderr, /geïmporteerd: 2\n/);
    assert.match(first.stderr, /afgekeurd \(zie het rapport\): 1/);
    assert.equal(
      (await readFile(report, 'utf8')).trim(),
      [
        'line,field,code,melding,message',
        '4,child_key,child_missing,"Geef het kind aan: een kindsleutel, of voornaam, geboortedatum, postcode en huisnummer.","Identify the child: a child key, or first name, date of birth, postcode and house number."',
      ].join('\r\n'),
    );

    const second = await run(
      ['import', 'deliveries', file, '--provider', 'leergeld-amsterdam', '--lang', 'en'],
      importEnv,
    );
    assert.equal(second.code, 2);
    assert.match(second.stderr, /imported: 0\n/);
    assert.match(second.stderr, /already imported: 2\n/);
    assert.match(
      second.stdout,
      /^line,field,code,melding,message\r\n4,child_key,child_missing/,
      'the report on stdout',
    );
  });

  test('a raw file is keyed on arrival and its details appear in no output; an unknown provider or a wrong file imports nothing', async () => {
    const raw = await run(
      ['import', 'deliveries', path.join(folder, 'raw.csv'), '--provider', 'jarige-job'],
      {
        ...env,
        MEEDOEN_CHILD_KEY_SECRET: secret,
      },
    );
    assert.equal(raw.code, 2);
    assert.match(raw.stdout, /4,postcode,postcode_malformed/);
    assert.doesNotMatch(raw.stdout + raw.stderr, /Zoë|Lotte|0123AB|2014-01-01/);

    const unknown = await run(
      ['import', 'deliveries', path.join(folder, 'raw.csv'), '--provider', 'bestaat-niet'],
      env,
    );
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /onbekende organisatie: bestaat-niet/);
    await writeFile(path.join(folder, 'wrong.csv'), 'naam,adres\nPiet,Dorpsstraat 1\n');
    const wrong = await run(
      ['import', 'deliveries', path.join(folder, 'wrong.csv'), '--provider', 'jarige-job'],
      env,
    );
    assert.equal(wrong.code, 1);
    assert.match(wrong.stderr, /Deze kolommen kennen we niet: naam, adres/);
  });
});
