'use client';

import { useActionState, type ReactNode } from 'react';
import { ErrorSummary, errorText, Field, fieldId, useFocusOnError, type FormMessages } from '@/components/forms/form-parts';
import { IDLE } from '@/lib/forms/field-errors';
import type { IssueFormState } from '@/lib/workshop/issue-forms';

interface Option {
  value: string;
  label: string;
  /** Said under the option (what a visibility means). */
  hint?: string;
}

/** One control of a form on the issue page; every label arrives worded from the server. */
export type ControlSpec =
  | { kind: 'textarea'; name: string; label: string; hint?: string; rows?: number; maxLength: number; initial?: string }
  | { kind: 'text'; name: string; label: string; hint?: string; maxLength: number; initial?: string; numeric?: boolean }
  | { kind: 'date'; name: string; label: string; hint?: string; initial?: string }
  | { kind: 'select'; name: string; label: string; hint?: string; options: Option[]; initial?: string }
  | { kind: 'radios'; name: string; legend: string; hint?: string; options: Option[]; initial?: string }
  | { kind: 'checkboxes'; name: string; legend: string; hint?: string; groups: { legend?: string; options: Option[] }[]; initial: string[] }
  | { kind: 'confirm'; name: string; label: string; hint?: string };

interface IssueActionFormProps {
  /** Unique on the page: prefixes the ids of the fields. */
  id: string;
  action: (state: IssueFormState, formData: FormData) => Promise<IssueFormState>;
  hidden: Record<string, string>;
  controls: ControlSpec[];
  messages: FormMessages;
  submit: string;
  submitClassName?: string;
  /** Said above the fields (what the move does). */
  intro?: ReactNode;
}

const labelOf = (control: ControlSpec) => ('legend' in control ? control.legend : control.label);

/**
 * A form of the issue page: what to write or choose, and one button. Refused, it shows what
 * went wrong at each field and keeps what was typed; done, the server sends the page back with
 * ?klart=. Works without JavaScript, where the server renders the returned state.
 */
