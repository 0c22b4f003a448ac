import type { FieldError } from '../validation.ts';

/** A multi-line text box for FormField, like textInput. */
export function textArea({ id, value, rows = 5 }: { id: string; value?: string; rows?: number }) {
  return (describedBy: string | undefined, invalid: boolean) => (
    <textarea
      class="utrecht-textarea meedoen-textarea"
      id={id}
      name={id}
      rows={rows}
      aria-describedby={describedBy}
      aria-invalid={invalid ? 'true' : undefined}
    >
      {value ?? ''}
    </textarea>
  );
}

/** A drop-down for FormField; the first option is the empty "choose" line unless `required` is false. */
export function selectBox({
  id,
  value,
  options,
  empty,
}: {
  id: string;
  value?: string;
  options: { value: string; label: string }[];
  empty?: string;
}) {
  return (describedBy: string | undefined, invalid: boolean) => (
    <select
      class="utrecht-select utrecht-select--html-select"
      id={id}
      name={id}
      aria-describedby={describedBy}
      aria-invalid={invalid ? 'true' : undefined}
    >
      {empty !== undefined && <option value="">{empty}</option>}
      {options.map((option) => (
        <option key={option.value} value={option.value} selected={option.value === value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}

/**
 * Several choices that may all be ticked, as a fieldset whose legend is the question. The first box carries
 * the group's id, so the error summary's link lands on something that takes focus.
 */
export function CheckboxGroup(props: {
  name: string;
  question: string;
  hint?: string;
  options: { value: string; label: string }[];
  values: string[];
  error?: FieldError;
  headingLevel?: 1 | 2;
}) {
  const { name, question, hint, options, values, error, headingLevel = 2 } = props;
  const described = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(' ');
  return (
    <fieldset
      class={`utrecht-form-fieldset meedoen-choices${error ? ' utrecht-form-fieldset--invalid' : ''}`}
      aria-describedby={described || undefined}
    >
      <legend>
        {headingLevel === 1 ? (
          <h1 class="utrecht-heading-1">{question}</h1>
        ) : (
          <h2 class="utrecht-heading-2 meedoen-legend-heading">{question}</h2>
        )}
      </legend>
      {hint && (
        <span class="meedoen-hint" id={`${name}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span class="meedoen-field-error utrecht-form-field-error-message" id={`${name}-error`}>
          {error.message}
        </span>
      )}
      {options.map((option, index) => {
        const id = index === 0 ? name : `${name}-${option.value}`;
        return (
          <label key={option.value} for={id}>
            <input
              class="utrecht-checkbox utrecht-checkbox--html-input"
              type="checkbox"
              id={id}
              name={name}
              value={option.value}
              checked={values.includes(option.value)}
            />
            <span>{option.label}</span>
          </label>
        );
      })}
    </fieldset>
  );
}

/** Form bodies give a string for one value and an array for several; this always gives the list. */
export function formList(body: unknown, name: string): string[] {
  const value = (body as Record<string, unknown> | null | undefined)?.[name];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' ? [value] : [];
}

/** The form's single-valued fields as strings (a repeated field keeps its first value). */
export function formFields(body: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    if (typeof value === 'string') fields[key] = value;
    else if (Array.isArray(value) && typeof value[0] === 'string') fields[key] = value[0];
  }
  return fields;
}
