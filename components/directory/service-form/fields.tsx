/**
 * The service form's controls: a label, a hint and the field's error tied to each control
 * (aria-describedby), ids from the field's path so the error summary can link to them.
 * No hooks: the sections render the same on the server and in the browser.
 */
import type { ReactNode } from 'react';
import type { ServiceFormOptions } from '@/lib/directory/service-editor';
import type { ServiceFormValues } from '@/lib/directory/service-input';
import type { Translate } from './translate';

export type ServiceFormMode = 'coordinator' | 'proposal';

export interface FormContext {
  formId: string;
  t: Translate;
  /** The worded error of a field path, if any. */
  errorOf: (path: string) => string | undefined;
  values: ServiceFormValues;
  options: ServiceFormOptions;
  mode: ServiceFormMode;
  /** The page's language, for language names. */
  locale: string;
}

export const controlId = (formId: string, path: string) => `${formId}-${path.replace(/\./g, '-')}`;

interface ControlBase {
  ctx: FormContext;
  /** The form field's name, which is also its error path unless `errorPath` says otherwise. */
  name: string;
  errorPath?: string;
  label: string;
  hint?: ReactNode;
  lang?: string;
}

function described(ctx: FormContext, id: string, hint: ReactNode, error: string | undefined) {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return { 'aria-describedby': ids || undefined, 'aria-invalid': error ? (true as const) : undefined };
}

function HintAndError({ id, hint, error }: { id: string; hint?: ReactNode; error?: string }) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="form-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </>
  );
}

export function TextInput({
  ctx,
  name,
  errorPath,
  label,
  hint,
  lang,
  value,
  maxLength,
  type = 'text',
  inputMode,
  autoComplete,
  required,
  className,
}: ControlBase & {
  value: string;
  maxLength?: number;
  type?: 'text' | 'email' | 'url' | 'date' | 'tel';
  inputMode?: 'numeric' | 'decimal' | 'tel' | 'email' | 'url';
  autoComplete?: string;
  required?: boolean;
  className?: string;
}) {
  const id = controlId(ctx.formId, errorPath ?? name);
  const error = ctx.errorOf(errorPath ?? name);
  return (
    <div className={`form-field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      <HintAndError id={id} hint={hint} error={error} />
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={value}
        maxLength={maxLength}
        inputMode={inputMode}
        autoComplete={autoComplete ?? 'off'}
        required={required}
        lang={lang}
        dir={lang === 'ar' ? 'rtl' : undefined}
        {...described(ctx, id, hint, error)}
      />
    </div>
  );
}

export function TextArea({ ctx, name, errorPath, label, hint, lang, value, maxLength, rows = 3, required }: ControlBase & { value: string; maxLength?: number; rows?: number; required?: boolean }) {
  const id = controlId(ctx.formId, errorPath ?? name);
  const error = ctx.errorOf(errorPath ?? name);
  return (
    <div className="form-field">
      <label htmlFor={id}>{label}</label>
      <HintAndError id={id} hint={hint} error={error} />
      <textarea
        id={id}
        name={name}
        defaultValue={value}
        maxLength={maxLength}
        rows={rows}
        required={required}
        lang={lang}
        dir={lang === 'ar' ? 'rtl' : undefined}
        {...described(ctx, id, hint, error)}
      />
    </div>
  );
}

export function Select({ ctx, name, errorPath, label, hint, value, choices, required }: ControlBase & { value: string; choices: { value: string; label: string }[]; required?: boolean }) {
  const id = controlId(ctx.formId, errorPath ?? name);
  const error = ctx.errorOf(errorPath ?? name);
  return (
    <div className="form-field">
      <label htmlFor={id}>{label}</label>
      <HintAndError id={id} hint={hint} error={error} />
      <select id={id} name={name} defaultValue={value} required={required} {...described(ctx, id, hint, error)}>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Checkbox({ ctx, name, errorPath, label, hint, checked, value = 'on', idPath }: ControlBase & { checked: boolean; value?: string; idPath?: string }) {
  const id = controlId(ctx.formId, idPath ?? errorPath ?? name);
  const error = errorPath || !idPath ? ctx.errorOf(errorPath ?? name) : undefined;
  return (
    <div className="form-field service-form__checkbox">
      <HintAndError id={id} hint={hint} error={error} />
      <label className="checkbox-label" htmlFor={id}>
        <input id={id} type="checkbox" name={name} value={value} defaultChecked={checked} {...described(ctx, id, hint, error)} /> {label}
      </label>
    </div>
  );
}

/** Checkboxes for a set of ids; the group's error is told in the legend's group, the first box carries the summary's link target. */
export function CheckboxGroup({ ctx, name, legend, hint, choices, chosen }: { ctx: FormContext; name: string; legend: string; hint?: string; choices: { value: string; label: string }[]; chosen: string[] }) {
  const groupId = controlId(ctx.formId, name);
  const error = ctx.errorOf(name);
  const describedBy = [hint ? `${groupId}-hint` : '', error ? `${groupId}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className="form-fieldset" aria-describedby={describedBy}>
      <legend>{legend}</legend>
      <HintAndError id={groupId} hint={hint} error={error} />
      <ul className="checkbox-list">
        {choices.map((c, i) => {
          const id = i === 0 ? groupId : `${groupId}-${c.value}`;
          return (
            <li key={c.value}>
              <label className="checkbox-label" htmlFor={id}>
                <input id={id} type="checkbox" name={name} value={c.value} defaultChecked={chosen.includes(c.value)} aria-invalid={error ? true : undefined} /> {c.label}
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

export function Section({ id, title, intro, children }: { id: string; title: string; intro?: string; children: ReactNode }) {
  return (
    <fieldset className="form-fieldset service-form__section" id={id}>
      <legend>
        <h2>{title}</h2>
      </legend>
      {intro ? <p className="form-hint">{intro}</p> : null}
      {children}
    </fieldset>
  );
}

/** One row of a list (a phone, a place, a period): its own group with a number in the legend. */
export function Row({ legend, children, className, id, error }: { legend: string; children: ReactNode; className?: string; id?: string; error?: string }) {
  return (
    <fieldset className={`form-fieldset service-form__row${className ? ` ${className}` : ''}`} id={id} tabIndex={id ? -1 : undefined} aria-describedby={id && error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      {id && error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
      <div className="service-form__row-fields">{children}</div>
    </fieldset>
  );
}
