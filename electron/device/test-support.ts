import type { DeviceSettings } from '../../shared/settings';
import { ManualClock } from './manual-clock';
import { DeviceSimulator, type SimulatorOptions } from './simulator';

/** Seeded uniform random numbers in [0, 1) (mulberry32), so that drift tests repeat exactly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/** Creates a simulator on a manual clock with mutable device settings, for tests. */
export function createTestSimulator(
  device: Pick<DeviceSettings, 'type' | 'flowAcknowledgement'> = { type: 'cl', flowAcknowledgement: 'automatic' },
  options: Partial<SimulatorOptions> = {},
) {
  const clock = new ManualClock();
  const settings = { ...device };
  const simulator = new DeviceSimulator({ device: () => settings, clock, random: seededRandom(42), ...options });
  return { simulator, clock, settings };
}
