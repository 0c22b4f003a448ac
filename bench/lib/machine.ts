import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { repoRoot } from './cleanup.ts';

export type Machine = {
  date: string;
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  node: string;
  os: string;
  /** The code measured: commit, and how many files of the app differ from it. */
  commit: string;
  changedFiles: number;
  /** One-minute load average when the run started; other work on the machine skews every figure. */
  loadAverage: number;
};

function cpuModelFromProc(): string | undefined {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((entry) => entry.startsWith('model name'));
    return line?.split(':')[1]?.trim();
  } catch {
    return undefined;
  }
}

function git(args: string[]): string | undefined {
  try {
    return execFileSync('git', args, {
      cwd: repoRoot,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return undefined;
  }
}

export function describeMachine(now = new Date()): Machine {
  const changed = git(['status', '--porcelain', '--', 'src', 'bin', 'migrations', 'data', 'package.json']);
  return {
    date: now.toISOString(),
    cpuModel: cpuModelFromProc() ?? os.cpus()[0]?.model ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    commit: git(['rev-parse', '--short', 'HEAD']) ?? 'unknown',
    changedFiles: changed ? changed.split('\n').length : 0,
    loadAverage: os.loadavg()[0] ?? 0,
  };
}

const TICK_MS = 10; // USER_HZ is 100 on every mainstream Linux build

export type CpuSnapshot = { atMs: number; machineBusyMs: number; ownMs: number; postgresMs: number };

/** utime, stime, cutime and cstime of a process, in clock ticks (children only once they are reaped). */
function processTicks(stat: string): number {
  const fields = stat
    .slice(stat.lastIndexOf(')') + 2)
    .split(' ')
    .map(Number);
  return (fields[11] ?? 0) + (fields[12] ?? 0) + (fields[13] ?? 0) + (fields[14] ?? 0);
}

/** A local PostgreSQL's CPU: its processes, and through the postmaster's child times the backends that ended. */
function postgresTicks(): number {
  let ticks = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (stat.includes(' (postgres) ')) ticks += processTicks(stat);
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks;
}

/**
 * CPU used so far by the whole machine (/proc/stat), by this process with its finished children, and by a
 * local PostgreSQL, to tell how much other work ran during a benchmark.
 */
export function cpuSnapshot(): CpuSnapshot | undefined {
  try {
    const machine = readFileSync('/proc/stat', 'utf8')
      .split('\n')[0]!
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number);
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = machine;
    return {
      atMs: performance.now(),
      machineBusyMs: (user + nice + system + irq + softirq + steal) * TICK_MS,
      ownMs: processTicks(readFileSync('/proc/self/stat', 'utf8')) * TICK_MS,
      postgresMs: postgresTicks() * TICK_MS,
    };
  } catch {
    return undefined;
  }
}

/** Cores' worth of CPU used by other processes between two snapshots (all benchmark children must have exited). */
export function otherWork(start: CpuSnapshot | undefined, end: CpuSnapshot | undefined): number | undefined {
  if (!start || !end || end.atMs <= start.atMs) return undefined;
  const ours = end.ownMs - start.ownMs + (end.postgresMs - start.postgresMs);
  return Math.max(end.machineBusyMs - start.machineBusyMs - ours, 0) / (end.atMs - start.atMs);
}

export function otherWorkNote(cores: number | undefined): string {
  if (cores === undefined) return 'Other work on the machine during the run: unknown (no /proc).';
  const note = `Other work on the machine during the run (not the benchmark, its servers or PostgreSQL): ${cores.toFixed(2)} cores on average.`;
  return cores < 0.25
    ? note
    : `${note} WARNING: that skews the figures; compare ratios only, or run again on a quiet machine.`;
}

export function formatMachine(machine: Machine): string {
  const code =
    machine.changedFiles > 0 ? `${machine.commit} + ${machine.changedFiles} changed files` : machine.commit;
  return [
    `Date:    ${machine.date}`,
    `CPU:     ${machine.cpuModel}, ${machine.cores} cores available`,
    `Memory:  ${machine.memoryGiB} GiB`,
    `Node:    ${machine.node}`,
    `OS:      ${machine.os}`,
    `Code:    ${code}`,
    `Load:    ${machine.loadAverage.toFixed(2)} (1-minute average at the start)`,
  ].join('\n');
}
