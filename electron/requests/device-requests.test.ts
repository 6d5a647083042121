import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceCommandResult, DeviceStateView, ScenarioStatus } from '../../shared/device-contract';
import { Cleanups, closedPort, localSettings, startTestApp } from '../device/app-test-support';

const cleanups = new Cleanups();
afterEach(() => cleanups.run());

async function startApp(adjust: (settings: ReturnType<typeof localSettings>) => void = () => undefined) {
  // Nothing listens on the SMTP port: these tests look at the device, not at delivery.
  const settings = localSettings(await closedPort());
  adjust(settings);
  return startTestApp(cleanups, settings);
}

describe('device requests', () => {
  it('returns the state with ranges', async () => {
    const { call } = await startApp();
    const state = await call<DeviceStateView>('getDeviceState');

    expect(state).toMatchObject({ flow: true, queue: [], measurements: { ph: 7.2, redox: 750, freeChlorine: null, temperature: 26 } });
    expect(state.ranges.ph).toEqual({ setPoint: 7.2, lower: 6.8, upper: 7.8, excursion: 0.2, decimals: 2 });
  });

  it('rejects demo commands outside demo mode', async () => {
    const { app } = await startApp((settings) => {
      settings.device.demoMode = false;
    });
    const commands: [string, unknown][] = [
      ['raiseAlarm', { alarm: { kind: 'upper', value: 'ph' } }],
      ['endAlarm', { alarm: { kind: 'upper', value: 'ph' } }],
      ['cutFlow', {}],
      ['restoreFlow', {}],
      ['setMeasurement', { value: 'ph', reading: 8 }],
      ['startScenario', {}],
      ['stopScenario', {}],
    ];
    for (const [name, input] of commands) {
      const reply = await app.dispatch(name, input);
      expect(reply, name).toMatchObject({ ok: false, error: { kind: 'rejected', field: 'demoMode', i18nKey: 'demo:errors.demoModeOff' } });
    }
    expect(app.services.device.simulator.snapshot().queue).toEqual([]);
    expect((await app.dispatch('getScenarioStatus', {})).ok).toBe(true);
    expect((await app.dispatch('acknowledgeAllAlarms', {})).ok).toBe(true);
  });

  it('raises and ends by command', async () => {
    const { call } = await startApp();

    const raised = await call<DeviceCommandResult>('raiseAlarm', { alarm: { kind: 'levelWarning', channel: 'redox', remainingLitres: 2.5 } });
    expect(raised.changed).toBe(true);
    expect(raised.state.queue.map((entry) => entry.alarm)).toEqual([{ kind: 'levelWarning', channel: 'redox', remainingLitres: 2.5 }]);
    expect((await call<DeviceCommandResult>('raiseAlarm', { alarm: { kind: 'levelWarning', channel: 'redox' } })).changed).toBe(false);

    const ended = await call<DeviceCommandResult>('endAlarm', { alarm: { kind: 'levelWarning', channel: 'redox' } });
    expect(ended.state.queue).toMatchObject([{ key: 'levelWarning:redox', status: 'endedUnacknowledged' }]);
    const acknowledged = await call<DeviceCommandResult>('acknowledgeAlarm', { key: 'levelWarning:redox' });
    expect(acknowledged).toMatchObject({ changed: true, state: { queue: [] } });
    expect((await call<DeviceCommandResult>('acknowledgeAlarm', { key: 'levelWarning:redox' })).changed).toBe(false);
  });

  it('cuts and restores the flow', async () => {
    const { call } = await startApp();

    expect(await call<DeviceCommandResult>('cutFlow')).toMatchObject({ changed: true, state: { flow: false } });
    expect((await call<DeviceCommandResult>('cutFlow')).changed).toBe(false);
    expect(await call<DeviceCommandResult>('restoreFlow')).toMatchObject({ changed: true, state: { flow: true } });
  });

  it('sets a measurement and checks its limits', async () => {
    const { call } = await startApp();
    const result = await call<DeviceCommandResult>('setMeasurement', { value: 'redox', reading: 600 });

    expect(result.state.measurements.redox).toBe(600);
    expect(result.state.queue.map((entry) => entry.key)).toEqual(['lower:redox']);
  });

  it('rejects an alarm of another device type', async () => {
    const { app } = await startApp();
    const reply = await app.dispatch('raiseAlarm', { alarm: { kind: 'upper', value: 'chlorine' } });

    expect(reply).toMatchObject({
      ok: false,
      error: { kind: 'rejected', field: 'alarm', i18nKey: 'demo:errors.notOnDevice', i18nValues: { alarm: 'Alarme supérieure chlore' } },
    });
    if (!reply.ok) expect(reply.error.message).toContain('upper:chlorine');
  });

  it('rejects free chlorine without a cell', async () => {
    const { app } = await startApp();
    const reply = await app.dispatch('setMeasurement', { value: 'chlorine', reading: 2 });
    expect(reply).toMatchObject({ ok: false, error: { kind: 'rejected', field: 'value', i18nKey: 'demo:errors.notMeasured' } });
  });

  it('accepts free chlorine on a PRO', async () => {
    const { call } = await startApp((settings) => {
      settings.device.type = 'pro';
    });
    const result = await call<DeviceCommandResult>('setMeasurement', { value: 'chlorine', reading: 2 });
    expect(result.state.measurements.freeChlorine).toBe(2);
    expect(result.state.queue.map((entry) => entry.key)).toEqual(['upper:chlorine']);
  });

  it('rejects ending a dosing alarm', async () => {
    const { app, call } = await startApp();
    await call('raiseAlarm', { alarm: { kind: 'dosingAlarm', channel: 'ph' } });
    const reply = await app.dispatch('endAlarm', { alarm: { kind: 'dosingAlarm', channel: 'ph' } });

    expect(reply).toMatchObject({
      ok: false,
      error: { kind: 'rejected', i18nKey: 'demo:errors.endsByAcknowledgement', i18nValues: { alarm: 'Alarme de dosage pH' } },
    });
    expect(app.services.device.simulator.snapshot().queue.map((entry) => entry.key)).toEqual(['dosingAlarm:ph']);
  });

  it('validates every input', async () => {
    const { app } = await startApp();
    const cases: [string, unknown, string | undefined][] = [
      ['raiseAlarm', { alarm: { kind: 'upper', value: 'salt' } }, 'alarm.value'],
      ['raiseAlarm', { alarm: { kind: 'storm' } }, 'alarm.kind'],
      ['raiseAlarm', { alarm: { kind: 'noFlow', extra: 1 } }, 'alarm'],
      ['raiseAlarm', { alarm: { kind: 'levelWarning', channel: 'redox', remainingLitres: 0 } }, 'alarm.remainingLitres'],
      ['endAlarm', {}, 'alarm'],
      ['acknowledgeAlarm', { key: 'upper:salt' }, 'key'],
      ['acknowledgeAlarm', { key: 42 }, 'key'],
      ['setMeasurement', { value: 'ph', reading: 72 }, 'reading'],
      ['setMeasurement', { value: 'ph', reading: '7.2' }, 'reading'],
      ['setMeasurement', { value: 'temperature', reading: Number.NaN }, 'reading'],
      ['setMeasurement', { value: 'salt', reading: 3 }, 'value'],
      ['startScenario', { stepSeconds: 0 }, 'stepSeconds'],
      ['startScenario', { stepSeconds: 1.5 }, 'stepSeconds'],
      ['cutFlow', { now: true }, undefined],
    ];
    for (const [name, input, field] of cases) {
      const reply = await app.dispatch(name, input);
      expect(reply, `${name} ${JSON.stringify(input)}`).toMatchObject({ ok: false, error: { kind: 'invalidRequest' } });
      if (!reply.ok) expect(reply.error.field, `${name} ${JSON.stringify(input)}`).toBe(field);
    }
    expect(app.services.device.simulator.snapshot().queue).toEqual([]);
    expect(app.services.device.simulator.hasFlow()).toBe(true);
  });

  it('names the range of a rejected reading', async () => {
    const { app } = await startApp();
    const reply = await app.dispatch('setMeasurement', { value: 'ph', reading: 72 });
    if (reply.ok) throw new Error('a pH of 72 was accepted');
    expect(reply.error.message).toContain('ph reading 72 is out of range: use a value from 0 to 14 pH');
  });

  it('starts and stops the scenario', async () => {
    const { call } = await startApp();

    const started = await call<ScenarioStatus>('startScenario', {});
    expect(started).toMatchObject({ running: true, stepSeconds: 20, lastStep: 'phRising' });
    expect(started.nextStepAt).toBeGreaterThan(Date.now() + 15_000);
    expect(await call<ScenarioStatus>('stopScenario')).toMatchObject({ running: false, nextStepAt: null });
  });
});
