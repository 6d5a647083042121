import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { resolveMenuPath } from '../shared/menu';
import { NoticeBanner } from './components/NoticeBanner';
import { StatusBar } from './components/StatusBar';
import { TitleBar } from './components/TitleBar';
import { HomeView } from './screens/HomeView';
import { MenuScreen } from './screens/MenuScreen';
import { SCREENS } from './screens/registry';
import { useNavigationStore } from './stores/navigation-store';
import { subscribeToSettingsEvents, useSettingsStore } from './stores/settings-store';

export function App() {
  const { t } = useTranslation();
  const path = useNavigationStore((state) => state.path);
  const loaded = useSettingsStore((state) => state.settings !== null);
  const loadError = useSettingsStore((state) => state.loadError);

  useEffect(() => {
    void useSettingsStore.getState().load();
    return subscribeToSettingsEvents();
  }, []);

  const trail = path === null ? null : resolveMenuPath(path);
  const node = trail?.at(-1);
  const Screen = node?.screen ? SCREENS[node.screen] : undefined;

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
