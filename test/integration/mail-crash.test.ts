import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { asc } from 'drizzle-orm';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { openDatabase, type DatabaseHandle } from '../../src/platform/db.ts';
import { enqueueMail } from '../../src/platform/mail/index.ts';
import { mailOutbox } from '../../src/platform/mail/schema.ts';

// Each worker process sends from the outbox; the SMTP server below holds its answer at a chosen moment
// and the test kills the worker there with SIGKILL, the way a crashed or evicted process stops.
const WORKER = fileURLToPath(new URL('../support/mail-worker.ts', import.meta.url));
const LEASE_MS = 1_500;
const MESSAGES = 8;

type Receipt = { recipient: string; messageId: string; subject: string };
type HoldPoint = 'rcpt' | 'data';

/**
 * Receives mail like any server, except that for the recipients in `holdAt` it never answers, once: at
 * RCPT (nothing of the message arrived) or after the whole DATA arrived but before the 250 that accepts
 * it, the moment where a sender cannot know whether the message got through.
 */
async function startMailbox(holdAt: Map<string, HoldPoint>) {
  const receipts: Receipt[] = [];
  const waiting = new Map<string, () => void>();
  const held = (recipient: string, point: HoldPoint) => {
    if (holdAt.get(recipient) !== point) return false;
    holdAt.delete(recipient);
    waiting.get(recipient)?.();
    return true;
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (!held(address.address, 'rcpt')) callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const head = Buffer.concat(chunks).toString('utf8').split('\r\n\r\n')[0] ?? '';
        const recipient = session.envelope.rcptTo[0]!.address;
        receipts.push({
          recipient,
          messageId: /^Message-ID: (.*)$/im.exec(head)?.[1] ?? '',
          subject: /^Subject: (.*)$/im.exec(head)?.[1] ?? '',
        });
        if (!held(recipient, 'data')) callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    receipts,
    /** Resolves when the server starts holding its answer to this recipient. */
    heldFor: (recipient: string) => new Promise<void>((resolve) => waiting.set(recipient, resolve)),
    close: () => new Promise<void>((resolve) => server.close(resolve)),
  };
}

type Target = {
  name: string;
  workerEnv: Record<string, string>;
  open(): Promise<DatabaseHandle>;
  dispose(): Promise<void>;
};

/** A database of this test's own: a worker sends everything due, and must not send other tests' mail. */
async function pgliteTarget(): Promise<Target> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'meedoen-mail-crash-'));
  return {
    name: 'pglite',
    workerEnv: { WORKER_DATA_DIR: dataDir },
    open: () => openDatabase({ kind: 'pglite', dataDir }),
    dispose: () => rm(dataDir, { recursive: true, force: true }),
  };
}

