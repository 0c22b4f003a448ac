import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import type { Database, DatabaseHandle } from '../../src/platform/db.ts';
import {
  createMailSender,
  enqueueMail,
  findMail,
  listOutbox,
  MAX_ATTEMPTS,
  registerSingleUseLinks,
  SENT_LINK,
  SPENT_LINK,
} from '../../src/platform/mail/index.ts';
import { mailOutbox } from '../../src/platform/mail/schema.ts';
import { databasesUnderTest } from '../support/databases.ts';

type Received = { recipients: string[]; subject: string; messageId: string; body: string };

/** An SMTP server on 127.0.0.1 that keeps what it receives and refuses the recipients in `refusing`. */
async function startMailbox() {
  const received: Received[] = [];
  const refusing = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (!refusing.has(address.address)) return callback();
      callback(
        Object.assign(new Error(`5.1.1 <${address.address}> mailbox unavailable`), { responseCode: 550 }),
      );
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const [head = '', ...rest] = raw.split('\r\n\r\n');
        received.push({
          recipients: session.envelope.rcptTo.map((a) => a.address),
          subject: /^Subject: (.*)$/im.exec(head)?.[1] ?? '',
          messageId: /^Message-ID: (.*)$/im.exec(head)?.[1] ?? '',
          body: rest.join('\r\n\r\n').trim(),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    refusing,
    to: (recipient: string) => received.filter((mail) => mail.recipients.includes(recipient)),
    close: () => new Promise<void>((resolve) => server.close(resolve)),
  };
}

function testClock() {
  // A little ahead, so rows the database stamps with its own now() are due.
  let at = Date.now() + 1_000;
  return { now: () => new Date(at), advance: (ms: number) => void (at += ms) };
}

const quiet = { warn: () => undefined, error: () => undefined };
const from = 'Meedoen <noreply@meedoen.test>';
const address = (label: string) => `${label}-${randomUUID().slice(0, 8)}@example.test`;
const mail = (recipient: string, subject = 'Uitnodiging voor Meedoen') => ({
  recipient,
  subject,
  body: 'Welkom bij Meedoen. Kies een wachtwoord via de link.',
  purpose: 'invitation',
});

// Single-use links of a purpose of this run only: a secret works while it is in `live` and before `until`.
const linkPurpose = `test-link-${randomUUID().slice(0, 8)}`;
const live = new Set<string>();
const until = new Date('2030-01-01T00:00:00Z');
registerSingleUseLinks({
  purpose: linkPurpose,
  path: '/test-link/',
  stillUsable: async (_db, secrets, now) =>
    new Set(now < until ? secrets.filter((secret) => live.has(secret)) : []),
});
const secret = () => randomUUID().replaceAll('-', '');
const linkMail = (recipient: string, ...secrets: string[]) => ({
  recipient,
  subject: 'Een link',
  body: ['Beste lezer,', ...secrets.map((s) => `https://meedoen.test/test-link/${s}`), 'Groet'].join('\n'),
  purpose: linkPurpose,
});

for (const target of databasesUnderTest()) {
  describe(`mail outbox on ${target.name}`, () => {
    let database: DatabaseHandle;
    let db: Database;
    let mailbox: Awaited<ReturnType<typeof startMailbox>>;
    before(async () => {
      database = await target.open();
      db = database.db;
      mailbox = await startMailbox();
    });
    after(async () => {
      await mailbox.close();
      await database.close();
    });

    const sender = (clock = testClock(), smtpUrl: string | null = mailbox.url) =>
      createMailSender({ db, smtpUrl, from, clock, log: quiet });

    test('an enqueued message arrives once, with its subject, recipient, body and a stable id', async () => {
      const recipient = address('once');
      const id = await db.transaction((tx) => enqueueMail(tx, mail(recipient)));
      const mails = sender();
      await mails.sendDue({ limit: 1000 });
      await mails.sendDue({ limit: 1000 });
      const got = mailbox.to(recipient);
      assert.equal(got.length, 1);
      assert.equal(got[0]!.subject, 'Uitnodiging voor Meedoen');
      assert.equal(got[0]!.body, 'Welkom bij Meedoen. Kies een wachtwoord via de link.');
      assert.match(got[0]!.messageId, new RegExp(`^<outbox-${id}\\.[0-9a-z]+@meedoen\\.test>$`));
      const stored = await findMail(db, id);
      assert.equal(stored?.status, 'sent');
      assert.equal(stored?.attempts, 1);
      assert.ok(stored?.sentAt);
    });

    test('a rolled-back transaction sends nothing', async () => {
      const recipient = address('rolled-back');
      let id = 0;
      await assert.rejects(
        db.transaction(async (tx) => {
          id = await enqueueMail(tx, mail(recipient));
          throw new Error('the change failed');
        }),
      );
      await sender().sendDue({ limit: 1000 });
      assert.equal(mailbox.to(recipient).length, 0);
      assert.equal(await findMail(db, id), null);
    });

    test('a refused message records the failure and goes out after the backoff', async () => {
      const recipient = address('refused');
      mailbox.refusing.add(recipient);
      const id = await db.transaction((tx) => enqueueMail(tx, mail(recipient)));
      const clock = testClock();
      const mails = sender(clock);
      await mails.sendDue({ limit: 1000 });
      const failed = await findMail(db, id);
      assert.equal(failed?.attempts, 1);
      assert.equal(failed?.status, 'waiting');
      assert.equal(failed?.lastError, 'EENVELOPE 550 5.1.1');

      mailbox.refusing.delete(recipient);
      clock.advance(30_000);
      await mails.sendDue({ limit: 1000 });
      assert.equal(mailbox.to(recipient).length, 0, 'not before the backoff');
      clock.advance(31_000);
      await mails.sendDue({ limit: 1000 });
      assert.equal(mailbox.to(recipient).length, 1);
      const sent = await findMail(db, id);
      assert.deepEqual([sent?.status, sent?.attempts, sent?.lastError], ['sent', 2, null]);
    });

    test(`after ${MAX_ATTEMPTS} attempts a message stays unsent and shows as failed`, async () => {
      const recipient = address('given-up');
      mailbox.refusing.add(recipient);
      const id = await db.transaction((tx) => enqueueMail(tx, mail(recipient)));
      await db
        .update(mailOutbox)
        .set({ attempts: MAX_ATTEMPTS - 1 })
        .where(eq(mailOutbox.id, id));
      const clock = testClock();
      await sender(clock).sendDue({ limit: 1000 });
      mailbox.refusing.delete(recipient);
      clock.advance(7 * 3_600_000);
      await sender(clock).sendDue({ limit: 1000 });
      assert.equal(mailbox.to(recipient).length, 0);
      const stored = await findMail(db, id);
      assert.deepEqual([stored?.status, stored?.attempts], ['failed', MAX_ATTEMPTS]);
    });

    test('two senders at once deliver each message once', async () => {
      const second = target.name === 'postgresql' ? await target.open() : database;
      try {
        const recipients = Array.from({ length: 20 }, (_, i) => address(`concurrent-${i}`));
        await db.transaction(async (tx) => {
          for (const recipient of recipients) await enqueueMail(tx, mail(recipient));
        });
        const clock = testClock();
        const a = createMailSender({ db, smtpUrl: mailbox.url, from, clock, log: quiet });
        const b = createMailSender({ db: second.db, smtpUrl: mailbox.url, from, clock, log: quiet });
        await Promise.all([a.sendDue({ limit: 1000 }), b.sendDue({ limit: 1000 })]);
        for (const recipient of recipients) assert.equal(mailbox.to(recipient).length, 1, recipient);
      } finally {
        if (second !== database) await second.close();
      }
    });

    test('without SMTP nothing is sent and the outbox lists the message', async () => {
      const recipient = address('no-smtp');
      const id = await db.transaction((tx) =>
        enqueueMail(tx, { ...mail(recipient, 'Wachtwoord herstellen'), purpose: 'password-reset' }),
      );
      assert.deepEqual(await sender(testClock(), null).sendDue({ limit: 1000 }), { sent: 0, failed: 0 });
      assert.equal(mailbox.to(recipient).length, 0);
      const { entries, total } = await listOutbox(db, { limit: 50, offset: 0 });
      assert.ok(total >= 1);
      const entry = entries.find((e) => e.id === id);
      assert.deepEqual(
        entry && {
          recipient: entry.recipient,
          subject: entry.subject,
          purpose: entry.purpose,
          status: entry.status,
          sentAt: entry.sentAt,
          attempts: entry.attempts,
        },
        {
          recipient,
          subject: 'Wachtwoord herstellen',
          purpose: 'password-reset',
          status: 'waiting',
          sentAt: null,
          attempts: 0,
        },
      );
      const times = entries.map((e) => e.createdAt.getTime());
      assert.deepEqual(
        times,
        [...times].sort((x, y) => y - x),
        'newest first',
      );
    });

    test('a single-use link stays in the outbox while it works, and is taken out once spent', async () => {
      const [working, used] = [secret(), secret()];
      live.add(working);
      const id = await db.transaction((tx) => enqueueMail(tx, linkMail(address('links'), working, used)));
      const before = new Date('2029-12-31T00:00:00Z');
      await listOutbox(db, { limit: 1, offset: 0, now: before });
      const read = (await findMail(db, id, before))!.body;
      assert.ok(
        read.includes(`https://meedoen.test/test-link/${working}`),
        'still works: the admin may forward it',
      );
      assert.ok(!read.includes(used));
      assert.equal(
        read,
        ['Beste lezer,', 'https://meedoen.test/test-link/' + working, SPENT_LINK, 'Groet'].join('\n'),
      );

      await listOutbox(db, { limit: 1, offset: 0, now: until });
      const [stored] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
      assert.equal(stored!.body, ['Beste lezer,', SPENT_LINK, SPENT_LINK, 'Groet'].join('\n'), 'expired');
    });

    test('a sent mail keeps no single-use link; the recipient gets it, other mail is kept as it is', async () => {
      const link = secret();
      live.add(link);
      const recipient = address('sent-link');
      const plain = address('sent-plain');
      const id = await db.transaction((tx) => enqueueMail(tx, linkMail(recipient, link)));
      const plainId = await db.transaction((tx) => enqueueMail(tx, mail(plain)));
      await sender().sendDue({ limit: 1000 });
      assert.ok(mailbox.to(recipient)[0]!.body.includes(`https://meedoen.test/test-link/${link}`));
      const [stored] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
      assert.equal(stored!.body, ['Beste lezer,', SENT_LINK, 'Groet'].join('\n'));
      assert.ok(stored!.sentAt);
      const [other] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, plainId));
      assert.equal(other!.body, mail(plain).body);
    });

    test('a purpose registers its links once, on a plain path', () => {
      const stillUsable = async () => new Set<string>();
      assert.throws(
        () => registerSingleUseLinks({ purpose: linkPurpose, path: '/x/', stillUsable }),
        /registered twice/,
      );
      assert.throws(
        () => registerSingleUseLinks({ purpose: `${linkPurpose}-2`, path: '/a.*b/', stillUsable }),
        /not a plain path/,
      );
    });

    test('the background sender delivers, and reports errors instead of throwing', async () => {
      const recipient = address('background');
      await db.transaction((tx) => enqueueMail(tx, mail(recipient)));
      const mails = sender();
      mails.start({ intervalMs: 10 });
      for (let waited = 0; mailbox.to(recipient).length === 0 && waited < 5_000; waited += 20)
        await new Promise((resolve) => setTimeout(resolve, 20));
      await mails.stop();
      assert.equal(mailbox.to(recipient).length, 1);

      const errors: string[] = [];
      const broken = createMailSender({
        db: { transaction: () => Promise.reject(new Error('database gone')) } as unknown as Database,
        smtpUrl: mailbox.url,
        from,
        clock: testClock(),
        log: { warn: () => undefined, error: (message) => errors.push(message) },
      });
      broken.start({ intervalMs: 5 });
      while (errors.length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
      await broken.stop();
      assert.equal(errors[0], 'mail sender: Error');
    });
  });
}
