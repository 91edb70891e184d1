'use client';

import { useEffect, useRef, type ReactNode, type RefObject } from 'react';
import type { FormState } from '@/lib/forms/field-errors';

/**
 * The pieces of a server-action form, shared by the account pages and the admin and keyword
 * editors. Texts arrive resolved from the server page, so no message catalogue ships to the
 * browser.
 */
export interface FormMessages {
  errorSummary: string;
  /** Keyed by the feature's error keys; must have "invalid". */
  errors: Record<string, string>;
  /** Keyed by the feature's success keys. */
  success: Record<string, string>;
}

export const fieldId = (formId: string, name: string) => `${formId}-${name}`;

/** Focuses the summary after a refused submission, so keyboard and screen reader users land on it. */
export function useFocusOnError(state: FormState): RefObject<HTMLDivElement | null> {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status === 'error') ref.current?.focus();
  }, [state]);
  return ref;
}

export function errorText(state: FormState, messages: FormMessages, name: string): string | undefined {
  const key = state.status === 'error' ? state.fieldErrors?.[name] : undefined;
  return key ? (messages.errors[key] ?? messages.errors.invalid) : undefined;
}

/**
 * The list of what to fix, at the top of the form. Each field's entry links to it; without
 * JavaScript the link still jumps there. `labels` names the form's fields.
 */
export function ErrorSummary({
  formId,
  state,
  labels,
  messages,
  summaryRef,
}: {
  formId: string;
  state: FormState;
  labels: Record<string, string>;
  messages: FormMessages;
  summaryRef: RefObject<HTMLDivElement | null>;
}) {
  if (state.status !== 'error') return null;
  const fieldErrors = Object.entries(state.fieldErrors ?? {}).filter(([name]) => name in labels);
  const titleId = `${formId}-error-summary`;
  return (
    <div className="error-summary" ref={summaryRef} tabIndex={-1} role="group" aria-labelledby={titleId}>
      <p id={titleId} className="error-summary__title">
        {messages.errorSummary}
      </p>
      <ul className="error-summary__list">
        {state.formError || fieldErrors.length === 0 ? <li>{messages.errors[state.formError ?? 'invalid'] ?? messages.errors.invalid}</li> : null}
        {fieldErrors.map(([name, key]) => (
          <li key={name}>
            <a
              href={`#${fieldId(formId, name)}`}
              onClick={(event) => {
                // Jumping to an anchor scrolls; focusing the field also lets the person type at once.
                const target = document.getElementById(fieldId(formId, name));
                if (target) {
                  event.preventDefault();
                  target.focus();
                }
              }}
            >
              {labels[name]}: {messages.errors[key] ?? messages.errors.invalid}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function SuccessMessage({ state, messages }: { state: FormState; messages: FormMessages }) {
  if (state.status !== 'success' || !state.success) return null;
  return (
    <p className="form-success" role="status">
      {messages.success[state.success]}
    </p>
  );
}

export interface ControlProps {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

/** Label, hint, error and control, with the hint and error tied to the control for assistive tech. */
export function Field({
  formId,
  name,
  label,
  hint,
  error,
  children,
}: {
  formId: string;
  name: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  children: (props: ControlProps) => ReactNode;
}) {
  const id = fieldId(formId, name);
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="form-field">
      <label htmlFor={id}>{label}</label>
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
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy || undefined })}
    </div>
  );
}
