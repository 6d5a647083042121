import {
  EVENT_NAMES,
  REQUESTS,
  type Bridge,
  type EventName,
  type EventPayloads,
  type RequestError,
  type RequestReply,
} from '../shared/contract';

/** A request the main side rejected or could not serve, with its message and, where one fits, a translation key. */
export class BridgeError extends Error {
  constructor(readonly error: RequestError) {
    super(error.message);
  }
}

type IpcBridge = Record<string, (input: unknown) => Promise<RequestReply<unknown>>> & {
  on(event: EventName, listener: (payload: unknown) => void): () => void;
};

declare global {
  interface Window {
    poolBridgeIpc?: IpcBridge;
  }
}

function unwrap<T>(reply: RequestReply<T>): T {
  if (!reply.ok) throw new BridgeError(reply.error);
  return reply.value;
}

/** Builds the bridge over Electron IPC when the preload exposed it, else over HTTP to the web host. */
export function createBridge(): Bridge {
  const ipc = window.poolBridgeIpc;
  const bridge: Record<string, unknown> = {};
  for (const name of Object.keys(REQUESTS)) {
    bridge[name] = ipc
      ? async (input: unknown) => unwrap(await ipc[name]!(input))
      : async (input: unknown) => unwrap(await postRequest(name, input));
  }
  bridge.on = ipc ? ipc.on.bind(ipc) : subscribeOverHttp;
  return bridge as Bridge;
}

async function postRequest(name: string, input: unknown): Promise<RequestReply<unknown>> {
  let response: Response;
  try {
    response = await fetch(`api/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input ?? {}),
    });
  } catch (error) {
    return { ok: false, error: { kind: 'internal', message: `No response from the kiosk host: ${(error as Error).message}` } };
  }
  try {
    return (await response.json()) as RequestReply<unknown>;
  } catch {
    return { ok: false, error: { kind: 'internal', message: `Invalid response from the kiosk host (HTTP ${response.status}): reload the page.` } };
  }
}

/** One EventSource shared by every subscription; the browser reconnects it by itself after a drop. */
let eventSource: EventSource | null = null;

function subscribeOverHttp<Name extends EventName>(event: Name, listener: (payload: EventPayloads[Name]) => void): () => void {
  if (!(EVENT_NAMES as readonly string[]).includes(event)) throw new Error(`Unknown event "${event}".`);
  eventSource ??= new EventSource('api/events');
  const forward = (message: MessageEvent<string>) => listener(JSON.parse(message.data) as EventPayloads[Name]);
  eventSource.addEventListener(event, forward as EventListener);
  return () => eventSource?.removeEventListener(event, forward as EventListener);
}

/** Reports whether the HTTP event stream is connected; IPC is always connected. */
export function onConnectionChange(listener: (connected: boolean) => void): () => void {
  if (window.poolBridgeIpc) return () => undefined;
  eventSource ??= new EventSource('api/events');
  const source = eventSource;
  const opened = () => listener(true);
  const failed = () => listener(false);
  source.addEventListener('open', opened);
  source.addEventListener('error', failed);
  return () => {
    source.removeEventListener('open', opened);
    source.removeEventListener('error', failed);
  };
}

export const bridge = createBridge();
