import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import YAML from 'yaml';
import { buildCatalogue } from '../support/factories.ts';
import { freePort } from '../support/ports.ts';

const bin = path.resolve('bin/meedoen.mjs');

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

describe('the meedoen command on a fresh embedded database', () => {
  let folder: string;
  let env: Record<string, string>;
  before(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'meedoen-cli-'));
    env = { MEEDOEN_DATA_DIR: path.join(folder, 'db'), LOG_LEVEL: 'warn', DATABASE_URL: '' };
  });
  after(() => rm(folder, { recursive: true, force: true }));

  test('serve starts with demo data, answers /health and the home page, keeps other processes off its database, and stops cleanly', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [bin, 'serve'], {
      env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    try {
      // A fresh embedded database starts in about 5 s on a quiet machine; a busy shared one takes longer.
      const deadline = Date.now() + 120_000;
      let health: Response | undefined;
      while (!health && Date.now() < deadline) {
        health = await fetch(`http://127.0.0.1:${port}/health`).catch(() => undefined);
        if (!health) await delay(250);
      }
      assert.ok(health, `the server answered within 120 s:\n${output}`);
      assert.deepEqual((await health.json()).database, { kind: 'pglite', reachable: true });
      const home = await fetch(`http://127.0.0.1:${port}/`);
      assert.equal(home.status, 200);
      const results = await fetch(`http://127.0.0.1:${port}/voorzieningen?municipality=GM0014`);
      assert.match(await results.text(), /Hulp voor kinderen in Groningen/);
      assert.match(output, /example catalogue seeded/);
      assert.match(output, /example scheme rules seeded: 9 schemes, 10 versions/);
      // A second process on the same embedded database would write what the server never sees.
      const beside = await run(['migrate'], env);
      assert.equal(beside.code, 1);
      assert.match(beside.stderr, /in gebruik door een ander Meedoen-proces \(pid \d+\)\. Stop dat eerst/);
      assert.doesNotMatch(beside.stderr, /\n\s+at /);
    } finally {
      child.kill('SIGTERM');
    }
    const code = await new Promise((resolve) => child.on('close', resolve));
    assert.equal(code, 0, output);
  });

  test('catalogue import rejects a malformed file whole, naming entry and field, without a stack trace', async () => {
    const { catalogue } = buildCatalogue([{}, { ages: { min: 9, max: 3 } }]);
    const file = path.join(folder, 'bad.yaml');
    await writeFile(file, YAML.stringify(catalogue));
    const result = await run(['catalogue', 'import', file], env);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /Niets geïmporteerd: 1 fout\(en\)/);
    assert.match(
      result.stderr,
      /provisions\[1\] \(test-provision-[0-9a-f]+\) → ages\.max: De hoogste leeftijd/,
    );
    assert.doesNotMatch(result.stderr, /\n\s+at /);
  });

  test('catalogue import takes a valid file and reports what it imported, in English on request', async () => {
    const { catalogue } = buildCatalogue([{}, {}]);
    const file = path.join(folder, 'good.json');
    await writeFile(file, JSON.stringify(catalogue));
    const result = await run(['catalogue', 'import', file, '--lang', 'en'], env);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /imported: 1 organisations, 2 provisions/);
  });

  test('schemes import adds new schemes and versions, and refuses a file that would change a stored version', async () => {
    const scheme = (percent: number) => ({
      example: false,
      schemes: [
        {
          key: 'cli-test-regeling',
          name: { nl: 'CLI-regeling', en: 'CLI scheme' },
          municipality: 'GM0014',
          owner: 'gemeente-groningen',
          versions: [
            {
              version: 1,
              validFrom: '2026-01-01',
              incomeTest: { kind: 'percent_of_norm', percent, holidayAllowance: 'included' },
              assetTest: true,
              source: 'Testbesluit',
            },
          ],
        },
      ],
    });
    const file = path.join(folder, 'schemes.yaml');
    await writeFile(file, YAML.stringify(scheme(120)));
    const first = await run(['schemes', 'import', file], env);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /imported: 1 schemes, 1 new versions/);
    const again = await run(['schemes', 'import', file], env);
    assert.match(again.stdout, /imported: 1 schemes, 0 new versions/);

    await writeFile(file, YAML.stringify(scheme(125)));
    const changed = await run(['schemes', 'import', file], env);
    assert.equal(changed.code, 1);
    assert.match(
      changed.stderr,
      /cli-test-regeling: version 1 \(2026-01-01\) differs from the stored version 1/,
    );
    assert.doesNotMatch(changed.stderr, /\n\s+at /);

    await writeFile(file, 'schemes:\n  - key: X\n');
    const malformed = await run(['schemes', 'import', file], env);
    assert.equal(malformed.code, 1);
    assert.match(malformed.stderr, /schemes\.0\.key/);
    assert.doesNotMatch(malformed.stderr, /\n\s+at /);
  });

  test('user invite prints a link for the first platform admin, and refuses a wrong role', async () => {
    const result = await run(
      ['user', 'invite', '--email', 'beheer@example.org', '--name', 'Ada Beheer', '--role', 'platform_admin'],
      env,
    );
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /http:\/\/localhost:3000\/uitnodiging\/[A-Za-z0-9_-]{43}\n/);
    const wrong = await run(
      ['user', 'invite', '--email', 'x@example.org', '--name', 'X Y', '--role', 'koning'],
      env,
    );
    assert.equal(wrong.code, 1);
    assert.match(wrong.stderr, /--role:/);
    assert.doesNotMatch(wrong.stderr, /\n\s+at /);
  });

  test('invalid configuration stops with a message naming the variable, not a stack trace', async () => {
    const result = await run(['migrate'], { ...env, PORT: 'drieduizend' });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /Invalid configuration:\n\s+PORT:/);
    assert.doesNotMatch(result.stderr, /\n\s+at /);
  });
});
