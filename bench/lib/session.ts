// The frame every benchmark entry point prints around its tables: machine, code and options before,
// how busy the machine was with other work after.
import {
  cpuSnapshot,
  describeMachine,
  formatMachine,
  otherWork,
  otherWorkNote,
  type CpuSnapshot,
  type Machine,
} from './machine.ts';
import type { BenchOptions } from './options.ts';

export type Session = { machine: Machine; startCpu: CpuSnapshot | undefined };

export function beginSession(options: BenchOptions): Session {
  const machine = describeMachine();
  console.log(formatMachine(machine));
  console.log(`PostgreSQL: ${options.postgresUrl ? 'measured (BENCH_DATABASE_URL)' : 'not measured'}`);
  if (options.quick) console.log('QUICK smoke run: figures not for quoting.');
  console.log('');
  return { machine, startCpu: cpuSnapshot() };
}

/** Call once every child has exited. Returns cores' worth of other work during the session. */
export function endSession(session: Session): number | undefined {
  const other = otherWork(session.startCpu, cpuSnapshot());
  console.log(otherWorkNote(other));
  return other;
}

export function resultsHeading(session: Session): string {
  const { machine } = session;
  return `## Results (${machine.date}, ${machine.cpuModel}, ${machine.cores} cores, Node ${machine.node})`;
}
