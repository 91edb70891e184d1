'use client';

import { useActionState, type ReactNode } from 'react';
import type { FormState } from '@/lib/forms/field-errors';
import { IDLE } from '@/lib/forms/field-errors';
import { ErrorSummary, useFocusOnError, type FormMessages } from './form-parts';

interface ActionFormProps<K extends string, S extends string> {
  id: string;
  action: (state: FormState<K, S>, formData: FormData) => Promise<FormState<K, S>>;
  hidden: Record<string, string>;
  /** Names of the fields inside, for the error summary's links. */
  labels?: Record<string, string>;
  messages: FormMessages;
  submit: string;
  submitClassName?: string;
  className?: string;
  /** The fields, rendered by the server page; their ids are `${id}-${name}`. */
  children?: ReactNode;
}

/**
 * A small server-action form (one button, a few fields) whose success is a redirect: it shows
 * only what went wrong. Works without JavaScript, where the server renders the state.
 */
export function ActionForm<K extends string, S extends string>({ id, action, hidden, labels = {}, messages, submit, submitClassName = 'button', className = 'form', children }: ActionFormProps<K, S>) {
  const [state, formAction, pending] = useActionState(action, IDLE as FormState<K, S>);
  const summaryRef = useFocusOnError(state);
  return (
    <form action={formAction} className={className} id={id} noValidate>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <ErrorSummary formId={id} state={state} labels={labels} messages={messages} summaryRef={summaryRef} />
      {children}
      <div>
        <button type="submit" className={submitClassName} disabled={pending}>
          {submit}
        </button>
      </div>
    </form>
  );
}
