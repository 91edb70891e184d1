'use client';

import { useActionState } from 'react';
import { ErrorSummary, Field, fieldId, errorText, useFocusOnError, type FormMessages } from '@/components/forms/form-parts';
import { CategoryIcon } from '@/components/icons/category-icon';
import { IDLE, type FormState } from '@/lib/forms/field-errors';

/**
 * One form of the directory's admin pages (organisations, locations, categories, attributes,
 * municipalities, target groups), described by its fields. Posts to a server action and works
 * without JavaScript (the server renders the returned state); with JavaScript, focus moves to
 * the error summary. Each error sits at its field and is tied to it with aria-describedby; a
 * refused form keeps what was typed. Texts arrive resolved from the server page.
 */
export interface FieldSpec {
  name: string;
  label: string;
  hint?: string;
  kind: 'text' | 'textarea' | 'email' | 'url' | 'tel' | 'select' | 'checkbox' | 'icon';
  options?: { value: string; label: string }[];
  /** The language of what is typed (translations), so screen readers and the layout read it right. */
  lang?: string;
  maxLength?: number;
  required?: boolean;
  inputMode?: 'numeric' | 'decimal';
  autoComplete?: string;
}

export interface FormSection {
  legend?: string;
  fields: FieldSpec[];
}

interface DirectoryFormProps<K extends string, S extends string> {
  id: string;
  action: (state: FormState<K, S>, formData: FormData) => Promise<FormState<K, S>>;
  hidden: Record<string, string>;
  sections: FormSection[];
  initial: Record<string, string | boolean>;
  messages: FormMessages;
  submit: string;
  /** Label of the "no icon" choice; absent: an icon must be chosen. */
  noIcon?: string;
}

const dirOf = (lang?: string) => (lang === 'ar' ? 'rtl' : lang ? 'ltr' : undefined);

function IconChoice({ formId, spec, value, error, noIcon }: { formId: string; spec: FieldSpec; value: string; error?: string; noIcon?: string }) {
  const id = fieldId(formId, spec.name);
  const describedBy = [spec.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const choices = [...(noIcon ? [{ value: '', label: noIcon }] : []), ...(spec.options ?? [])];
  return (
    <fieldset className="form-field icon-choice" aria-describedby={describedBy}>
      <legend>{spec.label}</legend>
      {spec.hint ? (
        <p id={`${id}-hint`} className="form-hint">
          {spec.hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
      <div className="icon-choice__options">
        {choices.map((choice, index) => {
          // The first choice carries the group's id, so the error summary can move focus into the group.
          const choiceId = index === 0 ? id : `${id}-${choice.value || 'ingen'}`;
          return (
            <div key={choice.value} className="icon-choice__option">
              <input id={choiceId} type="radio" name={spec.name} value={choice.value} defaultChecked={value === choice.value} aria-invalid={error ? true : undefined} />
              <label htmlFor={choiceId}>
                {choice.value ? <CategoryIcon name={choice.value} className="icon-choice__preview" /> : null}
                <span>{choice.label}</span>
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

export function DirectoryForm<K extends string, S extends string>({ id, action, hidden, sections, initial, messages, submit, noIcon }: DirectoryFormProps<K, S>) {
  const [state, formAction, pending] = useActionState(action, IDLE as FormState<K, S>);
  const summaryRef = useFocusOnError(state);
  const refused = state.status === 'error' ? state.values : undefined;
  const labels = Object.fromEntries(sections.flatMap((s) => s.fields.map((f) => [f.name, f.label])));
  const textOf = (name: string) => {
    const echoed = refused?.[name];
    if (typeof echoed === 'string') return echoed;
    const value = initial[name];
    return typeof value === 'string' ? value : '';
  };
  const isChecked = (name: string) => (refused ? refused[name] === 'on' : initial[name] === true);

  const control = (spec: FieldSpec) => {
    const error = errorText(state, messages, spec.name);
    if (spec.kind === 'icon') return <IconChoice key={spec.name} formId={id} spec={spec} value={textOf(spec.name)} error={error} noIcon={noIcon} />;
    if (spec.kind === 'checkbox') {
      const boxId = fieldId(id, spec.name);
      return (
        <div key={spec.name} className="checkbox checkbox--single">
          <input id={boxId} type="checkbox" name={spec.name} value="on" defaultChecked={isChecked(spec.name)} aria-describedby={spec.hint ? `${boxId}-hint` : undefined} />
          <label htmlFor={boxId}>{spec.label}</label>
          {spec.hint ? (
            <p id={`${boxId}-hint`} className="form-hint">
              {spec.hint}
            </p>
          ) : null}
        </div>
      );
    }
    return (
      <Field key={spec.name} formId={id} name={spec.name} label={spec.label} hint={spec.hint} error={error}>
        {(props) =>
          spec.kind === 'textarea' ? (
            <textarea {...props} name={spec.name} rows={5} maxLength={spec.maxLength} lang={spec.lang} dir={dirOf(spec.lang)} defaultValue={textOf(spec.name)} />
          ) : spec.kind === 'select' ? (
            <select {...props} name={spec.name} defaultValue={textOf(spec.name)} required={spec.required}>
              {(spec.options ?? []).map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          ) : (
            <input
              {...props}
              name={spec.name}
              type={spec.kind}
              required={spec.required}
              maxLength={spec.maxLength}
              inputMode={spec.inputMode}
              autoComplete={spec.autoComplete ?? 'off'}
              lang={spec.lang}
              dir={dirOf(spec.lang)}
              defaultValue={textOf(spec.name)}
            />
          )
        }
      </Field>
    );
  };

  return (
    <form action={formAction} className="form directory-form" noValidate id={id}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <ErrorSummary formId={id} state={state} labels={labels} messages={messages} summaryRef={summaryRef} />
      {sections.map((section, index) =>
        section.legend ? (
          <fieldset key={index} className="form-section">
            <legend>{section.legend}</legend>
            {section.fields.map(control)}
          </fieldset>
        ) : (
          <div key={index}>{section.fields.map(control)}</div>
        ),
      )}
      <div>
        <button type="submit" className="button" disabled={pending}>
          {submit}
        </button>
      </div>
    </form>
  );
}
