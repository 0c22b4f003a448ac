import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { removeLeftUploads } from './upload.ts';

test('uploads an interrupted import left behind are removed after an hour; younger ones and other files stay', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'meedoen-upload-test-'));
  try {
    const now = Date.now();
    const files: [string, number][] = [
      ['meedoen-leveringen-old', now - 2 * 60 * 60 * 1000],
      ['meedoen-leveringen-running', now - 10 * 60 * 1000],
      ['somebody-elses-file', now - 48 * 60 * 60 * 1000],
    ];
    for (const [name, modified] of files) {
      await writeFile(join(folder, name), 'voornaam,geboortedatum\n');
      await utimes(join(folder, name), modified / 1000, modified / 1000);
    }
    assert.equal(await removeLeftUploads(folder, now), 1);
    assert.deepEqual((await readdir(folder)).sort(), ['meedoen-leveringen-running', 'somebody-elses-file']);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});
