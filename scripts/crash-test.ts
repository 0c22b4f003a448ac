// Crash test: "nothing lost, nothing twice" for POST /api/v1/applications.
//
// Starts the real server (`node bin/meedoen.mjs serve`), sends applications from several concurrent clients,
// each with its own Idempotency-Key, kills the server with SIGKILL at a random moment, starts it again and
// repeats. Requests that got no answer are sent again (same key, same body) after the restart. At the end it
// checks in the database that every key that got a 201 has exactly one application, with the reference the
// 201 named, children and items complete, and that no key has two.
//
//   node --import tsx scripts/crash-test.ts                          50 rounds on a new embedded database
//   node --import tsx scripts/crash-test.ts --rounds 5 --clients 4
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/meedoen_crash node --import tsx scripts/crash-test.ts
//   MEEDOEN_DATA_DIR=/tmp/crash-db node --import tsx scripts/crash-test.ts   an embedded database of your own
//
// Exit code 0 when nothing was lost and nothing doubled, 1 otherwise. Do not point it at a database you
// care about: it adds applications (to the demo catalogue) and needs the server to itself.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { count, like, sql } from 'drizzle-orm';
import { apiSubmissionKey } from '../src/applications/api-idempotency.ts';
import { applicationChildren, applicationItems, applications } from '../src/applications/schema.ts';
import { openDatabase } from '../src/platform/db.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const HOST = '127.0.0.1';
/** Utrecht and one of its postcodes: the demo catalogue offers most there. */
const MUNICIPALITY = 'GM0344';
const POSTCODE = '3511 AB';

export type CrashTestOptions = {
  rounds: number;
  clients: number;
  /** The server is killed between these many milliseconds after the load starts. */
  killAfterMs: [number, number];
  database: { kind: 'postgresql'; url: string } | { kind: 'pglite'; dataDir: string };
  log: (line: string) => void;
};

export type CrashTestSummary = {
  ok: boolean;
  rounds: number;
  sent: number;
  answered201: number;
  unansweredThenRetried: number;
  /** Of those, how many had been stored before the kill: the answer was lost, not the application. */
  storedBeforeKill: number;
  repeatsChecked: number;
  applicationsInDatabase: number;
  problems: string[];
  seconds: number;
};

type Body = ReturnType<typeof applicationBody>;
type Expected = { reference: string; children: number; items: number };