async function postgresTarget(url: string): Promise<Target> {
  const name = `meedoen_mail_crash_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const own = new URL(url);
  own.pathname = `/${name}`;
  return {
    name: 'postgresql',
    workerEnv: { WORKER_DATABASE_URL: own.toString() },
    open: () => openDatabase({ kind: 'postgresql', url: own.toString() }),
    async dispose() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

function startWorker(target: Target, smtpUrl: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER], {
    env: { ...process.env, ...target.workerEnv, WORKER_SMTP_URL: smtpUrl, WORKER_LEASE_MS: String(LEASE_MS) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>(
    (resolve) => child.on('exit', (code, signal) => resolve({ code, signal, output })),
  );
  return { child, exited };
}

/** Waits for `moment`, failing with the worker's output if the worker ends first or takes too long. */
async function until(moment: Promise<void>, worker: { exited: Promise<{ output: string }> }) {
  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    moment.then(() => 'held' as const),
    worker.exited.then((exit) => `worker ended first: ${exit.output}`),
    new Promise<string>((resolve) => (timer = setTimeout(() => resolve('timed out'), 60_000))),
  ]);
  clearTimeout(timer);
  assert.equal(outcome, 'held');
}

async function kill(worker: { child: ChildProcess; exited: Promise<{ signal: NodeJS.Signals | null }> }) {
  worker.child.kill('SIGKILL');
  assert.equal((await worker.exited).signal, 'SIGKILL');
}

const targets: { name: string; make: () => Promise<Target> }[] = [{ name: 'pglite', make: pgliteTarget }];
const postgresUrl = process.env.TEST_DATABASE_URL;
if (postgresUrl) targets.push({ name: 'postgresql', make: () => postgresTarget(postgresUrl) });

for (const { name, make: makeTarget } of targets) {
  describe(`mail outbox with workers killed mid-send on ${name}`, { timeout: 180_000 }, () => {
    let target: Target;
    let mailbox: Awaited<ReturnType<typeof startMailbox>>;
    const recipient = (i: number) => `m${i}@example.test`;
    // Killed after the whole message arrived but before the server accepted it; and before it arrived.
    const killedAfterData = recipient(3);
    const killedBeforeData = recipient(6);

    before(async () => {
      target = await makeTarget();
      const database = await target.open();
      await database.migrate();
      await database.db.transaction(async (tx) => {
        for (let i = 1; i <= MESSAGES; i++)
          await enqueueMail(tx, {
            recipient: recipient(i),
            subject: `Bericht ${i}`,
            body: `Dit is bericht ${i}.`,
            purpose: 'application-status',
          });
      });
      // An embedded database belongs to one process at a time: the workers open it in turn.
      await database.close();
      mailbox = await startMailbox(
        new Map([
          [killedAfterData, 'data'],
          [killedBeforeData, 'rcpt'],
        ]),
      );
    });
    after(async () => {
      await mailbox?.close();
      await target?.dispose();
    });

    test('every message arrives; one the server may have taken twice carries the same Message-ID', async () => {
      const first = startWorker(target, mailbox.url);
      await until(mailbox.heldFor(killedAfterData), first);
      await kill(first);

      const second = startWorker(target, mailbox.url);
      await until(mailbox.heldFor(killedBeforeData), second);
      await kill(second);

      // The two claimed messages stay leased to the dead workers for LEASE_MS; this one waits and sends them.
      const third = startWorker(target, mailbox.url);
      const finished = await third.exited;
      assert.equal(finished.code, 0, finished.output);

      const byRecipient = (r: string) => mailbox.receipts.filter((receipt) => receipt.recipient === r);
      const ids = new Set<string>();
      for (let i = 1; i <= MESSAGES; i++) {
        const got = byRecipient(recipient(i));
        const expected = recipient(i) === killedAfterData ? 2 : 1;
        assert.equal(got.length, expected, `${recipient(i)} arrived ${got.length} times`);
        assert.equal(new Set(got.map((r) => r.messageId)).size, 1, 'a repeat has the same Message-ID');
        assert.equal(got[0]!.subject, `Bericht ${i}`);
        assert.match(got[0]!.messageId, /^<outbox-\d+\.[0-9a-z]+@meedoen\.test>$/);
        ids.add(got[0]!.messageId);
      }
      assert.equal(ids.size, MESSAGES, 'each message its own Message-ID');

      const database = await target.open();
      try {
        const rows = await database.db
          .select({
            recipient: mailOutbox.recipient,
            sentAt: mailOutbox.sentAt,
            attempts: mailOutbox.attempts,
          })
          .from(mailOutbox)
          .orderBy(asc(mailOutbox.id));
        assert.equal(rows.length, MESSAGES);
        for (const row of rows) {
          assert.ok(row.sentAt, `${row.recipient} is marked sent`);
          const killed = row.recipient === killedAfterData || row.recipient === killedBeforeData;
          assert.equal(row.attempts, killed ? 2 : 1, row.recipient);
        }
      } finally {
        await database.close();
      }
    });
  });
}
