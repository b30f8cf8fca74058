import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { createNotificationHandlers, notify } from '../../src/server/modules/notifications/index.ts';
import { inTransaction } from '../../src/server/platform/db/transaction.ts';
import { enqueue } from '../../src/server/platform/outbox/outbox.ts';
import { OutboxWorker } from '../../src/server/platform/outbox/worker.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';
import { recordingLog, waitFor, waitForState } from './helpers.ts';

interface Mail {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server on 127.0.0.1:0, no TLS, no auth required. */
async function startSmtp() {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

function header(raw: string, name: string): string | undefined {
  const m = new RegExp(`^${name}:\\s*(.*(?:\\r?\\n[ \\t].*)*)`, 'im').exec(raw);
  return m?.[1].replace(/\r?\n[ \t]/g, ' ').trim();
}

for (const d of await dialects()) {
  describe(`email channel [${d.name}]`, { skip: d.skip }, () => {
    let smtp: Awaited<ReturnType<typeof startSmtp>>;
    let t: TestApp;
    let worker: OutboxWorker;

    before(async () => {
      smtp = await startSmtp();
      t = await createTestApp(d.name, { smtpUrl: smtp.url, smtpFrom: 'Gendan <noreply@gendan.example>' });
      worker = new OutboxWorker(t.db.handle, { handlers: createNotificationHandlers(t.ctx), backoffMs: 20, pollMs: 20 });
      worker.start();
    });
    after(async () => {
      await worker?.stop();
      await t?.close();
      await smtp?.close();
    });

    test('notify with email reaches a real SMTP server with subject, body and a Message-ID from the outbox id', async () => {
      const u = await t.user(['sales'], { email: 'li.lei@example.com' });
      await inTransaction(t.db.handle.db, (tx) => notify(tx, { userIds: [u.id], kind: 'order.approved', title: 'Order SO-1 approved', body: 'Your order SO-1 was approved.', link: 'http://gendan.test/orders/1', email: true }));
      await waitFor('the mail', () => smtp.mails.length === 1);
      const mail = smtp.mails[0];
      assert.deepEqual(mail.to, ['li.lei@example.com']);
      assert.equal(mail.from, 'noreply@gendan.example');
      assert.equal(header(mail.raw, 'Subject'), 'Order SO-1 approved');
      assert.match(mail.raw, /Your order SO-1 was approved\./);
      assert.match(mail.raw, /http:\/\/gendan\.test\/orders\/1/);
      const row = await t.db.handle.db.selectFrom('outbox').select(['id', 'state']).where('channel', '=', 'email').executeTakeFirstOrThrow();
      assert.equal(header(mail.raw, 'Message-ID'), `<${row.id}@gendan.example>`);
      assert.equal(header(mail.raw, 'X-Gendan-Delivery'), row.id);
      await waitForState(t.db.handle, row.id, 'done');
      // The in-app copy is delivered alongside.
      await waitFor('in-app row', async () => !!(await t.db.handle.db.selectFrom('notification').select('id').where('userId', '=', u.id).executeTakeFirst()));
    });

    test('a payload with `to` and html is sent as is', async () => {
      const before = smtp.mails.length;
      const id = await inTransaction(t.db.handle.db, (tx) => enqueue(tx, { channel: 'email', topic: 'report', payload: { to: 'boss@example.com', subject: 'Weekly report', text: 'plain part', html: '<p>html part</p>' } }));
      await waitForState(t.db.handle, id, 'done');
      const mail = smtp.mails[before];
      assert.deepEqual(mail.to, ['boss@example.com']);
      assert.match(mail.raw, /plain part/);
      assert.match(mail.raw, /<p>html part<\/p>/);
    });

    test('a user without an email address: delivered (nothing to send), no mail', async () => {
      const before = smtp.mails.length;
      const u = await t.user(['sales']);
      const id = await inTransaction(t.db.handle.db, (tx) => enqueue(tx, { channel: 'email', topic: 'x', payload: { userId: u.id, subject: 'nobody', text: 'nobody' } }));
      const row = await waitForState(t.db.handle, id, 'done');
      assert.equal(row.attempts, 1);
      assert.equal(smtp.mails.length, before);
    });
  });

  describe(`email channel without SMTP [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(d.name, { smtpUrl: undefined });
    });
    after(() => t?.close());

    test('SMTP unset: the message is logged and the job is done', async () => {
      const log = recordingLog();
      const worker = new OutboxWorker(t.db.handle, { handlers: createNotificationHandlers({ ...t.ctx, log }), backoffMs: 20, pollMs: 20 });
      const u = await t.user(['sales'], { email: 'han.meimei@example.com' });
      await inTransaction(t.db.handle.db, (tx) => notify(tx, { userIds: [u.id], kind: 'k', title: 'Logged subject', body: 'Logged body', email: true }));
      worker.start();
      try {
        const row = await t.db.handle.db.selectFrom('outbox').select('id').where('channel', '=', 'email').executeTakeFirstOrThrow();
        const done = await waitForState(t.db.handle, row.id, 'done');
        assert.deepEqual(
          done.attemptLog.map((a) => a.ok),
          [true],
        );
        const entry = log.entries.find((e) => e.obj.outboxId === row.id);
        assert.ok(entry, 'the message was logged');
        assert.match(entry.msg, /email disabled/);
        assert.equal(entry.obj.to, 'han.meimei@example.com');
        assert.equal(entry.obj.subject, 'Logged subject');
        assert.equal(entry.obj.text, 'Logged body');
      } finally {
        await worker.stop();
      }
    });

    test('SMTP configured but unreachable: the attempt fails and is retried', async () => {
      const probe = await startSmtp();
      const deadUrl = probe.url;
      await probe.close(); // the port is now closed: connections are refused
      const worker = new OutboxWorker(t.db.handle, { handlers: createNotificationHandlers({ ...t.ctx, config: { ...t.config, smtpUrl: deadUrl } }), backoffMs: 20, pollMs: 20, maxAttempts: 2 });
      const id = await inTransaction(t.db.handle.db, (tx) => enqueue(tx, { channel: 'email', topic: 'x', payload: { to: 'x@example.com', subject: 's', text: 't' } }));
      worker.start();
      try {
        const row = await waitForState(t.db.handle, id, 'dead');
        assert.equal(row.attemptLog.length, 2);
        assert.ok(row.attemptLog.every((a) => !a.ok && a.error && /ECONNREFUSED|connect/i.test(a.error)), JSON.stringify(row.attemptLog));
      } finally {
        await worker.stop();
      }
    });
  });
}