function applicationBody(provisions: string[], children: number) {
  const birthYear = new Date().getUTCFullYear() - 10;
  return {
    municipality: MUNICIPALITY,
    postcode: POSTCODE,
    houseNumber: String(randomInt(1, 400)),
    householdType: 'single_parent',
    ageGroup: '21_to_pension',
    assets: 'within_limit',
    incomeSource: 'bijstand',
    income: { kind: 'monthly_net', cents: 110_000 },
    contact: { email: `crash-${randomBytes(4).toString('hex')}@example.org` },
    locale: 'nl',
    consent: {
      by: 'parent',
      text: 'Ik geef toestemming dat Meedoen deze gegevens gebruikt voor de aanvraag.',
    },
    children: Array.from({ length: children }, (_, index) => ({
      firstName: `Kind${String.fromCharCode(97 + index)}${randomBytes(3).toString('hex').replace(/[0-9]/g, 'x')}`,
      birthDate: `${birthYear - index}-0${1 + index}-15`,
      provisions,
    })),
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, HOST, () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

type Answer = { status: number; body: string } | { status: 'no-answer'; error: string };

/** One request on the given agent; a connection reset, refusal or timeout is "no answer". */
function request(
  agent: http.Agent,
  port: number,
  method: 'GET' | 'POST',
  pathname: string,
  payload?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  return new Promise((resolve) => {
    const data = payload === undefined ? undefined : JSON.stringify(payload);
    const req = http.request(
      {
        host: HOST,
        port,
        method,
        path: pathname,
        agent,
        timeout: 10_000,
        headers: { ...headers, ...(data ? { 'content-type': 'application/json' } : {}) },
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
        response.on('error', (error) => resolve({ status: 'no-answer', error: error.message }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (error) => resolve({ status: 'no-answer', error: error.message }));
    req.end(data);
  });
}

class Server {
  child: ChildProcess | null = null;
  agent = new http.Agent({ keepAlive: true });
  output = '';

  constructor(
    readonly port: number,
    readonly env: Record<string, string>,
  ) {}

  async start(): Promise<void> {
    this.agent.destroy();
    this.agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
    const env: NodeJS.ProcessEnv = { ...process.env, ...this.env };
    for (const name of ['NODE_OPTIONS', 'DATABASE_URL', 'MEEDOEN_DATA_DIR'])
      if (!(name in this.env)) delete env[name];
    const child = spawn(process.execPath, ['bin/meedoen.mjs', 'serve'], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const keep = (chunk: Buffer) => (this.output = (this.output + chunk.toString('utf8')).slice(-10_000));
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    const until = Date.now() + 120_000;
    while (Date.now() < until) {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`the server exited while starting:\n${this.output}`);
      const health = await request(this.agent, this.port, 'GET', '/health');
      if (health.status === 200) return;
      await delay(50);
    }
    throw new Error(`the server did not answer /health within 120 s:\n${this.output}`);
  }

  private async stopWith(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
    this.agent.destroy();
  }

  kill = () => this.stopWith('SIGKILL');
  stop = () => this.stopWith('SIGTERM');
}

/** Sends an application, and keeps sending the same one while there is no answer (the server restarting). */
async function sendUntilAnswered(server: Server, key: string, body: Body): Promise<Answer> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const answer = await request(server.agent, server.port, 'POST', '/api/v1/applications', body, {
      'idempotency-key': key,
    });
    if (answer.status !== 'no-answer') return answer;
    await delay(200);
  }
  return { status: 'no-answer', error: 'no answer after 5 attempts on a running server' };
}

/** The demo catalogue's provisions a ten-year-old in Utrecht can apply for, found by trying them. */
async function findProvisions(server: Server, record: (key: string, body: Body, answer: Answer) => void) {
  const list = await request(
    server.agent,
    server.port,
    'GET',
    `/api/v1/provisions?municipality=${MUNICIPALITY}&age=10`,
  );
  if (list.status !== 200) throw new Error(`GET /api/v1/provisions answered ${list.status}`);
  const candidates = (JSON.parse(list.body) as { data: { id: string; applicationRoute: string }[] }).data
    .filter((p) => p.applicationRoute !== 'intermediary_only')
    .map((p) => p.id);
  const usable: string[] = [];
  for (const id of candidates) {
    const key = randomUUID();
    const body = applicationBody([id], 1);
    const answer = await sendUntilAnswered(server, key, body);
    if (answer.status === 201) {
      record(key, body, answer);
      usable.push(id);
      if (usable.length === 2) break;
    }
  }
  if (usable.length === 0) throw new Error(`no provision in ${MUNICIPALITY} accepts an application`);
  return usable;
}

export async function runCrashTest(options: CrashTestOptions): Promise<CrashTestSummary> {
  const started = Date.now();
  const { log } = options;
  const port = await freePort();
  const server = new Server(port, {
    NODE_ENV: 'production',
    MEEDOEN_SECRET: randomBytes(32).toString('hex'),
    MEEDOEN_CHILD_KEY_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'fatal',
    HOST,
    PORT: String(port),
    PUBLIC_BASE_URL: `http://${HOST}:${port}`,
    MEEDOEN_DEMO_DATA: 'true',
    ...(options.database.kind === 'postgresql'
      ? { DATABASE_URL: options.database.url }
      : { MEEDOEN_DATA_DIR: options.database.dataDir }),
  });
  const problems: string[] = [];
  const expected = new Map<string, Expected>();
  let unanswered = new Map<string, Body>();
  /** Keys that got no answer, with the moment the server was killed in their round. */
  const killedDuring = new Map<string, number>();
  let sent = 0;
  let retried = 0;
  let repeatsChecked = 0;

  const record = (key: string, body: Body, answer: Answer) => {
    if (answer.status === 'no-answer') {
      if (process.env.CRASH_DEBUG) console.log('no answer', answer.error);
      unanswered.set(key, body);
      return;
    }
    if (answer.status !== 201) {
      problems.push(`key ${key}: answered ${answer.status} ${answer.body.slice(0, 300)}`);
      return;
    }
    const { reference, items } = (
      JSON.parse(answer.body) as { data: { reference: string; items: unknown[] } }
    ).data;
    const earlier = expected.get(key);
    if (earlier && earlier.reference !== reference)
      problems.push(`key ${key}: first answered ${earlier.reference}, later ${reference}`);
    expected.set(key, { reference, children: body.children.length, items: items.length });
  };

  /** After a restart: what got no answer is sent again, and a few answered keys must give the same answer. */
  async function retryAndRepeat(bodies: Map<string, Body>) {
    const pending = [...unanswered];
    unanswered = new Map();
    retried += pending.length;
    const answeredKeys = [...expected.keys()];
    const repeats = Array.from({ length: Math.min(3, answeredKeys.length) }, () => {
      const key = answeredKeys[randomInt(answeredKeys.length)]!;
      return [key, bodies.get(key)!] as const;
    });
    repeatsChecked += repeats.length;
    // As many at a time as there are clients: the retries race each other and the repeats, as real ones would.
    const queue = [...pending, ...repeats];
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const [key, body] = next;
        const answer = await sendUntilAnswered(server, key, body);
        if (answer.status === 'no-answer') problems.push(`key ${key}: still no answer after the restart`);
        else record(key, body, answer);
      }
    };
    await Promise.all(Array.from({ length: options.clients }, worker));
  }

  const bodies = new Map<string, Body>();
  const remember = (key: string, body: Body, answer: Answer) => {
    bodies.set(key, body);
    record(key, body, answer);
  };

  try {
    log(`starting the server (${options.database.kind}) on port ${port}`);
    await server.start();
    const provisions = await findProvisions(server, remember);
    log(`applying for ${provisions.join(', ')}; ${options.rounds} rounds, ${options.clients} clients`);

    for (let round = 1; round <= options.rounds; round++) {
      if (round > 1) await server.start();
      await retryAndRepeat(bodies);
      let stopped = false;
      const client = async () => {
        while (!stopped) {
          const key = randomUUID();
          const body = applicationBody(
            provisions.slice(0, randomInt(1, provisions.length + 1)),
            randomInt(1, 3),
          );
          bodies.set(key, body);
          sent += 1;
          const answer = await request(server.agent, server.port, 'POST', '/api/v1/applications', body, {
            'idempotency-key': key,
          });
          record(key, body, answer);
        }
      };
      const clients = Array.from({ length: options.clients }, client);
      const [low, high] = options.killAfterMs;
      await delay(randomInt(low, high + 1));
      // No new requests from here; those in flight meet the kill.
      stopped = true;
      const killedAt = Date.now();
      await server.kill();
      await Promise.all(clients);
      for (const key of unanswered.keys()) killedDuring.set(key, killedAt);
      log(
        `round ${round}: killed; ${expected.size} keys answered 201 so far, ${unanswered.size} without an answer this round`,
      );
    }
    await server.start();
    await retryAndRepeat(bodies);
    await server.stop();
  } finally {
    await server.kill();
  }

  const database = await openDatabase(options.database);
  let inDatabase = 0;
  let storedBeforeKill = 0;
  try {
    const rows = await database.db
      .select({
        key: applications.submissionKey,
        reference: applications.reference,
        id: applications.id,
        submittedAt: applications.submittedAt,
      })
      .from(applications)
      .where(like(applications.submissionKey, 'api:%'));
    inDatabase = rows.length;
    const byKey = new Map<string, typeof rows>();
    for (const row of rows) byKey.set(row.key, [...(byKey.get(row.key) ?? []), row]);
    for (const [key, list] of byKey)
      if (list.length > 1) problems.push(`submission key ${key}: ${list.length} applications`);
    const children = await database.db
      .select({ id: applicationChildren.applicationId, n: count() })
      .from(applicationChildren)
      .groupBy(applicationChildren.applicationId);
    const items = await database.db
      .select({ id: applicationItems.applicationId, n: count() })
      .from(applicationItems)
      .groupBy(applicationItems.applicationId);
    const childCount = new Map(children.map((row) => [row.id, row.n]));
    const itemCount = new Map(items.map((row) => [row.id, row.n]));
    for (const [key, want] of expected) {
      const found = byKey.get(apiSubmissionKey(key)) ?? [];
      if (found.length === 0) {
        problems.push(`key ${key}: answered 201 ${want.reference}, but no application in the database`);
        continue;
      }
      const stored = found[0]!;
      if (stored.reference !== want.reference)
        problems.push(`key ${key}: answered ${want.reference}, stored as ${stored.reference}`);
      if (childCount.get(stored.id) !== want.children || itemCount.get(stored.id) !== want.items)
        problems.push(
          `key ${key}: ${childCount.get(stored.id) ?? 0} children and ${itemCount.get(stored.id) ?? 0} items stored, ${want.children} and ${want.items} sent`,
        );
    }
    for (const [key, killedAt] of killedDuring) {
      const stored = byKey.get(apiSubmissionKey(key))?.[0];
      if (stored && stored.submittedAt.getTime() <= killedAt) storedBeforeKill += 1;
    }
    // Every stored application is whole, also those whose answer was lost and never retried.
    for (const row of rows)
      if (!childCount.get(row.id) || !itemCount.get(row.id))
        problems.push(`application ${row.reference}: incomplete`);
    const [duplicates] = await database.db
      .execute(
        sql`select count(*)::int as n from (select submission_key from applications group by submission_key having count(*) > 1) d`,
      )
      .then((result) => (result as unknown as { rows: { n: number }[] }).rows);
    if (Number(duplicates?.n ?? 0) > 0)
      problems.push(`${duplicates!.n} submission keys with more than one application`);
  } finally {
    await database.close();
  }
  for (const key of unanswered.keys()) problems.push(`key ${key}: never answered`);

  return {
    ok: problems.length === 0,
    rounds: options.rounds,
    sent,
    answered201: expected.size,
    unansweredThenRetried: retried,
    storedBeforeKill,
    repeatsChecked,
    applicationsInDatabase: inDatabase,
    problems,
    seconds: Math.round((Date.now() - started) / 100) / 10,
  };
}

export function formatSummary(summary: CrashTestSummary): string {
  return [
    `${summary.ok ? 'PASSED' : 'FAILED'}: ${summary.rounds} rounds in ${summary.seconds} s`,
    `  applications sent under load:        ${summary.sent}`,
    `  keys answered 201:                   ${summary.answered201}`,
    `  sent again after no answer:          ${summary.unansweredThenRetried}` +
      ` (${summary.storedBeforeKill} of them stored before the kill: only the answer was lost)`,
    `  answered keys sent again (same 201): ${summary.repeatsChecked}`,
    `  applications in the database (API):  ${summary.applicationsInDatabase}`,
    ...summary.problems.slice(0, 50).map((problem) => `  problem: ${problem}`),
    ...(summary.problems.length > 50 ? [`  … and ${summary.problems.length - 50} more problems`] : []),
  ].join('\n');
}

function readArguments(argv: string[]) {
  const value = (name: string, fallback: number) => {
    const index = argv.indexOf(name);
    if (index === -1) return fallback;
    const parsed = Number(argv[index + 1]);
    if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`${name} needs a whole number of 1 or more`);
    return parsed;
  };
  return { rounds: value('--rounds', 50), clients: value('--clients', 8) };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { rounds, clients } = readArguments(process.argv.slice(2));
  const url = process.env.DATABASE_URL;
  const ownDir = process.env.MEEDOEN_DATA_DIR;
  const tempDir = url || ownDir ? null : await mkdtemp(path.join(tmpdir(), 'meedoen-crash-'));
  try {
    const summary = await runCrashTest({
      rounds,
      clients,
      killAfterMs: [200, 2500],
      database: url
        ? { kind: 'postgresql', url }
        : { kind: 'pglite', dataDir: ownDir ?? path.join(tempDir!, 'db') },
      log: (line) => console.log(line),
    });
    console.log(formatSummary(summary));
    process.exitCode = summary.ok ? 0 : 1;
  } catch (error) {
    console.error(`crash test could not run: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  } finally {
    if (tempDir) await rm(tempDir, { recursive: true, force: true });
  }
}
