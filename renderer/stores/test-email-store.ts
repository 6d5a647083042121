import { create } from 'zustand';
import type { OneTapFix } from '../../shared/mail-result';
import type { TestEmailAttempt } from '../../shared/test-email-attempt';
import { bridge, BridgeError, onConnectionChange } from '../bridge';
import { useSettingsStore } from './settings-store';

type FixState = { state: 'applying' } | { state: 'applied' } | { state: 'failed'; error: BridgeError };

interface TestEmailState {
  /** The running or last attempt as the main side reported it; null before the first. */
  attempt: TestEmailAttempt | null;
  /** `performance.now()` when `attempt` was received, so that the elapsed time can tick between reports. */
  receivedAt: number;
  loaded: boolean;
  loadError: BridgeError | null;
  starting: boolean;
  /** Error of the last start or cancel request, when the main side rejected it; cleared by the next request or load. */
  requestError: { request: 'start' | 'cancel'; error: BridgeError } | null;
  cancelling: boolean;
  /** State of the one-tap fix of the attempt with this id. */
  fix: ({ attemptId: string } & FixState) | null;
  load(): Promise<void>;
  start(): Promise<void>;
  cancel(): Promise<void>;
  applyFix(fix: OneTapFix): Promise<void>;
}

function asBridgeError(error: unknown): BridgeError {
  return error instanceof BridgeError ? error : new BridgeError({ kind: 'internal', message: (error as Error)?.message ?? String(error) });
}

/**
 * Tells whether a report should replace the attempt shown. Replies and events can arrive out of
 * order: an attempt never goes back from done to running, and a newer attempt replaces an older one.
 */
function isNewer(incoming: TestEmailAttempt, shown: TestEmailAttempt | null): boolean {
  if (!shown) return true;
  if (incoming.attemptId !== shown.attemptId) return incoming.startedAt >= shown.startedAt;
  if (shown.state === 'done') return false;
  return incoming.state === 'done' || incoming.elapsedMs >= shown.elapsedMs || incoming.cancelRequested;
}

/** Shows an attempt reported by a reply or an event, unless a newer report is already shown. */
function receive(attempt: TestEmailAttempt | null): void {
  if (attempt && isNewer(attempt, useTestEmailStore.getState().attempt)) {
    useTestEmailStore.setState({ attempt, receivedAt: performance.now() });
  }
}

export const useTestEmailStore = create<TestEmailState>((set, get) => ({
  attempt: null,
  receivedAt: 0,
  loaded: false,
  loadError: null,
  starting: false,
  requestError: null,
  cancelling: false,
  fix: null,

  async load() {
    // A rejection from an earlier visit may not apply to the settings now.
    set({ requestError: null });
    try {
      const attempt = await bridge.getTestEmailStatus({});
      receive(attempt);
      set({ loaded: true, loadError: null });
    } catch (error) {
      set({ loaded: true, loadError: asBridgeError(error) });
    }
  },

  async start() {
    set({ starting: true, requestError: null, fix: null });
    try {
      await bridge.startTestEmail({});
      // The attempt also arrives with the testEmailProgress event; this read covers a dropped event stream.
      receive(await bridge.getTestEmailStatus({}));
    } catch (error) {
      set({ requestError: { request: 'start', error: asBridgeError(error) } });
    } finally {
      set({ starting: false });
    }
  },

  async cancel() {
    const attempt = get().attempt;
    if (!attempt || attempt.state !== 'running') return;
    set({ cancelling: true, requestError: null });
    try {
      receive(await bridge.cancelTestEmail({ attemptId: attempt.attemptId }));
    } catch (error) {
      set({ requestError: { request: 'cancel', error: asBridgeError(error) } });
    } finally {
      set({ cancelling: false });
    }
  },

  async applyFix(fix) {
    const attempt = get().attempt;
    if (!attempt) return;
    const attemptId = attempt.attemptId;
    set({ fix: { attemptId, state: 'applying' } });
    try {
      const settings = await bridge.applyTestEmailFix({ fix });
      useSettingsStore.setState({ settings });
      set({ fix: { attemptId, state: 'applied' } });
    } catch (error) {
      set({ fix: { attemptId, state: 'failed', error: asBridgeError(error) } });
    }
  },
}));

/** Follows the attempts started here or in another window; reads the state again after the event stream reconnects. */
export function subscribeToTestEmailEvents(): () => void {
  const offProgress = bridge.on('testEmailProgress', receive);
  const offFinished = bridge.on('testEmailFinished', receive);
  let wasConnected = true;
  const offConnection = onConnectionChange((connected) => {
    if (connected && !wasConnected) void useTestEmailStore.getState().load();
    wasConnected = connected;
  });
  return () => {
    offProgress();
    offFinished();
    offConnection();
  };
}
