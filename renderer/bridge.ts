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

/** Delay before a closed event stream is opened again, as after a host restart or a refused access session. */
const RECONNECT_DELAY_MS = 3_000;

const eventListeners = new Map<string, Set<(payload: unknown) => void>>();
const connectionListeners = new Set<(connected: boolean) => void>();
let eventSource: EventSource | null = null;

/**
 * Opens the one event stream shared by every subscription. The browser retries a dropped stream by itself,
 * but not one the host refused (such as HTTP 403 before the access code), so that case is retried here.
 */
function connectEventStream(): void {
  if (eventSource) return;
  const source = new EventSource('api/events');
  eventSource = source;
  for (const name of EVENT_NAMES) {
    source.addEventListener(name, (message) => {
      const payload = JSON.parse((message as MessageEvent<string>).data) as unknown;
      for (const listener of eventListeners.get(name) ?? []) listener(payload);
    });
  }
  source.addEventListener('open', () => {
    for (const listener of connectionListeners) listener(true);
  });
  source.addEventListener('error', () => {
    for (const listener of connectionListeners) listener(false);
    if (source.readyState === EventSource.CLOSED) {
      eventSource = null;
      window.setTimeout(connectEventStream, RECONNECT_DELAY_MS);
    }
  });
}

function subscribeOverHttp<Name extends EventName>(event: Name, listener: (payload: EventPayloads[Name]) => void): () => void {
  if (!(EVENT_NAMES as readonly string[]).includes(event)) throw new Error(`Unknown event "${event}".`);
  const listeners = eventListeners.get(event) ?? new Set();
  eventListeners.set(event, listeners);
  const untyped = listener as (payload: unknown) => void;
  listeners.add(untyped);
  connectEventStream();
  return () => listeners.delete(untyped);
}

/** Reports whether the HTTP event stream is connected; IPC is always connected. */
export function onConnectionChange(listener: (connected: boolean) => void): () => void {
  if (window.poolBridgeIpc) return () => undefined;
  connectionListeners.add(listener);
  connectEventStream();
  return () => connectionListeners.delete(listener);
}

export const bridge = createBridge();