export function IssueActionForm({ id, action, hidden, controls, messages, submit, submitClassName = 'button', intro }: IssueActionFormProps) {
  const [state, formAction, pending] = useActionState(action, IDLE as IssueFormState);
  const summaryRef = useFocusOnError(state);
  const labels = Object.fromEntries(controls.map((c) => [c.name, labelOf(c)]));
  const typed = (name: string) => (state.status === 'error' ? state.values?.[name] : undefined);
  const value = (name: string, initial: string | undefined) => {
    const v = typed(name);
    return typeof v === 'string' ? v : (initial ?? '');
  };

  return (
    <form action={formAction} className="form issue-form" id={id} noValidate>
      {Object.entries(hidden).map(([name, v]) => (
        <input key={name} type="hidden" name={name} value={v} />
      ))}
      <ErrorSummary formId={id} state={state} labels={labels} messages={messages} summaryRef={summaryRef} />
      {intro}
      {controls.map((control) => {
        const error = errorText(state, messages, control.name);
        switch (control.kind) {
          case 'textarea':
            return (
              <Field key={control.name} formId={id} name={control.name} label={control.label} hint={control.hint} error={error}>
                {(props) => <textarea {...props} name={control.name} rows={control.rows ?? 4} maxLength={control.maxLength} defaultValue={value(control.name, control.initial)} />}
              </Field>
            );
          case 'text':
            return (
              <Field key={control.name} formId={id} name={control.name} label={control.label} hint={control.hint} error={error}>
                {(props) => (
                  <input
                    {...props}
                    name={control.name}
                    type="text"
                    autoComplete="off"
                    maxLength={control.maxLength}
                    inputMode={control.numeric ? 'numeric' : undefined}
                    defaultValue={value(control.name, control.initial)}
                  />
                )}
              </Field>
            );
          case 'date':
            return (
              <Field key={control.name} formId={id} name={control.name} label={control.label} hint={control.hint} error={error}>
                {(props) => <input {...props} name={control.name} type="date" defaultValue={value(control.name, control.initial)} />}
              </Field>
            );
          case 'select':
            return (
              <Field key={control.name} formId={id} name={control.name} label={control.label} hint={control.hint} error={error}>
                {(props) => (
                  <select {...props} name={control.name} defaultValue={value(control.name, control.initial)}>
                    {control.options.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            );
          case 'radios':
            return (
              <ChoiceGroup key={control.name} formId={id} name={control.name} legend={control.legend} hint={control.hint} error={error}>
                {control.options.map((o, index) => (
                  <Choice key={o.value} formId={id} name={control.name} index={index} type="radio" option={o} checked={value(control.name, control.initial) === o.value} />
                ))}
              </ChoiceGroup>
            );
          case 'checkboxes': {
            const v = typed(control.name);
            const chosen = Array.isArray(v) ? v : control.initial;
            let index = 0;
            return (
              <ChoiceGroup key={control.name} formId={id} name={control.name} legend={control.legend} hint={control.hint} error={error}>
                {control.groups.map((group, g) => {
                  const boxes = group.options.map((o) => (
                    <Choice key={o.value} formId={id} name={control.name} index={index++} type="checkbox" option={o} checked={chosen.includes(o.value)} />
                  ));
                  return group.legend ? (
                    <fieldset key={g} className="issue-choices issue-choices--nested">
                      <legend>{group.legend}</legend>
                      {boxes}
                    </fieldset>
                  ) : (
                    boxes
                  );
                })}
              </ChoiceGroup>
            );
          }
          case 'confirm': {
            const boxId = fieldId(id, control.name);
            const described = [control.hint ? `${boxId}-hint` : '', error ? `${boxId}-error` : ''].filter(Boolean).join(' ');
            return (
              <div key={control.name} className="form-field issue-confirm">
                {error ? (
                  <p id={`${boxId}-error`} className="field-error">
                    {error}
                  </p>
                ) : null}
                <label className="issue-choice" htmlFor={boxId}>
                  <input id={boxId} type="checkbox" name={control.name} aria-invalid={error ? true : undefined} aria-describedby={described || undefined} />
                  <span>{control.label}</span>
                </label>
                {control.hint ? (
                  <p id={`${boxId}-hint`} className="form-hint">
                    {control.hint}
                  </p>
                ) : null}
              </div>
            );
          }
        }
      })}
      <div>
        <button type="submit" className={submitClassName} disabled={pending}>
          {submit}
        </button>
      </div>
    </form>
  );
}

/** A group of radio buttons or checkboxes: a fieldset named by its legend, with its hint and error. */
export function ChoiceGroup({ formId, name, legend, hint, error, children }: { formId: string; name: string; legend: string; hint?: string; error?: string; children: ReactNode }) {
  const base = fieldId(formId, name);
  const described = [hint ? `${base}-hint` : '', error ? `${base}-error` : ''].filter(Boolean).join(' ');
  return (
    <fieldset className="issue-choices" aria-describedby={described || undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <p id={`${base}-hint`} className="form-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${base}-error`} className="field-error">
          {error}
        </p>
      ) : null}
      {children}
    </fieldset>
  );
}

/**
 * One radio button or checkbox. The first of a group carries the group's field id, so the error
 * summary's link lands on it.
 */
export function Choice({
  formId,
  name,
  index,
  type,
  option,
  checked,
  invalid,
  onChange,
}: {
  formId: string;
  name: string;
  index: number;
  type: 'radio' | 'checkbox';
  option: Option;
  checked: boolean;
  invalid?: boolean;
  onChange?: (value: string) => void;
}) {
  const id = index === 0 ? fieldId(formId, name) : `${fieldId(formId, name)}-${index}`;
  return (
    <div className="issue-choice-row">
      <label className="issue-choice" htmlFor={id}>
        <input
          id={id}
          type={type}
          name={name}
          value={option.value}
          defaultChecked={checked}
          aria-invalid={invalid ? true : undefined}
          aria-describedby={option.hint ? `${id}-hint` : undefined}
          onChange={onChange ? () => onChange(option.value) : undefined}
        />
        <span>{option.label}</span>
      </label>
      {option.hint ? (
        <p id={`${id}-hint`} className="form-hint issue-choice__hint">
          {option.hint}
        </p>
      ) : null}
    </div>
  );
}
