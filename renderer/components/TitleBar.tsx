import { useTranslation } from 'react-i18next';
import { useNavigationStore } from '../stores/navigation-store';

/** Screen title with Back and Home, on every screen but the home view. */
export function TitleBar({ title }: { title: string }) {
  const { t } = useTranslation();
  const back = useNavigationStore((state) => state.back);
  const home = useNavigationStore((state) => state.home);
  return (
    <header className="title-bar">
      <button type="button" className="title-bar__button" onClick={back}>
        <span aria-hidden="true" className="title-bar__icon">‹</span>
        {t('titleBar.back')}
      </button>
      <h1 className="title-bar__title">{title}</h1>
      <button type="button" className="title-bar__button" onClick={home}>
        <span aria-hidden="true" className="title-bar__icon">⌂</span>
        {t('titleBar.home')}
      </button>
    </header>
  );
}
