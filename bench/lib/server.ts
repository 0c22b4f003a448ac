// Servers under test run as child processes, so they never share an event loop with the load generator.
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { repoRoot, stopChild, trackChild } from './cleanup.ts';

export const HOST = '127.0.0.1';

export type ServerSpec = {
  /** Shown in error messages. */
  label: string;
  /** Arguments for `node`, e.g. ['bin/meedoen.mjs', 'serve']; relative paths are from the repository root. */
  args: string[];
  env?: Record<string, string>;
  /** Polled until it answers 200. */
  healthPath?: string;
  timeoutMs?: number;
};

export type ChildServer = {
  readonly label: string;
  readonly pid: number;
  readonly origin: string;
  /** Wall time from just before spawn() to the first 200 from the health path. */
  readonly readyMs: number;
  /** The last part of the child's stdout and stderr. */
  output(): string;
  /** CPU time (user + system) the child has used so far, in milliseconds (Linux /proc). */
  cpuMs(): Promise<number>;
  stop(): Promise<void>;
};

/** Settings that would change what the child does are dropped; each benchmark sets its own. */
const INHERITED_BUT_UNWANTED = [
  'DATABASE_URL',
  'MEEDOEN_DATA_DIR',
  'MEEDOEN_DEMO_DATA',
  'MEEDOEN_SECRET',
  'PORT',
  'HOST',
  'LOG_LEVEL',
  'NODE_ENV',
  'NODE_OPTIONS',
];

function childEnvironment(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of INHERITED_BUT_UNWANTED) delete env[name];
  return { ...env, ...extra };
}

/** A port that was free a moment ago (the OS picks it; the tiny race is acceptable on a bench machine). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, HOST, () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** The status of one GET, or null when the connection failed (nothing listening yet). */
function probe(port: number, path: string): Promise<number | null> {
  return new Promise((resolve) => {
    const request = http.get({ host: HOST, port, path, agent: false, timeout: 2_000 }, (response) => {
      response.resume();
      response.once('end', () => resolve(response.statusCode ?? null));
    });
    request.once('timeout', () => request.destroy());
    request.once('error', () => resolve(null));
  });
}

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ: 100 on every mainstream Linux build

async function readCpuMs(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may contain spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1000) / CLOCK_TICKS_PER_SECOND;
}

/** Spawns `node ...args` with PORT and HOST set, and resolves once the health path answers 200. */
export async function startServer(spec: ServerSpec): Promise<ChildServer> {
  const port = await freePort();
  const healthPath = spec.healthPath ?? '/health';
  const timeoutMs = spec.timeoutMs ?? 120_000;
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-20_000);
  };

  const started = performance.now();
  const child = spawn(process.execPath, spec.args, {
    cwd: repoRoot,
    env: childEnvironment({ ...spec.env, PORT: String(port), HOST }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  trackChild(child);
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited: string | null = null;
  child.once('exit', (code, signal) => {
    exited = signal ? `signal ${signal}` : `code ${code}`;
  });
  const spawnError = new Promise<never>((_resolve, reject) => child.once('error', reject));
  spawnError.catch(() => undefined);

  const fail = async (why: string): Promise<never> => {
    await stopChild(child);
    throw new Error(`${spec.label}: ${why}\n--- output ---\n${output}`);
  };

  let readyMs: number | undefined;
  while (readyMs === undefined) {
    if (exited) return fail(`exited (${exited}) before answering ${healthPath}`);
    const elapsed = performance.now() - started;
    if (elapsed > timeoutMs) return fail(`no 200 from ${healthPath} within ${timeoutMs} ms`);
    const status = await Promise.race([probe(port, healthPath), spawnError]);
    if (status === 200) readyMs = performance.now() - started;
    else await delay(5);
  }

  const pid = child.pid!;
  return {
    label: spec.label,
    pid,
    origin: `http://${HOST}:${port}`,
    readyMs,
    output: () => output,
    cpuMs: () => readCpuMs(pid),
    stop: () => stopChild(child),
  };
}

/** Waits (briefly) until the child has printed a line matching the pattern, and returns the match. */
export async function waitForOutput(
  server: ChildServer,
  pattern: RegExp,
  timeoutMs = 2_000,
): Promise<RegExpMatchArray | null> {
  const until = performance.now() + timeoutMs;
  for (;;) {
    const match = server.output().match(pattern);
    if (match || performance.now() > until) return match;
    await delay(10);
  }
}

/** Runs `node ...args` to completion and returns its stdout; fails on a non-zero exit or after the timeout. */
export async function runNode(
  label: string,
  args: string[],
  env: Record<string, string> = {},
  timeoutMs = 120_000,
): Promise<string> {
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: childEnvironment(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  trackChild(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-20_000)));
  const timer = setTimeout(() => void stopChild(child), timeoutMs);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (exitCode) => resolve(exitCode));
  }).finally(() => clearTimeout(timer));
  if (code !== 0) throw new Error(`${label}: exited with ${code}\n--- output ---\n${stdout}${stderr}`);
  return stdout;
}
