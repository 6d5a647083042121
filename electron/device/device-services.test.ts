import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutboxEntry } from '../../shared/alarm-email';
import type { DeviceCommandResult, OutboxCounts, ScenarioStatus } from '../../shared/device-contract';
import { Cleanups, closedPort, localSettings, startRecordingSmtpServer, startTestApp, waitFor } from './app-test-support';
import { countOutbox, OUTBOX_FOLDER } from './device-services';

const cleanups = new Cleanups();
afterEach(() => cleanups.run());

describe('device services in the app', () => {
  it('e-mails an alarm to the ASCII recipients', async () => {
    const server = await startRecordingSmtpServer(cleanups);
    const settings = localSettings(server.port);
    settings.recipients = [
      { address: ' Piscine@Bücher.example ', active: true },
      { address: 'pas une adresse', active: true },
      { address: 'inactif@example.com', active: false },
    ];
    const { call, logger } = await startTestApp(cleanups, settings);

    await call('raiseAlarm', { alarm: { kind: 'upper', value: 'ph' } });
    await waitFor(() => server.received.length === 1, 'the alarm e-mail');

    // smtp-server shows envelope domains in Unicode, so the header shows what was sent.
    expect(server.received[0]!.envelopeTo).toEqual(['Piscine@bücher.example']);
    expect(server.received[0]!.rawHeader).toMatch(/^To: Piscine@xn--bcher-kva\.example$/m);
    expect(server.received[0]!.subject).toBe('PM5-démo (PM5 (démo)) : Alarme supérieure pH');
    expect(server.received[0]!.text).toContain('pH 8.00 [pH]');
    const skipped = logger.lines.filter((line) => line.includes('active recipient address is invalid, skipped'));
    expect(skipped.length).toBeGreaterThan(0);
    expect(skipped[0]).toContain('"recipient":2');
  });

  it('composes in the language set at the event', async () => {
    const server = await startRecordingSmtpServer(cleanups);
    const { call, app } = await startTestApp(cleanups, localSettings(server.port));
    const { softwareVersion: _readOnly, ...device } = app.services.settings.current().device;

    await call('updateSettings', { section: 'device', value: { ...device, language: 'de' } });
    await call('raiseAlarm', { alarm: { kind: 'levelWarning', channel: 'redox' } });
    await waitFor(() => server.received.length === 1, 'the German e-mail');
    await call('updateSettings', { section: 'device', value: { ...device, language: 'en' } });
    await call('endAlarm', { alarm: { kind: 'levelWarning', channel: 'redox' } });
    await waitFor(() => server.received.length === 2, 'the English e-mail');

    expect(server.received.map((email) => email.subject)).toEqual([
      'PM5-démo (PM5 (démo)): Niveauwarnung Redox (5.0 l)',
      'PM5-démo (PM5 (démo)): End Level warning redox (5.0 l)',
    ]);
    expect(server.received[0]!.text).toContain('Alarmübersicht:');
  });

  it('sends nothing on acknowledgement, then the end', async () => {
    const server = await startRecordingSmtpServer(cleanups);
    const { call, app } = await startTestApp(cleanups, localSettings(server.port));

    await call('raiseAlarm', { alarm: { kind: 'lower', value: 'redox' } });
    const acknowledged = await call<DeviceCommandResult>('acknowledgeAlarm', { key: 'lower:redox' });
    expect(acknowledged.changed).toBe(true);
    expect(acknowledged.state.queue).toMatchObject([{ key: 'lower:redox', status: 'acknowledged' }]);
    await call('endAlarm', { alarm: { kind: 'lower', value: 'redox' } });
    await waitFor(() => app.services.device.outbox.pendingCount() === 0 && server.received.length >= 2, 'two e-mails');

    expect(server.received.map((email) => email.subject)).toEqual([
      'PM5-démo (PM5 (démo)) : Alarme inférieure rédox',
      'PM5-démo (PM5 (démo)) : Fin Alarme inférieure rédox',
    ]);
    expect(app.services.device.outbox.list()).toHaveLength(2);
  });

  it('ends a dosing alarm by acknowledgement', async () => {
    const server = await startRecordingSmtpServer(cleanups);
    const { call } = await startTestApp(cleanups, localSettings(server.port));

    await call('raiseAlarm', { alarm: { kind: 'dosingAlarm', channel: 'ph' } });
    const result = await call<DeviceCommandResult>('acknowledgeAllAlarms');
    await waitFor(() => server.received.length === 2, 'start and end e-mails');

    expect(result).toMatchObject({ changed: true, state: { queue: [] } });
    expect(server.received[1]!.subject).toBe('PM5-démo (PM5 (démo)) : Fin Alarme de dosage pH');
  });

  it('publishes state, outbox and journal', async () => {
    const server = await startRecordingSmtpServer(cleanups);
    const { call, eventsOf } = await startTestApp(cleanups, localSettings(server.port));

    await call('raiseAlarm', { alarm: { kind: 'upper', value: 'temperature' } });
    await waitFor(() => eventsOf('journalChanged').length === 1, 'the journal event');
    await waitFor(() => eventsOf('outboxChanged').at(-1)?.pending === 0, 'the outbox event');

    const states = eventsOf('deviceStateChanged');
    expect(states).toHaveLength(1);
    expect(states[0]!.queue.map((entry) => entry.key)).toEqual(['upper:temperature']);
    expect(states[0]!.measurements.temperature).toBe(37);
    expect(states[0]!.ranges.temperature).toEqual({ setPoint: 26, lower: 10, upper: 35, excursion: 2, decimals: 1 });
    expect(eventsOf('outboxChanged').at(-1)).toEqual({ pending: 0, failed: 0, accepted: 1 });
    const [journal] = eventsOf('journalChanged');
    expect(journal).toHaveLength(1);
    expect(journal![0]).toMatchObject({
      subject: 'PM5-démo (PM5 (démo)) : Alarme supérieure T1',
      recipients: ['technicien@example.com'],
      attempt: 1,
      result: { outcome: 'accepted', deviceCode: null },
    });
  });

  it('stores the outbox in the data folder', async () => {
    const port = await closedPort();
    const { call, dataDir, app } = await startTestApp(cleanups, localSettings(port));

    await call('cutFlow');
    await waitFor(() => app.services.device.journal().length === 1, 'the first attempt');
    const outbox = await call<OutboxEntry[]>('listOutbox');

    expect(outbox.map((entry) => entry.subject)).toEqual(['PM5-démo (PM5 (démo)) : Aucun signal de débit']);
    expect(await readdir(join(dataDir, OUTBOX_FOLDER, 'messages'))).toEqual([`${outbox[0]!.id}.json`]);
  });

  it('retries at once when the SMTP server changes', async () => {
    const down = await closedPort();
    const { call, app } = await startTestApp(cleanups, localSettings(down));

    await call('raiseAlarm', { alarm: { kind: 'upper', value: 'ph' } });
    await waitFor(() => app.services.device.journal().length === 1, 'the failed attempt');
    expect(app.services.device.journal()[0]!.result).toMatchObject({ outcome: 'temporary', deviceCode: "can't connect to server!" });
    // The default back-off waits at least 12 s, far longer than this test waits.
    const server = await startRecordingSmtpServer(cleanups);
    const { passwordSet: _flag, ...smtp } = app.services.settings.view().smtp;
    await call('updateSettings', { section: 'smtp', value: { ...smtp, server: `127.0.0.1:${server.port}` } });
    await waitFor(() => app.services.device.outbox.pendingCount() === 0, 'the e-mail after the change', 5_000);

    expect(server.received).toHaveLength(1);

    expect(await call<OutboxCounts>('retryOutboxNow')).toEqual({ pending: 0, failed: 0, accepted: 1 });
  });

  it('retries at once on request', async () => {
    const port = await closedPort();
    const { call, app } = await startTestApp(cleanups, localSettings(port));

    await call('raiseAlarm', { alarm: { kind: 'upper', value: 'ph' } });
    await waitFor(() => app.services.device.journal().length === 1, 'the failed attempt');
    const server = await startRecordingSmtpServer(cleanups, port);
    const counts = await call<OutboxCounts>('retryOutboxNow');
    await waitFor(() => app.services.device.outbox.pendingCount() === 0, 'the e-mail after the retry', 5_000);

    expect(counts.pending).toBe(1);
    expect(server.received).toHaveLength(1);
    expect(app.services.device.journal().map((entry) => entry.result.outcome)).toEqual(['accepted', 'temporary']);
  });

  it('stops the scenario with demo mode', async () => {
    const server = await startRecordingSmtpServer(cleanups);
    const { call, app, eventsOf } = await startTestApp(cleanups, localSettings(server.port));
    const { softwareVersion: _readOnly, ...device } = app.services.settings.current().device;

    const started = await call<ScenarioStatus>('startScenario', { stepSeconds: 60 });
    expect(started).toMatchObject({ running: true, lastStep: 'phRising', stepSeconds: 60 });
    await call('updateSettings', { section: 'device', value: { ...device, demoMode: false } });

    expect(await call<ScenarioStatus>('getScenarioStatus')).toMatchObject({ running: false });
    expect(eventsOf('scenarioChanged').map((status) => status.running)).toEqual([true, false]);
  });

  it('counts outbox entries by status', () => {
    const entry = (status: OutboxEntry['status']) => ({ status }) as OutboxEntry;
    expect(countOutbox([entry('pending'), entry('accepted'), entry('pending'), entry('failed')])).toEqual({
      pending: 2,
      failed: 1,
      accepted: 1,
    });
  });
});
