import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMeasurement } from '../../shared/alarm-email';
import { DEVICE_PROFILES, deviceAlarms } from '../../shared/alarms';
import type { DeviceCommandResult, DeviceStateView, ScenarioStatus } from '../../shared/device-contract';
import { alarmKey, type Alarm, type MeasuredValue } from '../../shared/device-state';
import type { DeviceType } from '../../shared/settings';
import { bridge, type BridgeError } from '../bridge';
import { CommandError } from '../components/CommandError';
import { useDeviceStore } from '../stores/device-store';
import { useNavigationStore } from '../stores/navigation-store';
import { useSettingsStore } from '../stores/settings-store';
import { clockTime, useAlarmText } from './alarm-text';
import { MEASUREMENT_UNITS } from './DeviceOverview';

const SECTIONS = ['alarms', 'flow', 'measurements', 'scenario'] as const;
type Section = (typeof SECTIONS)[number];

/**
 * "Démo salon": controls that drive the simulated device at a trade show, in four tabs. Alarms:
 * raise and end every alarm of the device type (a dosing alarm ends by acknowledgement). Flow
 * signal: cut and restore it. Measurements: push a value beyond an alarm limit or bring all back.
 * Automatic scenario: start and stop the loop for an unattended booth.
 */
export function DemoControlsScreen() {
  const { t } = useTranslation('demo');
  const device = useDeviceStore((state) => state.device);
  const settings = useSettingsStore((state) => state.settings?.device);
  const [section, setSection] = useState<Section>('alarms');
  const [error, setError] = useState<BridgeError | null>(null);
  const [busy, setBusy] = useState(false);
  if (!device || !settings) return null;
  if (!settings.demoMode) {
    return (
      <p role="alert" className="field-error">
        {t('errors.demoModeOff')}
      </p>
    );
  }

  const run = async (action: () => Promise<BridgeError | null>) => {
    setBusy(true);
    setError(await action());
    setBusy(false);
  };
  const controls = { device, type: settings.type, busy, run };

  return (
    <div className="demo">
      <div role="tablist" aria-label={t('title')} className="demo__tabs">
        {SECTIONS.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`demo-tab-${id}`}
            aria-selected={section === id}
            aria-controls={`demo-panel-${id}`}
            className={`demo__tab${section === id ? ' demo__tab--selected' : ''}`}
            data-label={t(`sections.${id}`)}
            onClick={() => {
              setSection(id);
              setError(null);
            }}
          >
            {t(`sections.${id}`)}
          </button>
        ))}
      </div>
      <CommandError error={error} />
      <div role="tabpanel" id={`demo-panel-${section}`} aria-labelledby={`demo-tab-${section}`} className="demo__panel">
        {section === 'alarms' ? <AlarmControls {...controls} /> : null}
        {section === 'flow' ? <FlowControls {...controls} /> : null}
        {section === 'measurements' ? <MeasurementControls {...controls} /> : null}
        {section === 'scenario' ? <ScenarioControls {...controls} /> : null}
      </div>
    </div>
  );
}

interface ControlProps {
  device: DeviceStateView;
  type: DeviceType;
  busy: boolean;
  run(action: () => Promise<BridgeError | null>): Promise<void>;
}

function deviceCommand(request: () => Promise<DeviceCommandResult>): () => Promise<BridgeError | null> {
  return () => useDeviceStore.getState().command(request);
}

function AcknowledgeAllButton({ device, busy, run }: ControlProps) {
  const { t } = useTranslation('demo');
  const waiting = device.queue.some((entry) => entry.status !== 'acknowledged');
  return (
    <button type="button" className="button demo__wide" disabled={busy || !waiting} onClick={() => void run(deviceCommand(() => bridge.acknowledgeAllAlarms({})))}>
      {t('acknowledgeAll')}
    </button>
  );
}

