import { useTranslation } from 'react-i18next';

/** Measurements, flow and alarms of the home view; filled by the simulated device once it is connected. */
export function DeviceOverview() {
  const { t } = useTranslation();
  return (
    <section className="home__panel" aria-label={t('home.measurements')}>
      <h2 className="home__heading">{t('home.measurements')}</h2>
      <p className="home__empty">{t('home.noMeasurement')}</p>
    </section>
  );
}
