import { useTranslation } from 'react-i18next';
import { useNavigationStore } from '../stores/navigation-store';

/** Screen title with Back and Home, on every screen but the home view. */
export function TitleBar({ title }: { title: string }) {
  const { t } = useTranslation();
  const back = useNavigationStore((state) => state.back);
  const home = useNavigationStore((state) => state.home);
  return (
    <header className="title-bar">
      <button type="button" className="title-bar__button title-bar__button--back" onClick={back}>
        {t('titleBar.back')}
      </button>
      <h1 className="title-bar__title">{title}</h1>
      <button type="button" className="title-bar__button title-bar__button--home" onClick={home}>
        {t('titleBar.home')}
      </button>
    </header>
  );
}
