'use client';

import { useActionState, useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { Role } from '@/lib/authz/actor';
import type { OrganizationKind } from '@/lib/authz/policy';
import { IDLE_FORM_STATE, type AccountFormState } from '@/lib/accounts/form-state';

/**
 * The forms of the account pages. Each posts to a server action and works without
 * JavaScript (the server renders the returned state); with JavaScript, `useActionState`
 * keeps the page and moves focus to the error summary. Texts come from the server page, so
 * no message catalogue ships to the browser.
 */
export interface FormTexts {
  errorSummary: string;
  /** Keyed by AccountErrorKey. */
  errors: Record<string, string>;
  /** Keyed by AccountSuccessKey. */
  success: Record<string, string>;
}

export interface FieldSpec {
  name: string;
  label: string;
  type: 'text' | 'email' | 'password' | 'select';
  autoComplete?: string;
  hint?: string;
  defaultValue?: string;
  required?: boolean;
  maxLength?: number;
  options?: { value: string; label: string }[];
}

type FormAction = (state: AccountFormState, formData: FormData) => Promise<AccountFormState>;

const fieldId = (formId: string, name: string) => `${formId}-${name}`;

/** Focuses the summary after a refused submission, so keyboard and screen reader users land on it. */
function useFocusOnError(state: AccountFormState): RefObject<HTMLDivElement | null> {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status === 'error') ref.current?.focus();
  }, [state]);
  return ref;
}

