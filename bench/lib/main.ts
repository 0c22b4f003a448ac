import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanUpEverything, installCleanupHandlers } from './cleanup.ts';

/** True when the module with this import.meta.url is the script node was started with. */
export function isEntryPoint(moduleUrl: string): boolean {
  const script = process.argv[1];
  return script !== undefined && path.resolve(script) === fileURLToPath(moduleUrl);
}

/** Runs a benchmark entry point: cleans up afterwards whatever happens, and sets the exit code. */
export async function runMain(main: () => Promise<boolean | void>): Promise<void> {
  installCleanupHandlers();
  try {
    const ok = await main();
    if (ok === false) process.exitCode = 1;
  } catch (error) {
    console.error(`bench: ${(error as Error).stack ?? String(error)}`);
    process.exitCode = 1;
  } finally {
    await cleanUpEverything();
  }
}
