import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { resolveMenuPath } from '../shared/menu';
import { AccessGate } from './components/AccessGate';
import { NoticeBanner } from './components/NoticeBanner';
import { StatusBar } from './components/StatusBar';
import { TitleBar } from './components/TitleBar';
import { HomeView } from './screens/HomeView';
import { MenuScreen } from './screens/MenuScreen';
import { SCREENS } from './screens/registry';
import { isAccessOpen, useAccessStore, watchAccessInactivity } from './stores/access-store';
import { subscribeToDeviceEvents } from './stores/device-store';
import { useNavigationStore } from './stores/navigation-store';
import { subscribeToSettingsEvents, useSettingsStore } from './stores/settings-store';

export function App() {
  const { t } = useTranslation();
  const path = useNavigationStore((state) => state.path);
  const loaded = useSettingsStore((state) => state.settings !== null);
  const loadError = useSettingsStore((state) => state.loadError);
  const accessRequired = useSettingsStore((state) => state.accessRequired);
  const accessOpen = useAccessStore((state) => isAccessOpen(state.openUntil));
  const open = useNavigationStore((state) => state.open);

  useEffect(() => {
    void useSettingsStore.getState().load();
    const stopWatching = watchAccessInactivity();
    const unsubscribe = subscribeToSettingsEvents();
    const unsubscribeDevice = subscribeToDeviceEvents();
    return () => {
      stopWatching();
      unsubscribe();
      unsubscribeDevice();
    };
  }, []);

  const trail = path === null ? null : resolveMenuPath(path);
  const node = trail?.at(-1);
  const Screen = node?.screen ? SCREENS[node.screen] : undefined;
  const protectedIndex = trail?.findIndex((candidate) => candidate.requiresAccess) ?? -1;
  const needsAccessCode = protectedIndex > 0 && !accessOpen;

  if (accessRequired) {
    return (
      <div className="kiosk">
        <header className="title-bar title-bar--home">
          <h1 className="title-bar__title">{t('access.title')}</h1>
        </header>
        <main className="kiosk__content">
          <AccessGate remote onGranted={() => void useSettingsStore.getState().load()} />
        </main>
      </div>
    );
  }

  return (
    <div className="kiosk">
      {node ? <TitleBar title={t(node.labelKey)} /> : <header className="title-bar title-bar--home"><h1 className="title-bar__title">{t('home.title')}</h1></header>}
      <NoticeBanner />
      <main className="kiosk__content">
        {loadError ? (
          <p role="alert" className="field-error">
            {t('errors.loadFailed', { message: loadError })}
          </p>
        ) : !loaded ? null : !node || path === null ? (
          <HomeView />
        ) : needsAccessCode ? (
          <AccessGate onCancel={() => open(path.slice(0, protectedIndex - 1), { replace: true })} />
        ) : node.children ? (
          <MenuScreen node={node} path={path} />
        ) : Screen ? (
          <Screen />
        ) : null}
      </main>
      <StatusBar />
    </div>
  );
}
