import { useId } from 'react';

export interface Choice<Value extends string | boolean> {
  value: Value;
  label: string;
}

/**
 * Renders a labelled row of mutually exclusive choices, such as Actif / Inactif: a radio group named after its label,
 * each choice a touch-sized radio button.
 */
export function ChoiceGroup<Value extends string | boolean>(props: {
  label: string;
  help?: string;
  value: Value;
  choices: Choice<Value>[];
  disabled?: boolean;
  onChange(value: Value): void;
}) {
  const labelId = useId();
  const helpId = useId();
  return (
    <div className="setting-row">
      <div className="setting-row__text">
        <span id={labelId} className="setting-row__label">
          {props.label}
        </span>
        {props.help ? (
          <span id={helpId} className="setting-row__help">
            {props.help}
          </span>
        ) : null}
      </div>
      <div
        role="radiogroup"
        aria-labelledby={labelId}
        aria-describedby={props.help ? helpId : undefined}
        className="choice-group"
      >
        {props.choices.map((choice) => (
          <button
            key={String(choice.value)}
            type="button"
            role="radio"
            aria-checked={choice.value === props.value}
            disabled={props.disabled}
            className={`choice-group__choice${choice.value === props.value ? ' choice-group__choice--selected' : ''}`}
            onClick={() => {
              if (choice.value !== props.value) props.onChange(choice.value);
            }}
          >
            {choice.label}
          </button>
        ))}
      </div>
    </div>
  );
}
