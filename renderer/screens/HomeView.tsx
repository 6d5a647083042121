import { useTranslation } from 'react-i18next';
import { useNavigationStore } from '../stores/navigation-store';
import { DeviceOverview } from './DeviceOverview';

/** "Vue Accueil": current measurements, flow state, active alarms and the main menu button. */
export function HomeView() {
  const { t } = useTranslation();
  const open = useNavigationStore((state) => state.open);
  return (
    <div className="home">
      <DeviceOverview />
      <button type="button" className="button button--primary home__menu" onClick={() => open([])}>
        {t('home.openMenu')}
      </button>
    </div>
  );
}
