import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_INBOX_MAX_MESSAGES, DEMO_INBOX_MAX_TEXT_LENGTH, type InboxSummary } from '../../shared/demo-inbox';
import { DEMO_INBOX_FILE_NAME, DemoInbox } from './demo-inbox';
import { DemoSmtpServer } from './demo-smtp-server';
import type { ReceivedMessage } from './parse-received-message';
import { createRecordingLogger, loopbackTransport, makeTempFolder, removeFolder } from './test-helpers';

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) {
    await cleanup();
  }
});

async function tempFolder(): Promise<string> {
  const folder = await makeTempFolder();
  cleanups.push(() => removeFolder(folder));
  return folder;
}

interface RawMessageFields {
  subject?: string;
  date?: string | null;
  text?: string;
  headers?: string[];
  body?: string;
}

/** Builds a raw RFC 5322 message; `date: null` leaves the Date header out. */
function rawMessage(fields: RawMessageFields = {}): Buffer {
  const lines = [
    'From: "PM5 (demo)" <pm5-demo@example.com>',
    'To: technicien@example.com',
    `Subject: ${fields.subject ?? 'Test'}`,
    ...(fields.date === null ? [] : [`Date: ${fields.date ?? 'Fri, 07 Sep 2012 09:41:00 +0200'}`]),
    'Message-ID: <test@example.com>',
    'MIME-Version: 1.0',
    ...(fields.headers ?? ['Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit']),
    '',
    fields.body ?? fields.text ?? 'Hello',
    '',
  ];
  return Buffer.from(lines.join('\r\n'), 'utf8');
}

function received(raw: Buffer, receivedAt = new Date()): ReceivedMessage {
  return { raw, envelope: { mailFrom: 'pm5-demo@example.com', rcptTo: ['technicien@example.com'] }, receivedAt };
}

async function openInbox(folder: string, maxMessages?: number) {
  const logger = createRecordingLogger();
  const inbox = await DemoInbox.open({ folder, maxMessages, logger });
  cleanups.push(() => inbox.flush());
  return { inbox, logger };
}

