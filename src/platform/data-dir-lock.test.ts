import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { DataDirInUseError, lockDataDir } from './data-dir-lock.ts';

let folder: string;
before(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'meedoen-lock-'));
});
after(() => rm(folder, { recursive: true, force: true }));

const lockFile = (dataDir: string) => path.join(dataDir, 'meedoen.lock');

/** The id of a process that has ended, so nobody holds a folder under it. */
async function endedProcessId() {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}

test('a folder held by another running process is refused, in Dutch and English, and left as it was', async () => {
  const dataDir = path.join(folder, 'held');
  const unlock = await lockDataDir(dataDir);
  unlock();
  // The parent of this test process (the test runner) runs as long as the test does.
  await writeFile(lockFile(dataDir), String(process.ppid));
  await assert.rejects(
    lockDataDir(dataDir),
    (error: unknown) =>
      error instanceof DataDirInUseError &&
      error.message.includes(`in gebruik door een ander Meedoen-proces (pid ${process.ppid})`) &&
      error.message.includes('in use by another Meedoen process') &&
      error.message.includes(dataDir),
  );
  assert.equal(await readFile(lockFile(dataDir), 'utf8'), String(process.ppid));
});

test('a folder left by a process that ended (killed, say) is taken over, and given back', async () => {
  const dataDir = path.join(folder, 'left');
  const unlock = await lockDataDir(dataDir);
  await writeFile(lockFile(dataDir), String(await endedProcessId()));
  const again = await lockDataDir(dataDir);
  assert.equal(await readFile(lockFile(dataDir), 'utf8'), String(process.pid));
  again();
  unlock();
  await assert.rejects(readFile(lockFile(dataDir)), { code: 'ENOENT' });
});

test('a mark that is not a process id (cut off while written) does not keep the folder', async () => {
  const dataDir = path.join(folder, 'garbled');
  (await lockDataDir(dataDir))();
  await writeFile(lockFile(dataDir), '');
  const unlock = await lockDataDir(dataDir);
  assert.equal(await readFile(lockFile(dataDir), 'utf8'), String(process.pid));
  unlock();
});

test('giving back leaves a mark alone that another process has set since', async () => {
  const dataDir = path.join(folder, 'since');
  const unlock = await lockDataDir(dataDir);
  await writeFile(lockFile(dataDir), String(process.ppid));
  unlock();
  assert.equal(await readFile(lockFile(dataDir), 'utf8'), String(process.ppid));
});
