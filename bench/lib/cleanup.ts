// Everything a benchmark leaves behind (child processes, temporary folders, throwaway databases) is
// registered here, so it is removed on success, on failure, on Ctrl-C, and as a last resort on exit.
import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

type Task = { name: string; run: () => Promise<void> };

const children = new Set<ChildProcess>();
const tempDirs = new Set<string>();
const tasks: Task[] = [];

/** The repository root, whatever the working directory. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export function trackChild(child: ChildProcess): void {
  children.add(child);
  child.once('exit', () => children.delete(child));
}

export async function makeTempDir(label: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `meedoen-bench-${label}-`));
  tempDirs.add(dir);
  return dir;
}

export async function removeTempDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  tempDirs.delete(dir);
}

/** Registers work to undo later; returns a function that runs it now (once) and unregisters it. */
export function deferCleanup(name: string, run: () => Promise<void>): () => Promise<void> {
  const task: Task = { name, run };
  tasks.push(task);
  return async () => {
    const index = tasks.indexOf(task);
    if (index === -1) return;
    tasks.splice(index, 1);
    await task.run();
  };
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Asks a child to stop (SIGTERM), and kills it (SIGKILL) when it has not stopped within the grace period. */
export async function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  if (await waitForExit(child, graceMs)) return;
  child.kill('SIGKILL');
  await waitForExit(child, 5_000);
}

/** Stops every child, runs the registered tasks newest first, and removes the temporary folders. */
export async function cleanUpEverything(): Promise<void> {
  await Promise.all([...children].map((child) => stopChild(child, 5_000)));
  while (tasks.length > 0) {
    const task = tasks.pop()!;
    try {
      await task.run();
    } catch (error) {
      console.error(`bench: cleanup "${task.name}" failed: ${(error as Error).message}`);
    }
  }
  for (const dir of [...tempDirs]) await removeTempDir(dir).catch(() => undefined);
}

let installed = false;

/** On Ctrl-C or SIGTERM: clean up, then exit. On any exit: kill what is left and remove the folders. */
export function installCleanupHandlers(): void {
  if (installed) return;
  installed = true;
  let interrupted = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupted) return;
    interrupted = true;
    console.error(`\nbench: ${signal}, cleaning up`);
    void cleanUpEverything().finally(() => process.exit(130));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('exit', () => {
    for (const child of children) child.kill('SIGKILL');
    for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  });
}
