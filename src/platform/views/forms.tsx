import type { ComponentChildren } from 'preact';
import type { Locale } from '../i18n.ts';
import type { FieldError } from '../validation.ts';

const summaryTitle: Record<Locale, string> = {
  nl: 'Er ging iets mis. Verbeter dit:',
  en: 'There is a problem. Please correct this:',
};

/** Lists every error at the top with a link to its field (the NL Design System error summary pattern). */
export function ErrorSummary({ errors, locale }: { errors: FieldError[]; locale: Locale }) {
  if (errors.length === 0) return null;
  return (
    <div class="meedoen-error-summary" role="alert" aria-labelledby="fouten-titel" tabIndex={-1}>
      <h2 id="fouten-titel" class="utrecht-heading-2">
        {summaryTitle[locale]}
      </h2>
      <ul class="utrecht-unordered-list">
        {errors.map((error) => (
          <li key={error.field}>
            <a class="utrecht-link" href={`#${error.field}`}>
              {error.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The ids of a field's hint and error, for aria-describedby; undefined when it has neither. */
function describedByIds(
  id: string,
  hint: string | undefined,
  error: FieldError | undefined,
): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

/** A field's hint and error message, each with the id that describedByIds points at. */
function HintAndError({ id, hint, error }: { id: string; hint?: string; error?: FieldError }) {
  return (
    <>
      {hint && (
        <span class="meedoen-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span class="meedoen-field-error utrecht-form-field-error-message" id={`${id}-error`}>
          {error.message}
        </span>
      )}
    </>
  );
}

type FieldProps = {
  id: string;
  label: string;
  hint?: string;
  error?: FieldError;
  /** On a page that asks one question, the label is the page's heading. */
  labelAsHeading?: boolean;
  children: (describedBy: string | undefined, invalid: boolean) => ComponentChildren;
};

/** A labelled field whose hint and error are tied to the input for screen readers. */
export function FormField({ id, label, hint, error, labelAsHeading, children }: FieldProps) {
  const describedBy = describedByIds(id, hint, error);
  return (
    <div class={`utrecht-form-field${error ? ' utrecht-form-field--invalid' : ''}`}>
      {labelAsHeading ? (
        <h1 class="utrecht-heading-1">
          <label class="utrecht-form-label meedoen-question-label" for={id}>
            {label}
          </label>
        </h1>
      ) : (
        <label class="utrecht-form-label" for={id}>
          {label}
        </label>
      )}
      <HintAndError id={id} hint={hint} error={error} />
      {children(describedBy, Boolean(error))}
    </div>
  );
}

export function errorTitlePrefix(errors: FieldError[], locale: Locale): string {
  if (errors.length === 0) return '';
  return locale === 'nl' ? 'Fout: ' : 'Error: ';
}

type RadioOption = { value: string; label: string; hint?: string };

/** One question with choices; the question is the page's heading, as the legend of its fieldset. */
export function RadioQuestion(props: {
  name: string;
  question: string;
  hint?: string;
  options: RadioOption[];
  value?: string;
  error?: FieldError;
  /** 1 when the question is the page (one question per page); 2 inside a longer form. */
  headingLevel?: 1 | 2;
}) {
  const { name, question, hint, options, value, error, headingLevel = 1 } = props;
  const describedBy = describedByIds(name, hint, error);
  return (
    <fieldset
      class={`utrecht-form-fieldset meedoen-choices${error ? ' utrecht-form-fieldset--invalid' : ''}`}
      aria-describedby={describedBy}
      id={name}
    >
      <legend>
        {headingLevel === 1 ? (
          <h1 class="utrecht-heading-1">{question}</h1>
        ) : (
          <h2 class="utrecht-heading-2 meedoen-legend-heading">{question}</h2>
        )}
      </legend>
      <HintAndError id={name} hint={hint} error={error} />
      {options.map((option, index) => (
        <label key={option.value} for={index === 0 ? `${name}-first` : `${name}-${option.value}`}>
          <input
            class="utrecht-radio-button utrecht-radio-button--html-input"
            type="radio"
            id={index === 0 ? `${name}-first` : `${name}-${option.value}`}
            name={name}
            value={option.value}
            checked={option.value === value}
          />
          <span>
            {option.label}
            {option.hint && <span class="meedoen-hint">{option.hint}</span>}
          </span>
        </label>
      ))}
    </fieldset>
  );
}

type TextInputProps = {
  id: string;
  type?: 'text' | 'email' | 'password' | 'date';
  autocomplete?: string;
  value?: string;
  inputMode?: 'numeric' | 'decimal';
  spellcheck?: boolean;
};

/** A text box for FormField: `<FormField …>{textInput({ id: 'email', type: 'email' })}</FormField>`. */
export function textInput({
  id,
  type = 'text',
  autocomplete = 'off',
  value,
  inputMode,
  spellcheck,
}: TextInputProps) {
  return (describedBy: string | undefined, invalid: boolean) => (
    <input
      class="utrecht-textbox utrecht-textbox--html-input"
      id={id}
      name={id}
      type={type as 'text'}
      autocomplete={autocomplete}
      inputMode={inputMode}
      spellcheck={spellcheck}
      value={value ?? ''}
      aria-describedby={describedBy}
      aria-invalid={invalid ? 'true' : undefined}
    />
  );
}
