import { useTranslation } from 'react-i18next';
import {
  PRESETS,
  presetChanges,
  presetServerString,
  presetsForAddress,
  type Preset,
  type PresetAccountFields,
  type PresetChange,
} from '../../shared/providers';
import type { SecurityMode } from '../../shared/settings';

const SECURITY_LABEL_KEYS: Record<SecurityMode, string> = {
  none: 'smtp.securityNone',
  ssl: 'smtp.securitySsl',
  starttls: 'smtp.securityStarttls',
};

const FIELD_LABEL_KEYS: Record<PresetChange['field'], string> = {
  server: 'smtp.server',
  security: 'smtp.security',
  userName: 'smtp.userName',
};

/** Returns a function that names a preset as listed: the brand, and the variant in brackets for a second setting. */
export function usePresetTitle(): (preset: Preset) => string {
  const { t } = useTranslation();
  return (preset) => (preset.variant ? `${preset.label} (${t(`providers:variants.${preset.variant}`)})` : preset.label);
}

/** The touch list of every provider preset, the ones matching the sender address marked. */
export function PresetList(props: { senderAddress: string; onSelect(preset: Preset): void; onClose(): void }) {
  const { t } = useTranslation();
  const title = usePresetTitle();
  const matching = new Set(presetsForAddress(props.senderAddress).map((preset) => preset.id));

  return (
    <div className="settings-list preset-view">
      <div className="preset-view__head">
        <div className="preset-view__heading">
          <h2 className="preset-view__title">{t('presets.listTitle')}</h2>
          <p className="settings-list__intro">{t('presets.listIntro')}</p>
        </div>
        <button type="button" className="button" onClick={props.onClose}>
          {t('presets.closeList')}
        </button>
      </div>
      {PRESETS.map((preset) => {
        const titleId = `preset-${preset.id}`;
        return (
          <button
            key={preset.id}
            type="button"
            className="setting-row editable-row preset-row"
            aria-labelledby={titleId}
            onClick={() => props.onSelect(preset)}
          >
            <span className="setting-row__text">
              <span id={titleId} className="setting-row__label">
                {title(preset)}
              </span>
              <span className="editable-row__value">
                {preset.support === 'incompatible'
                  ? t('providers:support.incompatible')
                  : `${presetServerString(preset)} · ${t(SECURITY_LABEL_KEYS[preset.security])}`}
              </span>
              {preset.support === 'passwordLoginDisabled' ? (
                <span className="editable-row__note editable-row__note--error">{t('providers:support.passwordLoginDisabled')}</span>
              ) : null}
            </span>
            {matching.has(preset.id) ? <span className="preset-row__badge">{t('presets.matchesSender')}</span> : null}
          </button>
        );
      })}
    </div>
  );
}

/**
 * One preset: its settings, its notes, and the values it would replace. Nothing changes until
 * "Appliquer" is touched; an incompatible preset offers nothing to apply.
 */
export function PresetDetail(props: {
  preset: Preset;
  account: PresetAccountFields;
  senderAddress: string;
  backLabel: string;
  busy: boolean;
  error: string | null;
  onApply(changes: PresetChange[]): void;
  onBack(): void;
}) {
  const { t } = useTranslation();
  const title = usePresetTitle();
  const { preset } = props;
  const changes = presetChanges(preset, props.account, props.senderAddress);
  const shown = (field: PresetChange['field'], value: string) => {
    if (value === '') return t('providers:changes.emptyValue');
    return field === 'security' ? t(SECURITY_LABEL_KEYS[value as SecurityMode]) : value;
  };

  return (
    <div className="settings-list preset-view">
      <div className="preset-view__head">
        <h2 className="preset-view__title">{title(preset)}</h2>
        <button type="button" className="button" onClick={props.onBack}>
          {props.backLabel}
        </button>
      </div>

      <div className="preset-view__panel">
        <p className="preset-view__line">
          {t('providers:support.' + preset.support)}
          {preset.support === 'incompatible' ? null : ` · ${presetServerString(preset)} · ${t(SECURITY_LABEL_KEYS[preset.security])}`}
        </p>
        <p className="preset-view__line">{t('presets.userNameForm', { form: t(`providers:userNameForms.${preset.userName}`) })}</p>
      </div>

      {preset.notes.length > 0 ? (
        <div className="preset-view__panel">
          <h3 className="preset-view__subtitle">{t('presets.notes')}</h3>
          <ul className="preset-view__notes">
            {preset.notes.map((note) => (
              <li key={note}>{t(`providers:notes.${note}`)}</li>
            ))}
          </ul>
        </div>
      ) : null}

      {preset.support === 'incompatible' ? null : changes.length === 0 ? (
        <p role="status" className="preset-view__panel">
          {t('providers:changes.none', { provider: title(preset) })}
        </p>
      ) : (
        <div className="preset-view__panel">
          <p className="preset-view__line">{t('providers:changes.confirm', { provider: title(preset) })}</p>
          <ul className="preset-view__changes">
            {changes.map((change) => (
              <li key={change.field}>
                {t('providers:changes.line', {
                  field: t(FIELD_LABEL_KEYS[change.field]),
                  from: shown(change.field, change.from),
                  to: shown(change.field, change.to),
                })}
              </li>
            ))}
          </ul>
          {props.error ? (
            <p role="alert" className="field-error">
              {props.error}
            </p>
          ) : null}
          <div className="preset-view__actions">
            <button type="button" className="button" onClick={props.onBack}>
              {t('common.cancel')}
            </button>
            <button
              type="button"
              className="button button--primary"
              disabled={props.busy}
              onClick={() => props.onApply(changes)}
            >
              {t('presets.apply')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