function ErrorSummary({
  formId,
  state,
  labels,
  texts,
  summaryRef,
}: {
  formId: string;
  state: AccountFormState;
  labels: Record<string, string>;
  texts: FormTexts;
  summaryRef: RefObject<HTMLDivElement | null>;
}) {
  if (state.status !== 'error') return null;
  const fieldErrors = Object.entries(state.fieldErrors ?? {}).filter(([name]) => name in labels);
  const titleId = `${formId}-error-summary`;
  return (
    <div className="error-summary" ref={summaryRef} tabIndex={-1} role="group" aria-labelledby={titleId}>
      <p id={titleId} className="error-summary__title">
        {texts.errorSummary}
      </p>
      <ul className="error-summary__list">
        {state.formError || fieldErrors.length === 0 ? <li>{texts.errors[state.formError ?? 'invalid']}</li> : null}
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
              {labels[name]}: {texts.errors[key] ?? texts.errors.invalid}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function SuccessMessage({ state, texts }: { state: AccountFormState; texts: FormTexts }) {
  if (state.status !== 'success' || !state.success) return null;
  return (
    <p className="form-success" role="status">
      {texts.success[state.success]}
    </p>
  );
}

/** Label, hint, error and control, with the hint and error tied to the control for assistive tech. */
function Field({
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
  hint?: string;
  error?: string;
  children: (props: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode;
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

export function AccountForm({
  id,
  action,
  fields,
  submitLabel,
  hidden = {},
  texts,
  isDanger = false,
}: {
  /** Unique on the page: prefixes the ids of the fields. */
  id: string;
  action: FormAction;
  fields: FieldSpec[];
  submitLabel: string;
  hidden?: Record<string, string>;
  texts: FormTexts;
  isDanger?: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE_FORM_STATE);
  const summaryRef = useFocusOnError(state);
  const labels = Object.fromEntries(fields.map((f) => [f.name, f.label]));
  return (
    <form action={formAction} className="form" noValidate id={id}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <ErrorSummary formId={id} state={state} labels={labels} texts={texts} summaryRef={summaryRef} />
      <SuccessMessage state={state} texts={texts} />
      {fields.map((field) => {
        const errorKey = state.status === 'error' ? state.fieldErrors?.[field.name] : undefined;
        const error = errorKey ? (texts.errors[errorKey] ?? texts.errors.invalid) : undefined;
        // Passwords are never sent back; other fields keep what was typed when a submission is refused.
        const value = field.type === 'password' ? undefined : (state.values?.[field.name] ?? field.defaultValue);
        return (
          <Field key={field.name} formId={id} name={field.name} label={field.label} hint={field.hint} error={error}>
            {(props) =>
              field.type === 'select' ? (
                <select {...props} name={field.name} defaultValue={value} required={field.required}>
                  {field.options?.map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  {...props}
                  name={field.name}
                  type={field.type}
                  autoComplete={field.autoComplete}
                  defaultValue={value}
                  required={field.required}
                  maxLength={field.maxLength}
                  // Addresses and passwords read left to right in every language.
                  dir={field.type === 'email' || field.type === 'password' ? 'ltr' : undefined}
                />
              )
            }
          </Field>
        );
      })}
      <div>
        <button type="submit" className={isDanger ? 'button button--danger' : 'button'} disabled={pending}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}

export interface InviteTargetOption {
  organizationId: string;
  organizationName: string;
  organizationKind: OrganizationKind;
  roles: Role[];
}

export interface InviteFormLabels {
  email: string;
  organization: string;
  role: string;
  roleHint: string;
  send: string;
  kinds: Record<OrganizationKind, string>;
  roles: Record<Role, string>;
}

const KIND_ORDER: OrganizationKind[] = ['ASSOCIATION', 'REGION', 'MUNICIPALITY'];
const ROLE_ORDER: Role[] = ['MEMBER', 'ASSOCIATION_ADMIN', 'OFFICIAL', 'COORDINATOR'];

/**
 * Invite someone: address, organisation, role. The role list follows the chosen organisation
 * (only roles the policy lets this person grant there). Before JavaScript runs, every role
 * offered anywhere is listed, and the server refuses a role that does not fit.
 */
export function InviteForm({
  id,
  action,
  targets,
  labels,
  texts,
  hidden = {},
}: {
  id: string;
  action: FormAction;
  targets: InviteTargetOption[];
  labels: InviteFormLabels;
  texts: FormTexts;
  hidden?: Record<string, string>;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE_FORM_STATE);
  const summaryRef = useFocusOnError(state);
  const [isHydrated, setHydrated] = useState(false);
  const [organizationId, setOrganizationId] = useState(state.values?.organizationId || targets[0]?.organizationId || '');
  useEffect(() => setHydrated(true), []);

  const selected = targets.find((t) => t.organizationId === organizationId) ?? targets[0];
  const offered = isHydrated ? (selected?.roles ?? []) : ROLE_ORDER.filter((role) => targets.some((t) => t.roles.includes(role)));
  const errorOf = (name: string) => {
    const key = state.status === 'error' ? state.fieldErrors?.[name] : undefined;
    return key ? (texts.errors[key] ?? texts.errors.invalid) : undefined;
  };
  const fieldLabels = { email: labels.email, organizationId: labels.organization, role: labels.role };

  return (
    <form action={formAction} className="form" noValidate id={id}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <ErrorSummary formId={id} state={state} labels={fieldLabels} texts={texts} summaryRef={summaryRef} />
      <SuccessMessage state={state} texts={texts} />
      <Field formId={id} name="email" label={labels.email} error={errorOf('email')}>
        {(props) => (
          // A successful invitation clears the address for the next one (the key remounts it).
          <input
            {...props}
            key={state.status === 'success' ? 'sent' : 'editing'}
            name="email"
            type="email"
            autoComplete="off"
            dir="ltr"
            required
            defaultValue={state.status === 'success' ? '' : state.values?.email}
          />
        )}
      </Field>
      <Field formId={id} name="organizationId" label={labels.organization} error={errorOf('organizationId')}>
        {(props) => (
          <select {...props} name="organizationId" value={organizationId} onChange={(event) => setOrganizationId(event.target.value)} required>
            {KIND_ORDER.map((kind) => {
              const ofKind = targets.filter((t) => t.organizationKind === kind);
              if (ofKind.length === 0) return null;
              return (
                <optgroup key={kind} label={labels.kinds[kind]}>
                  {ofKind.map((t) => (
                    <option key={t.organizationId} value={t.organizationId}>
                      {t.organizationName}
                    </option>
                  ))}
                </optgroup>
              );
            })}
          </select>
        )}
      </Field>
      <Field formId={id} name="role" label={labels.role} hint={labels.roleHint} error={errorOf('role')}>
        {(props) => (
          <select {...props} key={isHydrated ? organizationId : 'all'} name="role" defaultValue={state.values?.role} required>
            {offered.map((role) => (
              <option key={role} value={role}>
                {labels.roles[role]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div>
        <button type="submit" className="button" disabled={pending}>
          {labels.send}
        </button>
      </div>
    </form>
  );
}
