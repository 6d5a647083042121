import { mkdir, open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { JournalEntry, OutboxEntry } from '../../shared/alarm-email';
import type { Logger } from '../logger';
import { EMPTY_STORM_STATE, parseStormState, type StormState } from './storm-control';

/**
 * Files of the outbox folder:
 * - messages/<id>.json: one file per e-mail, written before its first attempt and after every change;
 * - journal.json: the latest delivery attempts;
 * - storm.json: what storm control has sent and held back.
 * Every write goes to a temporary file that is fsync'd and renamed over the old one
 * (write-file-atomic), so a crash leaves either the old or the new content. A file that cannot be
 * read back is renamed with a ".corrupt-<time>" suffix and reported, never deleted.
 */

export const MESSAGES_FOLDER = 'messages';
export const JOURNAL_FILE = 'journal.json';
export const STORM_FILE = 'storm.json';
const STORE_VERSION = 1;

/** One e-mail as stored: the entry plus what only the outbox needs. */
export interface StoredMessage {
  sequence: number;
  /** Set before an attempt starts and cleared with its outcome; still set after a restart means the attempt was cut short. */
  attemptInProgress: boolean;
  entry: OutboxEntry;
}

export interface LoadedOutbox {
  messages: StoredMessage[];
  journal: JournalEntry[];
  storm: StormState;
  /** Files that could not be read and were set aside. */
  setAside: string[];
}

export class OutboxStore {
  private readonly messageWrites = new Map<string, Promise<void>>();
  private readonly journalWriter: CoalescingWriter;
  private readonly stormWriter: CoalescingWriter;

  constructor(
    readonly dir: string,
    private readonly logger: Logger | undefined,
    private readonly now: () => number,
  ) {
    this.journalWriter = new CoalescingWriter(join(dir, JOURNAL_FILE), logger);
    this.stormWriter = new CoalescingWriter(join(dir, STORM_FILE), logger);
  }

  /** Creates the folder if needed and reads everything back. */
  async load(): Promise<LoadedOutbox> {
    await mkdir(join(this.dir, MESSAGES_FOLDER), { recursive: true });
    const setAside: string[] = [];
    const messages: StoredMessage[] = [];

    for (const name of await readdir(join(this.dir, MESSAGES_FOLDER))) {
      if (!name.endsWith('.json')) continue;
      const path = join(this.dir, MESSAGES_FOLDER, name);
      const stored = parseStoredMessage(await readJson(path));
      if (stored === null) {
        setAside.push(await this.setAside(path));
        continue;
      }
      messages.push(stored);
    }
    messages.sort((a, b) => a.sequence - b.sequence);

    const journalPath = join(this.dir, JOURNAL_FILE);
    const journalRaw = await readJson(journalPath);
    let journal: JournalEntry[] = [];
    if (isVersioned(journalRaw) && Array.isArray(journalRaw.entries)) journal = journalRaw.entries as JournalEntry[];
    else if (journalRaw !== undefined) setAside.push(await this.setAside(journalPath));

    const stormPath = join(this.dir, STORM_FILE);
    const stormRaw = await readJson(stormPath);
    let storm = EMPTY_STORM_STATE;
    const parsedStorm = isVersioned(stormRaw) ? parseStormState(stormRaw.state) : null;
    if (parsedStorm !== null) storm = parsedStorm;
    else if (stormRaw !== undefined) setAside.push(await this.setAside(stormPath));

    return { messages, journal, storm, setAside };
  }

  /**
   * Writes one message file and makes its directory entry durable; writes of the same message
   * run one after the other. Resolves once the data is on disk.
   */
  saveMessage(stored: StoredMessage): Promise<void> {
    const path = this.messagePath(stored.entry.id);
    const data = JSON.stringify({ version: STORE_VERSION, ...stored });
    const previous = this.messageWrites.get(stored.entry.id) ?? Promise.resolve();
    const write = previous
      .catch(() => undefined)
      .then(async () => {
        await writeFileAtomic(path, data, { fsync: true });
        await syncDirectory(join(this.dir, MESSAGES_FOLDER));
      });
    this.messageWrites.set(stored.entry.id, write);
    void write.finally(() => {
      if (this.messageWrites.get(stored.entry.id) === write) this.messageWrites.delete(stored.entry.id);
    }).catch(() => undefined);
    return write;
  }

  async deleteMessage(id: string): Promise<void> {
    await (this.messageWrites.get(id) ?? Promise.resolve()).catch(() => undefined);
    await unlink(this.messagePath(id)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }

  /** Schedules a write of the journal; writes that pile up while one runs are merged into one. */
  saveJournal(entries: JournalEntry[]): void {
    this.journalWriter.write(JSON.stringify({ version: STORE_VERSION, entries }));
  }

  /** Schedules a write of the storm control state, merged like the journal's. */
  saveStorm(state: StormState): void {
    this.stormWriter.write(JSON.stringify({ version: STORE_VERSION, state }));
  }

  /** Waits for every scheduled write. */
  async flush(): Promise<void> {
    await Promise.all([...this.messageWrites.values()].map((write) => write.catch(() => undefined)));
    await Promise.all([this.journalWriter.flush(), this.stormWriter.flush()]);
  }

  private messagePath(id: string): string {
    return join(this.dir, MESSAGES_FOLDER, `${id}.json`);
  }

  private async setAside(path: string): Promise<string> {
    const target = `${path}.corrupt-${this.now()}`;
    await rename(path, target);
    this.logger?.error('unreadable outbox file set aside', { path, keptAs: target });
    return target;
  }
}

/** Writes the latest value of one file; values written while a write runs replace each other, and only the last is written next. */
class CoalescingWriter {
  private next: string | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly path: string,
    private readonly logger: Logger | undefined,
  ) {}

  write(data: string): void {
    this.next = data;
    if (this.running === null) this.running = this.drain();
  }

  async flush(): Promise<void> {
    while (this.running !== null) await this.running;
  }

  private async drain(): Promise<void> {
    while (this.next !== null) {
      const data = this.next;
      this.next = null;
      try {
        await writeFileAtomic(this.path, data, { fsync: true });
      } catch (error) {
        this.logger?.error('outbox file write failed', { path: this.path, error: String(error) });
      }
    }
    this.running = null;
  }
}

/** Returns the parsed JSON of a file, undefined when it does not exist, null when it is not JSON. */
async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function isVersioned(raw: unknown): raw is Record<string, unknown> & { version: number } {
  return typeof raw === 'object' && raw !== null && (raw as { version?: unknown }).version === STORE_VERSION;
}

const STATUSES = new Set(['pending', 'accepted', 'failed']);

function parseStoredMessage(raw: unknown): StoredMessage | null {
  if (!isVersioned(raw)) return null;
  const { sequence, attemptInProgress, entry } = raw as Record<string, unknown>;
  if (!Number.isInteger(sequence) || typeof attemptInProgress !== 'boolean') return null;
  if (typeof entry !== 'object' || entry === null) return null;
  const fields = entry as Record<string, unknown>;
  const valid =
    typeof fields.id === 'string' &&
    typeof fields.messageId === 'string' &&
    (fields.kind === 'alarm' || fields.kind === 'summary') &&
    typeof fields.subject === 'string' &&
    typeof fields.text === 'string' &&
    Number.isFinite(fields.createdAt) &&
    STATUSES.has(fields.status as string) &&
    Number.isInteger(fields.attempts) &&
    Array.isArray(fields.recipients);
  return valid ? { sequence: sequence as number, attemptInProgress, entry: entry as OutboxEntry } : null;
}

/**
 * Flushes a directory so that a file just created or renamed in it survives a power cut. Windows
 * cannot open a directory for this, and there the rename alone has to do.
 */
async function syncDirectory(path: string): Promise<void> {
  let handle;
  try {
    handle = await open(path, 'r');
    await handle.sync();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EACCES' && code !== 'EINVAL') throw error;
  } finally {
    await handle?.close();
  }
}
