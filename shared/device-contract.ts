import { z } from 'zod';
import { DEFAULT_LEVEL_WARNING_LITRES } from './alarms';
import { DOSING_CHANNELS, MEASURED_VALUES, type DeviceSnapshot, type MeasuredValue } from './device-state';

/**
 * Inputs and results of the requests about the simulated device, its alarm queue, the alarm
 * e-mail outbox and the trade-show demo ("Démo salon"). shared/contract.ts lists the requests.
 */

/** Largest remaining quantity a level warning raised by command may show, in litres. */
export const MAX_LEVEL_WARNING_LITRES = 1000;

const measuredValueSchema = z.enum(MEASURED_VALUES);
const dosingChannelSchema = z.enum(DOSING_CHANNELS);

/** One alarm as the demo commands name it. A level warning's quantity defaults to the device's 5.0 l. */
export const alarmSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('upper'), value: measuredValueSchema }).strict(),
  z.object({ kind: z.literal('lower'), value: measuredValueSchema }).strict(),
  z
    .object({
      kind: z.literal('levelWarning'),
      channel: dosingChannelSchema,
      remainingLitres: z.number().min(0.1).max(MAX_LEVEL_WARNING_LITRES).default(DEFAULT_LEVEL_WARNING_LITRES),
    })
    .strict(),
  z.object({ kind: z.literal('levelAlarm'), channel: dosingChannelSchema }).strict(),
  z.object({ kind: z.literal('dosingAlarm'), channel: dosingChannelSchema }).strict(),
  z.object({ kind: z.literal('noFlow') }).strict(),
]);

/** Every queue key an alarm can have, such as `upper:ph` or `levelWarning:redox`. */
export const ALARM_KEYS = [
  'noFlow',
  ...MEASURED_VALUES.flatMap((value) => [`upper:${value}`, `lower:${value}`]),
  ...DOSING_CHANNELS.flatMap((channel) => [`levelWarning:${channel}`, `levelAlarm:${channel}`, `dosingAlarm:${channel}`]),
] as const;

export const alarmKeyInputSchema = z.object({ key: z.enum(ALARM_KEYS) }).strict();
export const alarmInputSchema = z.object({ alarm: alarmSchema }).strict();

/**
 * Readings a demo command may set, per measured value. They cover every plausible reading of a
 * pool controller, so that a typing slip (pH 72 for 7.2) is rejected instead of shown.
 */
export const MEASUREMENT_BOUNDS: Record<MeasuredValue, { min: number; max: number; unit: string }> = {
  ph: { min: 0, max: 14, unit: 'pH' },
  redox: { min: -1500, max: 1500, unit: 'mV' },
  chlorine: { min: 0, max: 20, unit: 'mg/l' },
  temperature: { min: -20, max: 80, unit: '°C' },
};

export const setMeasurementSchema = z
  .object({ value: measuredValueSchema, reading: z.number().finite() })
  .strict()
  .superRefine((input, context) => {
    const bounds = MEASUREMENT_BOUNDS[input.value];
    if (input.reading < bounds.min || input.reading > bounds.max) {
      context.addIssue({
        code: 'custom',
        path: ['reading'],
        message: `${input.value} reading ${input.reading} is out of range: use a value from ${bounds.min} to ${bounds.max} ${bounds.unit}`,
      });
    }
  });

/** Bounds of the spacing between two steps of the automatic demo scenario, in seconds. */
export const SCENARIO_STEP_SECONDS = { min: 1, max: 600, default: 20 } as const;

export const startScenarioSchema = z
  .object({ stepSeconds: z.number().int().min(SCENARIO_STEP_SECONDS.min).max(SCENARIO_STEP_SECONDS.max).optional() })
  .strict();

/** Set point and alarm limits of one measured value, for the screens and the demo commands. */
export interface MeasurementRange {
  setPoint: number;
  lower: number;
  upper: number;
  /** How far beyond a limit the demo pushes a value to raise its alarm. */
  excursion: number;
  /** Number of decimals the device shows. */
  decimals: number;
}

/** The device as the screens show it: the snapshot plus the ranges of the measured values. */
export interface DeviceStateView extends DeviceSnapshot {
  ranges: Record<MeasuredValue, MeasurementRange>;
}

/** Result of a command that acts on the device. */
export interface DeviceCommandResult {
  /** False when the command changed nothing, such as raising an alarm that is already active. */
  changed: boolean;
  state: DeviceStateView;
}

/** Number of outbox e-mails in each state, as the status bar and the journal show them. */
export interface OutboxCounts {
  /** Waiting for their first attempt or for a retry. */
  pending: number;
  /** Refused for good; they wait for a change of settings. */
  failed: number;
  accepted: number;
}

/** Steps of the automatic demo scenario, in the order they run. */
export const SCENARIO_STEPS = [
  'phRising',
  'phAboveLimit',
  'acknowledgePh',
  'phBack',
  'levelWarning',
  'refill',
  'flowCut',
  'flowBack',
  'dosingAlarm',
  'acknowledgeDosing',
] as const;
export type ScenarioStepId = (typeof SCENARIO_STEPS)[number];

export interface ScenarioStatus {
  running: boolean;
  /** Spacing between two steps, in seconds. */
  stepSeconds: number;
  /** The step run last, or null before the first one. */
  lastStep: ScenarioStepId | null;
  /** When the next step runs (milliseconds since the epoch), or null when stopped. */
  nextStepAt: number | null;
  /** Completed rounds of the whole sequence since the start. */
  rounds: number;
}
