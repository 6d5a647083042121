import { useId, type ReactNode } from 'react';

/**
 * A setting shown as label and value that opens the keyboard dialog when touched. The button's
 * accessible name is the label alone; the value and the notes below it are its description.
 */
export function EditableRow(props: {
  label: string;
  value: string;
  /** Shows the value dimmed, for placeholders such as "(vide)". */
  empty?: boolean;
  /** Extra lines under the value, such as the address that will be used. */
  notes?: ReactNode;
  disabled?: boolean;
  onEdit(): void;
}) {
  const labelId = useId();
  const descriptionId = useId();
  return (
    <button
      type="button"
      className="setting-row editable-row"
      aria-labelledby={labelId}
      aria-describedby={descriptionId}
      disabled={props.disabled}
      onClick={props.onEdit}
    >
      <span className="setting-row__text">
        <span id={labelId} className="setting-row__label">
          {props.label}
        </span>
        <span id={descriptionId} className="editable-row__description">
          <span className={`editable-row__value${props.empty ? ' editable-row__value--empty' : ''}`}>{props.value}</span>
          {props.notes}
        </span>
      </span>
    </button>
  );
}
