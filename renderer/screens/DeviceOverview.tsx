import { useTranslation } from 'react-i18next';
import { formatMeasurement } from '../../shared/alarm-email';
import { DEVICE_PROFILES } from '../../shared/alarms';
import type { DeviceStateView } from '../../shared/device-contract';
import type { MeasuredValue } from '../../shared/device-state';
import { useDeviceStore } from '../stores/device-store';
import { useNavigationStore } from '../stores/navigation-store';
import { useSettingsStore } from '../stores/settings-store';
import { useAlarmText } from './alarm-text';

/** Units of the measured values; the same in every language. */
export const MEASUREMENT_UNITS: Record<MeasuredValue, string> = {
  ph: 'pH',
  redox: 'mV',
  chlorine: 'mg/l',
  temperature: '°C',
};

/**
 * Measurements, flow and alarms of the home view. Each value the device type measures gets a
 * tile: pH with 2 decimals, redox in mV, free chlorine in mg/l, T1 in °C with 1 decimal. A tile
 * turns red while its value is beyond a limit. The flow signal and the alarms that are on follow.
 */
export function DeviceOverview() {
  const { t } = useTranslation();
  const device = useDeviceStore((state) => state.device);
  const type = useSettingsStore((state) => state.settings?.device.type);

  if (!device || !type) {
    return (
      <section className="home__panel" aria-label={t('home.measurements')}>
        <h2 className="home__heading">{t('home.measurements')}</h2>
        <p className="home__empty">{t('home.noMeasurement')}</p>
      </section>
    );
  }
  return (
    <div className="overview">
      <section className="overview__measurements" aria-label={t('home.measurements')}>
        {DEVICE_PROFILES[type].measuredValues.map((value) => (
          <MeasurementTile key={value} value={value} device={device} />
        ))}
      </section>
      <div className="overview__lower">
        <FlowPanel flow={device.flow} />
        <AlarmPanel device={device} />
      </div>
    </div>
  );
}

function MeasurementTile({ value, device }: { value: MeasuredValue; device: DeviceStateView }) {
  const { t } = useTranslation('alarms');
  const shown = formatMeasurement(value, device.measurements);
  const beyondLimit = device.queue.some(
    (entry) => entry.conditionPresent && (entry.alarm.kind === 'upper' || entry.alarm.kind === 'lower') && entry.alarm.value === value,
  );
  const label = t(`measurement.${value}`);
  return (
    <div className={`measurement${beyondLimit ? ' measurement--alarm' : ''}`} role="group" aria-label={label}>
      <span className="measurement__label">{label}</span>
      <span className="measurement__value">
        {shown ?? '—'}
        <span className="measurement__unit">{MEASUREMENT_UNITS[value]}</span>
      </span>
    </div>
  );
}

function FlowPanel({ flow }: { flow: boolean }) {
  const { t } = useTranslation();
  return (
    <section className={`overview__panel overview__flow${flow ? '' : ' overview__flow--missing'}`} aria-label={t('home.flow')}>
      <h2 className="home__heading">{t('home.flow')}</h2>
      <p className="overview__flow-state" role="status">
        <span className="overview__flow-mark" aria-hidden="true">
          {flow ? '●' : '○'}
        </span>
        {flow ? t('home.flowPresent') : t('home.flowMissing')}
      </p>
    </section>
  );
}

function AlarmPanel({ device }: { device: DeviceStateView }) {
  const { t } = useTranslation();
  const text = useAlarmText();
  const open = useNavigationStore((state) => state.open);
  const alarmsOn = device.queue.filter((entry) => entry.status !== 'endedUnacknowledged');
  return (
    <section className={`overview__panel overview__alarms${alarmsOn.length > 0 ? ' overview__alarms--on' : ''}`} aria-label={t('home.activeAlarms')}>
      <div className="overview__alarms-head">
        <h2 className="home__heading">
          {t('home.activeAlarms')}
          {alarmsOn.length > 0 ? <span className="overview__count">{alarmsOn.length}</span> : null}
        </h2>
        <button type="button" className="button overview__open" onClick={() => open(['alarms'])}>
          {t('menu.alarmOverview')}
        </button>
      </div>
      {alarmsOn.length === 0 ? (
        <p className="home__empty">{t('home.noAlarm')}</p>
      ) : (
        <ul className="overview__alarm-list">
          {alarmsOn.map((entry) => (
            <li key={entry.key} className="overview__alarm">
              {text.designation(entry.alarm)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
