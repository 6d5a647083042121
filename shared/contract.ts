import { z } from 'zod';
import type { AccessCheckResult } from './access';
import type { DemoServerStatus, InboxMessage, InboxSummary } from './demo-inbox';
import type { JournalEntry, OutboxEntry } from './alarm-email';
import {
  alarmInputSchema,
  alarmKeyInputSchema,
  setMeasurementSchema,
  startScenarioSchema,
  type DeviceCommandResult,
  type DeviceStateView,
  type OutboxCounts,
  type ScenarioStatus,
} from './device-contract';
import {
  activeEmailsSchema,
  deviceSettingsSchema,
  MAX_LENGTH,
  recipientsSchema,
  smtpAccountSchema,
  type SettingsView,
} from './settings';
import { oneTapFixSchema, type TestEmailAttempt } from './test-email-attempt';

/**
 * The one list of requests the renderer may make and of events the main side may push.
 * The preload, the ipcMain registrations, the web host's routes and the renderer's bridge all derive from it.
 */

const noInput = z.object({}).strict();

/** A new password replaces the stored one; `clear` removes it; absent keeps it. */
const passwordChangeSchema = z.union([
  z.object({ set: z.string().min(1).max(MAX_LENGTH.password) }).strict(),
  z.object({ clear: z.literal(true) }).strict(),
]);
export type PasswordChange = z.infer<typeof passwordChangeSchema>;

export const settingsUpdateSchema = z.discriminatedUnion('section', [
  z.object({ section: z.literal('recipients'), value: recipientsSchema }).strict(),
  z
    .object({ section: z.literal('smtp'), value: smtpAccountSchema, password: passwordChangeSchema.optional() })
    .strict(),
  z.object({ section: z.literal('activeEmails'), value: activeEmailsSchema }).strict(),
  z
    .object({ section: z.literal('device'), value: deviceSettingsSchema.omit({ softwareVersion: true }).strict() })
    .strict(),
]);
export type SettingsUpdate = z.infer<typeof settingsUpdateSchema>;
export type SettingsSection = SettingsUpdate['section'];

/** A message shown to the user until dismissed, such as a corrupt settings file set aside. */
export interface Notice {
  id: string;
  kind: 'settingsCorrupt' | 'settingsNewerVersion';
  at: string;
  /** File name of the copy that was kept aside. */
  backupFile: string;
  detail: string;
}

const accessCodeSchema = z.string().max(16);
export const verifyAccessCodeSchema = z.object({ code: accessCodeSchema }).strict();
export const changeAccessCodeSchema = z.object({ currentCode: accessCodeSchema, newCode: accessCodeSchema }).strict();

export const noticeIdSchema = z.object({ id: z.string().min(1).max(100) }).strict();

export const demoMessageIdSchema = z.object({ id: z.string().min(1).max(100) }).strict();

export const testEmailAttemptIdSchema = z.object({ attemptId: z.string().min(1).max(100) }).strict();
export const testEmailFixSchema = z.object({ fix: oneTapFixSchema }).strict();

/** Declares one request: its runtime input schema and, as a type only, its result. */
function request<Input extends z.ZodType, Output>(input: Input) {
  return { input, output: undefined as unknown as Output };
}

export const REQUESTS = {
  getSettings: request<typeof noInput, SettingsView>(noInput),
  updateSettings: request<typeof settingsUpdateSchema, SettingsView>(settingsUpdateSchema),
  getNotices: request<typeof noInput, Notice[]>(noInput),
  dismissNotice: request<typeof noticeIdSchema, Notice[]>(noticeIdSchema),
  verifyAccessCode: request<typeof verifyAccessCodeSchema, AccessCheckResult>(verifyAccessCodeSchema),
  changeAccessCode: request<typeof changeAccessCodeSchema, { changed: true }>(changeAccessCodeSchema),
  listDemoInbox: request<typeof noInput, InboxSummary[]>(noInput),
  getDemoMessage: request<typeof demoMessageIdSchema, InboxMessage>(demoMessageIdSchema),
  clearDemoInbox: request<typeof noInput, InboxSummary[]>(noInput),
  getDemoServerStatus: request<typeof noInput, DemoServerStatus>(noInput),
  getDeviceState: request<typeof noInput, DeviceStateView>(noInput),
  acknowledgeAlarm: request<typeof alarmKeyInputSchema, DeviceCommandResult>(alarmKeyInputSchema),
  acknowledgeAllAlarms: request<typeof noInput, DeviceCommandResult>(noInput),
  listOutbox: request<typeof noInput, OutboxEntry[]>(noInput),
  getJournal: request<typeof noInput, JournalEntry[]>(noInput),
  retryOutboxNow: request<typeof noInput, OutboxCounts>(noInput),
  // Demo commands ("Démo salon"): rejected unless demo mode is on.
  raiseAlarm: request<typeof alarmInputSchema, DeviceCommandResult>(alarmInputSchema),
  endAlarm: request<typeof alarmInputSchema, DeviceCommandResult>(alarmInputSchema),
  cutFlow: request<typeof noInput, DeviceCommandResult>(noInput),
  restoreFlow: request<typeof noInput, DeviceCommandResult>(noInput),
  setMeasurement: request<typeof setMeasurementSchema, DeviceCommandResult>(setMeasurementSchema),
  startScenario: request<typeof startScenarioSchema, ScenarioStatus>(startScenarioSchema),
  stopScenario: request<typeof noInput, ScenarioStatus>(noInput),
  getScenarioStatus: request<typeof noInput, ScenarioStatus>(noInput),
  // "Envoyer un e-mail test" with the saved settings; one attempt at a time.
  startTestEmail: request<typeof noInput, { attemptId: string }>(noInput),
  cancelTestEmail: request<typeof testEmailAttemptIdSchema, TestEmailAttempt>(testEmailAttemptIdSchema),
  /** The running attempt, or the last one, or null before the first. */
  getTestEmailStatus: request<typeof noInput, TestEmailAttempt | null>(noInput),
  /** Applies a one-tap fix of a test e-mail result to the saved SMTP account. */
  applyTestEmailFix: request<typeof testEmailFixSchema, SettingsView>(testEmailFixSchema),
};

