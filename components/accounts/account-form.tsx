'use client';

import { useActionState, useEffect, useState } from 'react';
import { ErrorSummary, Field, SuccessMessage, useFocusOnError, type FormMessages } from '@/components/forms/form-parts';
import type { Role } from '@/lib/authz/actor';
import type { OrganizationKind } from '@/lib/authz/policy';
import { IDLE_FORM_STATE, type AccountFormState } from '@/lib/accounts/form-state';

/**
 * The forms of the account pages. Each posts to a server action and works without
 * JavaScript (the server renders the returned state); with JavaScript, `useActionState`
 * keeps the page and moves focus to the error summary. Texts come from the server page, so
 * no message catalogue ships to the browser.
 */
/** The resolved texts of a form (the shared form parts' messages). */
export type FormTexts = FormMessages;

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
      <ErrorSummary formId={id} state={state} labels={labels} messages={texts} summaryRef={summaryRef} />
      <SuccessMessage state={state} messages={texts} />
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
      <ErrorSummary formId={id} state={state} labels={fieldLabels} messages={texts} summaryRef={summaryRef} />
      <SuccessMessage state={state} messages={texts} />
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