describe('DemoInbox', () => {
  it('starts empty without a file', async () => {
    const folder = await tempFolder();
    const { inbox } = await openInbox(folder);

    expect(inbox.list()).toEqual([]);
    expect(inbox.corruptFileSetAside).toBeNull();
    expect(inbox.filePath).toBe(path.join(folder, DEMO_INBOX_FILE_NAME));
  });

  it('lists newest first', async () => {
    const { inbox } = await openInbox(await tempFolder());

    const first = await inbox.receive(received(rawMessage({ subject: 'First' }), new Date('2024-01-01T10:00:00Z')));
    const second = await inbox.receive(received(rawMessage({ subject: 'Second' }), new Date('2024-01-01T10:05:00Z')));

    const expected: InboxSummary[] = [
      { id: second.id, receivedAt: '2024-01-01T10:05:00.000Z', from: { name: 'PM5 (demo)', address: 'pm5-demo@example.com' }, subject: 'Second' },
      { id: first.id, receivedAt: '2024-01-01T10:00:00.000Z', from: { name: 'PM5 (demo)', address: 'pm5-demo@example.com' }, subject: 'First' },
    ];
    expect(inbox.list()).toEqual(expected);
    expect(first.id).not.toBe(second.id);
  });

  it('keeps only the newest messages', async () => {
    const { inbox } = await openInbox(await tempFolder(), 3);

    const stored = [];
    for (let index = 1; index <= 5; index++) {
      stored.push(await inbox.receive(received(rawMessage({ subject: `Message ${index}` }))));
    }

    expect(inbox.list().map((summary) => summary.subject)).toEqual(['Message 5', 'Message 4', 'Message 3']);
    expect(inbox.get(stored[0]!.id)).toBeUndefined();
    expect(inbox.get(stored[1]!.id)).toBeUndefined();
    expect(inbox.get(stored[2]!.id)?.subject).toBe('Message 3');
  });

  it('keeps 100 messages by default', async () => {
    const { inbox } = await openInbox(await tempFolder());

    const raw = rawMessage({ subject: 'Same' });
    const first = await inbox.receive(received(raw));
    for (let index = 1; index < DEMO_INBOX_MAX_MESSAGES; index++) {
      await inbox.receive(received(raw));
    }
    expect(inbox.list()).toHaveLength(DEMO_INBOX_MAX_MESSAGES);
    expect(inbox.get(first.id)).toBeDefined();

    await inbox.receive(received(raw));
    expect(inbox.list()).toHaveLength(DEMO_INBOX_MAX_MESSAGES);
    expect(inbox.get(first.id)).toBeUndefined();
  });

  it('persists across instances', async () => {
    const folder = await tempFolder();
    const { inbox } = await openInbox(folder);
    const stored = await inbox.receive(received(rawMessage({ subject: 'Persisted é', text: 'Texte conservé' })));
    await inbox.flush();

    const { inbox: reopened } = await openInbox(folder);

    expect(reopened.list()).toEqual(inbox.list());
    expect(reopened.get(stored.id)).toEqual(stored);
    expect(reopened.get(stored.id)?.text).toBe('Texte conservé\n');
  });

  it('drops the oldest persisted messages beyond the limit on opening', async () => {
    const folder = await tempFolder();
    const { inbox } = await openInbox(folder, 5);
    for (let index = 1; index <= 5; index++) {
      await inbox.receive(received(rawMessage({ subject: `Message ${index}` })));
    }

    const { inbox: smaller } = await openInbox(folder, 2);

    expect(smaller.list().map((summary) => summary.subject)).toEqual(['Message 5', 'Message 4']);
  });

  it.each([
    ['not JSON', '{"version": 1, "messages": ['],
    ['wrong layout', JSON.stringify({ version: 1, messages: [{ id: 'x' }] })],
    ['unknown version', JSON.stringify({ version: 2, messages: [] })],
    ['empty file', ''],
  ])('sets aside a corrupt file: %s', async (_case, content) => {
    const folder = await tempFolder();
    const filePath = path.join(folder, DEMO_INBOX_FILE_NAME);
    await writeFile(filePath, content, 'utf8');

    const { inbox, logger } = await openInbox(folder);

    expect(inbox.list()).toEqual([]);
    expect(inbox.corruptFileSetAside).not.toBeNull();
    expect(path.dirname(inbox.corruptFileSetAside!)).toBe(folder);
    expect(path.basename(inbox.corruptFileSetAside!)).toMatch(/^demo-inbox\.corrupt-[0-9T-]+Z\.json$/);
    expect(await readFile(inbox.corruptFileSetAside!, 'utf8')).toBe(content);
    expect(await readdir(folder)).toEqual([path.basename(inbox.corruptFileSetAside!)]);
    const warning = logger.entries.find((entry) => entry.level === 'warn');
    expect(warning?.message).toContain('set aside');
    expect(warning?.fields?.setAsidePath).toBe(inbox.corruptFileSetAside);

    await inbox.receive(received(rawMessage({ subject: 'After corruption' })));
    const { inbox: reopened } = await openInbox(folder);
    expect(reopened.list().map((summary) => summary.subject)).toEqual(['After corruption']);
    expect(reopened.corruptFileSetAside).toBeNull();
  });

  it('clears and persists the empty inbox', async () => {
    const folder = await tempFolder();
    const { inbox } = await openInbox(folder);
    await inbox.receive(received(rawMessage()));

    await inbox.clear();

    expect(inbox.list()).toEqual([]);
    const { inbox: reopened } = await openInbox(folder);
    expect(reopened.list()).toEqual([]);
  });

  it('notifies change listeners until unsubscribed', async () => {
    const { inbox } = await openInbox(await tempFolder());
    const calls: InboxSummary[][] = [];
    const unsubscribe = inbox.onChange((summaries) => calls.push(summaries));

    const stored = await inbox.receive(received(rawMessage({ subject: 'Live' })));
    await inbox.clear();
    unsubscribe();
    await inbox.receive(received(rawMessage({ subject: 'Unheard' })));

    expect(calls).toHaveLength(2);
    expect(calls[0]!.map((summary) => summary.id)).toEqual([stored.id]);
    expect(calls[1]).toEqual([]);
  });

  it('survives a failing listener', async () => {
    const { inbox, logger } = await openInbox(await tempFolder());
    inbox.onChange(() => {
      throw new Error('listener bug');
    });

    await inbox.receive(received(rawMessage({ subject: 'Still stored' })));

    expect(inbox.list().map((summary) => summary.subject)).toEqual(['Still stored']);
    expect(logger.entries.some((entry) => entry.level === 'error' && entry.message.includes('listener failed'))).toBe(true);
  });

  it('returns copies from get', async () => {
    const { inbox } = await openInbox(await tempFolder());
    const stored = await inbox.receive(received(rawMessage({ subject: 'Original' })));

    inbox.get(stored.id)!.subject = 'Changed';
    stored.subject = 'Changed too';

    expect(inbox.get(stored.id)!.subject).toBe('Original');
  });

  it('stores null for a missing or invalid Date header', async () => {
    const { inbox } = await openInbox(await tempFolder());

    const missing = await inbox.receive(received(rawMessage({ date: null })));
    const invalid = await inbox.receive(received(rawMessage({ date: 'not a date' })));
    const valid = await inbox.receive(received(rawMessage({ date: 'Fri, 07 Sep 2012 09:41:00 +0200' })));

    expect(missing.date).toBeNull();
    expect(invalid.date).toBeNull();
    expect(valid.date).toBe('2012-09-07T07:41:00.000Z');
  });

  it('converts an HTML-only message to text', async () => {
    const { inbox } = await openInbox(await tempFolder());

    const stored = await inbox.receive(
      received(
        rawMessage({
          headers: ['Content-Type: text/html; charset=utf-8'],
          body: '<html><body><p>Alarme sup&eacute;rieure pH</p></body></html>',
        }),
      ),
    );

    expect(stored.hasHtml).toBe(true);
    expect(stored.text).toContain('Alarme supérieure pH');
  });

  it('decodes an encoded-word subject', async () => {
    const { inbox } = await openInbox(await tempFolder());

    const stored = await inbox.receive(received(rawMessage({ subject: '=?UTF-8?B?w4l0w6kgw7xiZXI=?=' })));

    expect(stored.subject).toBe('Été über');
  });

  it('cuts a very long text', async () => {
    const { inbox } = await openInbox(await tempFolder());

    const stored = await inbox.receive(received(rawMessage({ text: 'a'.repeat(DEMO_INBOX_MAX_TEXT_LENGTH + 500) })));

    expect(stored.textTruncated).toBe(true);
    expect(stored.text).toHaveLength(DEMO_INBOX_MAX_TEXT_LENGTH);
  });

  it('keeps messages in memory when the file cannot be written', async () => {
    const folder = await tempFolder();
    const { inbox, logger } = await openInbox(folder);
    await rm(folder, { recursive: true });

    const stored = await inbox.receive(received(rawMessage({ subject: 'Unwritten' })));

    expect(inbox.get(stored.id)?.subject).toBe('Unwritten');
    expect(logger.entries.some((entry) => entry.level === 'error' && entry.message.includes('could not be written'))).toBe(true);
  });

  it.each([0, -1, 2.5])('rejects maxMessages %s', async (maxMessages) => {
    const folder = await tempFolder();

    await expect(DemoInbox.open({ folder, maxMessages, logger: createRecordingLogger() })).rejects.toThrow(
      `maxMessages ${maxMessages} is invalid`,
    );
  });

  it('receives from the demo server and persists', async () => {
    const folder = await tempFolder();
    const { inbox } = await openInbox(folder);
    const server = new DemoSmtpServer({ port: 0, logger: createRecordingLogger(), deliver: (message) => inbox.receive(message) });
    const port = await server.start();
    cleanups.push(() => server.stop());

    await loopbackTransport(port).sendMail({
      from: { name: 'PM5 (démo)', address: 'pm5-demo@example.com' },
      to: 'technicien@example.com',
      subject: 'Über SMTP',
      text: 'Corps',
    });
    await inbox.flush();

    const { inbox: reopened } = await openInbox(folder);
    expect(reopened.list().map((summary) => summary.subject)).toEqual(['Über SMTP']);
  });
});
