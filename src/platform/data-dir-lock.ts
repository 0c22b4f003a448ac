import { mkdir, open, readFile, unlink } from 'node:fs/promises';
import { readFileSync, unlinkSync } from 'node:fs';
import path from 'node:path';

/**
 * PGlite opens its data folder in whichever process asks, and each process then works on its own copy in
 * memory: a command run beside the server writes what the server never sees, and the two overwrite each
 * other's files. So one Meedoen process at a time holds the folder, marked by a file with its process id.
 */
export class DataDirInUseError extends Error {}

const LOCK_FILE = 'meedoen.lock';
const held = new Set<string>();
let exitHookInstalled = false;

/** Takes the folder for this process, or throws DataDirInUseError; the returned function gives it back. */
export async function lockDataDir(dataDir: string): Promise<() => void> {
  const lockPath = path.join(dataDir, LOCK_FILE);
  await mkdir(dataDir, { recursive: true });
  if (!(await tryCreate(lockPath))) {
    const holder = await holderOf(lockPath);
    if (holder !== null && isRunning(holder)) throw inUse(dataDir, holder);
    // The holder ended without giving the folder back (killed, or the machine stopped): take it over. Two
    // processes taking over the same left folder in the same instant could both get it; the case this guards
    // against, a person running a command beside the server, cannot.
    await unlink(lockPath).catch(() => undefined);
    if (!(await tryCreate(lockPath))) throw inUse(dataDir, await holderOf(lockPath));
  }
  held.add(lockPath);
  if (!exitHookInstalled) process.once('exit', releaseAllOnExit);
  exitHookInstalled = true;
  return () => {
    held.delete(lockPath);
    releaseIfOurs(lockPath);
  };
}

async function tryCreate(lockPath: string) {
  try {
    const file = await open(lockPath, 'wx');
    await file.writeFile(String(process.pid));
    await file.close();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

const parsePid = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : null);

async function holderOf(lockPath: string) {
  return parsePid(await readFile(lockPath, 'utf8').catch(() => ''));
}

/** The same process id as ours is a folder left by an earlier process (a container's pid 1, for one). */
function isRunning(pid: number) {
  if (pid === process.pid || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function inUse(dataDir: string, pid: number | null) {
  const which = pid === null ? '' : ` (pid ${pid})`;
  return new DataDirInUseError(
    `de ingebouwde database in ${dataDir} is in gebruik door een ander Meedoen-proces${which}. ` +
      'Stop dat eerst (de server met Ctrl-C) en probeer het opnieuw, of gebruik PostgreSQL (DATABASE_URL).\n' +
      `The embedded database in ${dataDir} is in use by another Meedoen process${which}. ` +
      'Stop that first (the server with Ctrl-C) and try again, or use PostgreSQL (DATABASE_URL).',
  );
}

function releaseAllOnExit() {
  for (const lockPath of held) releaseIfOurs(lockPath);
}

/** Synchronous, so the same giving back also works in the exit hook, where nothing asynchronous runs. */
function releaseIfOurs(lockPath: string) {
  try {
    if (parsePid(readFileSync(lockPath, 'utf8')) === process.pid) unlinkSync(lockPath);
  } catch {
    // Gone already, or unreadable: the next process judges it by its process id.
  }
}