function AlarmControls(props: ControlProps) {
  const { t } = useTranslation('demo');
  const { t: tAlarms } = useTranslation('alarms');
  const text = useAlarmText();
  const { device, busy, run } = props;
  return (
    <div className="demo__section">
      <AcknowledgeAllButton {...props} />
      <ul className="demo__alarms">
        {deviceAlarms(props.type).map((alarm) => {
          const key = alarmKey(alarm);
          const entry = device.queue.find((candidate) => candidate.key === key);
          const designation = text.designation(alarm);
          const present = alarm.kind === 'noFlow' ? !device.flow || entry?.conditionPresent === true : entry?.conditionPresent === true;
          return (
            <li key={key} className={`demo__alarm${entry ? ` demo__alarm--${entry.status}` : ''}`}>
              <span className="demo__alarm-state">{entry ? tAlarms(`status.${entry.status}`) : t('alarmState.inactive')}</span>
              <button type="button" className="button demo__alarm-button" disabled={busy || present} onClick={() => void run(deviceCommand(() => bridge.raiseAlarm({ alarm })))}>
                {t('alarm.raise', { alarm: designation })}
              </button>
              <EndButton alarm={alarm} designation={designation} present={present} acknowledgeable={entry !== undefined && entry.status !== 'acknowledged'} {...props} />
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** Ends an alarm by removing its cause, or acknowledges a dosing alarm, which is how it ends. */
function EndButton(props: ControlProps & { alarm: Alarm; designation: string; present: boolean; acknowledgeable: boolean }) {
  const { t } = useTranslation('demo');
  const { alarm, busy, run } = props;
  if (alarm.kind === 'dosingAlarm') {
    return (
      <button
        type="button"
        className="button demo__alarm-button"
        disabled={busy || !props.acknowledgeable}
        onClick={() => void run(deviceCommand(() => bridge.acknowledgeAlarm({ key: alarmKey(alarm) })))}
      >
        {t('alarm.acknowledge', { alarm: props.designation })}
      </button>
    );
  }
  return (
    <button type="button" className="button demo__alarm-button" disabled={busy || !props.present} onClick={() => void run(deviceCommand(() => bridge.endAlarm({ alarm })))}>
      {t('alarm.end', { alarm: props.designation })}
    </button>
  );
}

function FlowControls(props: ControlProps) {
  const { t } = useTranslation('demo');
  const { device, busy, run } = props;
  return (
    <div className="demo__section">
      <p className={`demo__status${device.flow ? '' : ' demo__status--alarm'}`} role="status">
        {device.flow ? t('flow.present') : t('flow.absent')}
      </p>
      <div className="demo__pair">
        <button type="button" className="button" disabled={busy || !device.flow} onClick={() => void run(deviceCommand(() => bridge.cutFlow({})))}>
          {t('flow.cut')}
        </button>
        <button type="button" className="button" disabled={busy || device.flow} onClick={() => void run(deviceCommand(() => bridge.restoreFlow({})))}>
          {t('flow.restore')}
        </button>
      </div>
      <AcknowledgeAllButton {...props} />
    </div>
  );
}

function MeasurementControls(props: ControlProps) {
  const { t } = useTranslation('demo');
  const { t: tAlarms } = useTranslation('alarms');
  const { device, busy, run } = props;
  const values = DEVICE_PROFILES[props.type].measuredValues;
  const set = (value: MeasuredValue, reading: number) => deviceCommand(() => bridge.setMeasurement({ value, reading }));
  const bringBack = async (): Promise<BridgeError | null> => {
    for (const value of values) {
      const failure = await set(value, device.ranges[value].setPoint)();
      if (failure) return failure;
    }
    return null;
  };
  return (
    <div className="demo__section">
      {values.map((value) => {
        const range = device.ranges[value];
        return (
          <div key={value} className="demo__measurement">
            <span className="demo__measurement-value">
              {tAlarms(`measurement.${value}`)} <strong>{formatMeasurement(value, device.measurements) ?? '—'}</strong> {MEASUREMENT_UNITS[value]}
            </span>
            <div className="demo__pair">
              <button type="button" className="button" disabled={busy} onClick={() => void run(set(value, range.upper + range.excursion))}>
                {t(`measurements.above.${value}`)}
              </button>
              <button type="button" className="button" disabled={busy} onClick={() => void run(set(value, range.lower - range.excursion))}>
                {t(`measurements.below.${value}`)}
              </button>
            </div>
          </div>
        );
      })}
      <button type="button" className="button demo__wide" disabled={busy} onClick={() => void run(bringBack)}>
        {t('measurements.normal')}
      </button>
    </div>
  );
}

function ScenarioControls(props: ControlProps) {
  const { t } = useTranslation('demo');
  const scenario = useDeviceStore((state) => state.scenario);
  const open = useNavigationStore((state) => state.open);
  const { busy, run } = props;
  const command = (request: () => Promise<ScenarioStatus>) => () => useDeviceStore.getState().scenarioCommand(request);
  const running = scenario?.running === true;
  return (
    <div className="demo__section">
      <p className="demo__intro">{t('scenario.intro')}</p>
      <div className={`demo__status${running ? ' demo__status--running' : ''}`} role="status">
        <strong>{running ? t('scenario.running') : t('scenario.stopped')}</strong>
        {scenario ? (
          <span className="demo__details">
            {t('scenario.stepSeconds', { count: scenario.stepSeconds })}
            {scenario.lastStep ? ` · ${t('scenario.lastStep', { step: t(`scenario.steps.${scenario.lastStep}`) })}` : ''}
            {scenario.nextStepAt !== null ? ` · ${t('scenario.nextStep', { time: clockTime(scenario.nextStepAt) })}` : ''}
            {scenario.rounds > 0 ? ` · ${t('scenario.rounds', { count: scenario.rounds })}` : ''}
          </span>
        ) : null}
      </div>
      <div className="demo__pair">
        <button type="button" className="button button--primary" disabled={busy || running} onClick={() => void run(command(() => bridge.startScenario({})))}>
          {t('scenario.start')}
        </button>
        <button type="button" className="button" disabled={busy || !running} onClick={() => void run(command(() => bridge.stopScenario({})))}>
          {t('scenario.stop')}
        </button>
      </div>
      <button type="button" className="button demo__wide" onClick={() => open(['demo-inbox'])}>
        {t('openInbox')}
      </button>
    </div>
  );
}
