import { readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import {
  DEMO_INBOX_MAX_MESSAGES,
  inboxMessageSchema,
  toInboxSummary,
  type InboxMessage,
  type InboxSummary,
} from '../../shared/demo-inbox';
import { consoleDemoLogger, type DemoLogger } from './demo-logger';
import { parseReceivedMessage, type ReceivedMessage } from './parse-received-message';

/** Name of the inbox file inside the data folder. */
export const DEMO_INBOX_FILE_NAME = 'demo-inbox.json';

/** Version of the inbox file layout. */
const INBOX_FILE_VERSION = 1;

const inboxFileSchema = z.object({
  version: z.literal(INBOX_FILE_VERSION),
  /** Oldest first. */
  messages: z.array(inboxMessageSchema),
});
type InboxFile = z.infer<typeof inboxFileSchema>;

export interface DemoInboxOptions {
  /** Data folder that contains the inbox file. It must exist. */
  folder: string;
  /** Number of messages kept, DEMO_INBOX_MAX_MESSAGES unless set. The oldest ones are dropped. */
  maxMessages?: number;
  logger?: DemoLogger;
}

/** Called with the whole list, newest first, after every change. */
export type InboxChangeListener = (summaries: InboxSummary[]) => void;

/**
 * Messages received by the demo SMTP server, the newest `maxMessages` of them, kept in memory and
 * persisted to one JSON file written atomically after every change.
 */
export class DemoInbox {
  /** Path where an unreadable inbox file was moved at opening, or null when none was. */
  readonly corruptFileSetAside: string | null;
  readonly filePath: string;

  private readonly messages: InboxMessage[];
  private readonly maxMessages: number;
  private readonly logger: DemoLogger;
  private readonly listeners = new Set<InboxChangeListener>();
  private pendingWrite: Promise<void> = Promise.resolve();

  private constructor(
    filePath: string,
    messages: InboxMessage[],
    maxMessages: number,
    logger: DemoLogger,
    corruptFileSetAside: string | null,
  ) {
    this.filePath = filePath;
    this.messages = messages;
    this.maxMessages = maxMessages;
    this.logger = logger;
    this.corruptFileSetAside = corruptFileSetAside;
  }

  /**
   * Opens the inbox of a data folder. A missing file gives an empty inbox. A file that cannot be
   * read as an inbox is renamed to `demo-inbox.corrupt-<time>.json` beside it, logged, and the
   * inbox starts empty.
   */
  static async open(options: DemoInboxOptions): Promise<DemoInbox> {
    const maxMessages = options.maxMessages ?? DEMO_INBOX_MAX_MESSAGES;
    if (!Number.isInteger(maxMessages) || maxMessages < 1) {
      throw new RangeError(`Demo inbox maxMessages ${maxMessages} is invalid: use a whole number of 1 or more.`);
    }
    const logger = options.logger ?? consoleDemoLogger('demo-inbox');
    const filePath = path.join(options.folder, DEMO_INBOX_FILE_NAME);

    const loaded = await loadInboxFile(filePath, logger);
    const messages = loaded.messages.slice(-maxMessages);
    logger.info('Demo inbox opened', { filePath, messages: messages.length });
    return new DemoInbox(filePath, messages, maxMessages, logger, loaded.setAsidePath);
  }

  /** Returns one line per message, newest first. */
  list(): InboxSummary[] {
    return this.messages.map(toInboxSummary).reverse();
  }

  /** Returns a copy of the message with this id, or undefined when the inbox has none. */
  get(id: string): InboxMessage | undefined {
    const message = this.messages.find((candidate) => candidate.id === id);
    return message === undefined ? undefined : structuredClone(message);
  }

  /**
   * Parses a received message, adds it as the newest one, drops the oldest ones beyond
   * `maxMessages`, and resolves once the inbox file is written. A failed write is logged, and the
   * message stays in memory.
   */
  async receive(received: ReceivedMessage): Promise<InboxMessage> {
    const message = await parseReceivedMessage(received);

    this.messages.push(message);
    const dropped = this.messages.splice(0, Math.max(0, this.messages.length - this.maxMessages));
    this.logger.info('Demo inbox stored a message', {
      id: message.id,
      mailFrom: message.envelope.mailFrom,
      rcptTo: message.envelope.rcptTo,
      size: message.size,
      dropped: dropped.map((old) => old.id),
    });

    this.notifyListeners();
    await this.persist();
    return structuredClone(message);
  }

  /** Removes every message and resolves once the emptied inbox file is written. */
  async clear(): Promise<void> {
    const count = this.messages.length;
    this.messages.length = 0;
    this.logger.info('Demo inbox cleared', { messages: count });
    this.notifyListeners();
    await this.persist();
  }

  /** Registers a listener called after each change, and returns the function that unregisters it. */
  onChange(listener: InboxChangeListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Resolves once every write started so far has ended. */
  async flush(): Promise<void> {
    await this.pendingWrite;
  }

  private notifyListeners(): void {
    const summaries = this.list();
    for (const listener of this.listeners) {
      try {
        listener(summaries);
      } catch (error) {
        this.logger.error('Demo inbox change listener failed', { error });
      }
    }
  }

  /** Queues a write of the current messages after the writes already queued, so that the newest state is written last. */
  private persist(): Promise<void> {
    const file: InboxFile = { version: INBOX_FILE_VERSION, messages: this.messages };
    const data = JSON.stringify(file);
    const write = this.pendingWrite.then(async () => {
      try {
        await writeFileAtomic(this.filePath, data, { encoding: 'utf8' });
      } catch (error) {
        this.logger.error('Demo inbox file could not be written, so the messages stay in memory only', {
          filePath: this.filePath,
          error,
        });
      }
    });
    this.pendingWrite = write;
    return write;
  }
}

interface LoadedInbox {
  messages: InboxMessage[];
  setAsidePath: string | null;
}

async function loadInboxFile(filePath: string, logger: DemoLogger): Promise<LoadedInbox> {
  let text: string;
  try {
    text = await readFile(filePath, 'utf8');
  } catch (error) {
    if (isMissingFile(error)) {
      return { messages: [], setAsidePath: null };
    }
    throw error;
  }

  const checked = checkInboxFile(text);
  if (checked.ok) {
    return { messages: checked.file.messages, setAsidePath: null };
  }

  const setAsidePath = corruptFilePath(filePath, new Date());
  try {
    await rename(filePath, setAsidePath);
  } catch (error) {
    logger.error('Demo inbox file is invalid and could not be set aside, so it will be overwritten', {
      filePath,
      reason: checked.reason,
      error,
    });
    return { messages: [], setAsidePath: null };
  }
  logger.warn('Demo inbox file is invalid, so it was set aside and the inbox starts empty', {
    filePath,
    setAsidePath,
    reason: checked.reason,
  });
  return { messages: [], setAsidePath };
}

type CheckedInboxFile = { ok: true; file: InboxFile } | { ok: false; reason: string };

function checkInboxFile(text: string): CheckedInboxFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `not JSON: ${(error as Error).message}` };
  }
  const result = inboxFileSchema.safeParse(json);
  if (!result.success) {
    return { ok: false, reason: `unexpected content: ${z.prettifyError(result.error)}` };
  }
  return { ok: true, file: result.data };
}

/** Returns `<name>.corrupt-<UTC time>.json` beside the inbox file, the time written without characters that Windows forbids. */
function corruptFilePath(filePath: string, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const extension = path.extname(filePath);
  return `${filePath.slice(0, filePath.length - extension.length)}.corrupt-${stamp}${extension}`;
}

function isMissingFile(error: unknown): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === 'ENOENT';
}
