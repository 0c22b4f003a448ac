import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

const bin = path.resolve('bin/meedoen.mjs');

function run(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, ...env } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('the reach commands on a fresh embedded database', () => {
  let folder: string;
  let env: Record<string, string>;
  before(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'meedoen-reach-cli-'));
    env = { MEEDOEN_DATA_DIR: path.join(folder, 'db'), LOG_LEVEL: 'warn', DATABASE_URL: '' };
  });
  after(() => rm(folder, { recursive: true, force: true }));

  test('import target-groups takes the example file, and reports a bad one by line and field', async () => {
    const good = await run(['import', 'target-groups', 'data/examples/doelgroepen-voorbeeld.csv'], env);
    assert.equal(good.code, 0, good.output);
    assert.match(good.output, /doelgroepen ingelezen: 4 regels \(4 nieuw, 0 vervangen\)/);
    const again = await run(['import', 'target-groups', 'data/examples/doelgroepen-voorbeeld.csv'], env);
    assert.match(again.output, /4 regels \(0 nieuw, 4 vervangen\)/);
    const bad = path.join(folder, 'fout.csv');
    await writeFile(bad, 'gemeentecode;jaar;inkomensbron;aantal_kinderen;bron\nGM0363;2025;zzp;12;CBS\n');
    const failed = await run(['import', 'target-groups', bad], env);
    assert.equal(failed.code, 1);
    assert.match(failed.output, /regel 2, inkomensbron: Inkomensbron is bijstand, werk of overig/);
    assert.match(failed.output, /niets ingelezen/);
  });

  test('reach target sets and resets a target; reach recompute rebuilds the counts', async () => {
    const set = await run(['reach', 'target', 'GM0363', '2025', 'work', '75'], env);
    assert.equal(set.code, 0, set.output);
    assert.match(set.output, /doel GM0363 2025 work: 75%/);
    const wrong = await run(['reach', 'target', 'GM0363', '2025', 'work', '150'], env);
    assert.equal(wrong.code, 1);
    const recompute = await run(['reach', 'recompute'], env);
    assert.equal(recompute.code, 0, recompute.output);
    assert.match(recompute.output, /reach recomputed: 0 counts/);
  });
});