export type RequestName = keyof typeof REQUESTS;
export type RequestInput<Name extends RequestName> = z.input<(typeof REQUESTS)[Name]['input']>;
export type RequestOutput<Name extends RequestName> = (typeof REQUESTS)[Name]['output'];

/** Events pushed by the main side to every window and browser. */
export interface EventPayloads {
  settingsChanged: SettingsView;
  noticesChanged: Notice[];
  /** The demo inbox list, newest first, after every received message or emptying. */
  demoInboxChanged: InboxSummary[];
  demoServerChanged: DemoServerStatus;
  /** The device after every measurement update, alarm change or flow change. */
  deviceStateChanged: DeviceStateView;
  outboxChanged: OutboxCounts;
  /** The latest delivery attempts, newest first, after each attempt. */
  journalChanged: JournalEntry[];
  scenarioChanged: ScenarioStatus;
  /** A test e-mail attempt started, entered a step or was asked to cancel. */
  testEmailProgress: TestEmailAttempt;
  /** A test e-mail attempt ended; `result` is set. */
  testEmailFinished: TestEmailAttempt;
}
export type EventName = keyof EventPayloads;
export const EVENT_NAMES = [
  'settingsChanged',
  'noticesChanged',
  'demoInboxChanged',
  'demoServerChanged',
  'deviceStateChanged',
  'outboxChanged',
  'journalChanged',
  'scenarioChanged',
  'testEmailProgress',
  'testEmailFinished',
] as const satisfies readonly EventName[];

/** Failure of a request, sent back as data so that neither host crashes or leaks a stack trace. */
export interface RequestError {
  /** `invalidRequest` for a schema failure, `rejected` for a valid request the main side refused, `internal` otherwise. */
  kind: 'invalidRequest' | 'rejected' | 'internal' | 'unknownRequest' | 'forbidden';
  message: string;
  /** Dotted path of the offending field, such as `value.alarms`. */
  field?: string;
  /** Translation key and values for the renderer, where one fits. */
  i18nKey?: string;
  i18nValues?: Record<string, string>;
}

export type RequestReply<Output> = { ok: true; value: Output } | { ok: false; error: RequestError };

/** The object the renderer talks to: one method per request, and a subscription to the pushed events. */
export type Bridge = {
  [Name in RequestName]: (input: RequestInput<Name>) => Promise<RequestOutput<Name>>;
} & {
  on<Name extends EventName>(event: Name, listener: (payload: EventPayloads[Name]) => void): () => void;
};

export const IPC_CHANNEL_PREFIX = 'pm:';
export const IPC_EVENT_CHANNEL = 'pm:event';

/** Validates a request's input and names the first offending field, for the hosts to reject with. */
export function parseRequestInput<Name extends RequestName>(
  name: Name,
  input: unknown,
): { ok: true; value: z.output<(typeof REQUESTS)[Name]['input']> } | { ok: false; error: RequestError } {
  const parsed = REQUESTS[name].input.safeParse(input ?? {});
  if (parsed.success) return { ok: true, value: parsed.data as z.output<(typeof REQUESTS)[Name]['input']> };
  const issue = parsed.error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : undefined;
  const where = field ? `field "${field}"` : 'the request body';
  return {
    ok: false,
    error: {
      kind: 'invalidRequest',
      field,
      message: `Invalid ${name} request: ${where}: ${issue?.message ?? 'invalid value'}. Send a value matching the contract in shared/contract.ts.`,
    },
  };
}

export function isRequestName(name: string): name is RequestName {
  return Object.hasOwn(REQUESTS, name);
}
