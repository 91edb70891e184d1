'use client';

/**
 * The service form, shared by the coordinator's editor and associations' proposals
 * (`mode: 'proposal'` leaves out the organisation and status controls). A server-action form:
 * without JavaScript the server renders the answer, with every value typed kept and each error
 * at its field, listed in a summary at the top that links to the fields.
 *
 * It is a client component only because the answer (errors and values) lives in
 * useActionState; the sections hold no state except the opening-hours rows.
 */
import { useActionState, useEffect, useRef } from 'react';
import type { ServiceFormOptions } from '@/lib/directory/service-editor';
import type { ServiceFormState } from '@/lib/directory/service-form-state';
import type { ServiceFormValues } from '@/lib/directory/service-input';
import { controlId, type FormContext, type ServiceFormMode } from './fields';
import { OpeningHoursEditor } from './opening-hours-editor';
import { AttributesSection, BasicsSection, ClassificationSection, ContactSection, CostSection, KeywordsSection, LanguagesSection, PlacesSection, TranslationsSection } from './sections';
import { translator, type MessageTree, type Translate } from './translate';

export interface ServiceFormProps {
  id?: string;
  mode: ServiceFormMode;
  initial: ServiceFormValues;
  /** Errors to show before any submission (e.g. a stored proposal that no longer passes). */
  fieldErrors?: ServiceFormState['fieldErrors'];
  options: ServiceFormOptions;
  action: (state: ServiceFormState, formData: FormData) => Promise<ServiceFormState>;
  /** Hidden fields the action needs (locale, serviceId, version...). */
  hidden: Record<string, string>;
  submitLabel: string;
  /** The `ServiceForm` message tree in the page's language. */
  messages: MessageTree;
  locale: string;
  /** ISO weekday names, Monday first, in the page's language. */
  weekdayNames: string[];
}

/** Words a field path for the error summary: "Öppettider, period 4: Stänger". */
function labelOf(t: Translate, values: ServiceFormValues, options: ServiceFormOptions, path: string): string {
  const parts = path.split('.');
  const [head, second, third, fourth, fifth] = parts;
  const field = (name: string | undefined) => t(`fields.${name ?? ''}`);
  if (head === 'translations') return `${t(`locales.${second}`)}: ${field(third)}`;
  if (head === 'attributes') {
    const attribute = options.attributes.find((a) => a.id === values.attributes[Number(second)]?.attributeId);
    return third === 'note' ? t('fields.attributeNote', { name: attribute?.name ?? '' }) : (attribute?.name ?? t('sections.attributes'));
  }
  if (head === 'languages') return `${t('sections.languages')}: ${values.languages[Number(second)]?.code ?? ''}`;
  if (head === 'contacts' && fourth !== undefined) {
    return `${t('rows.contacts', { n: Number(second) + 1 })}, ${t('rows.contactPhones', { n: Number(fourth) + 1 })}: ${field(fifth === 'number' ? 'phoneNumber' : fifth === 'kind' ? 'phoneKind' : 'phoneDescription')}`;
  }
  if (second !== undefined && /^\d+$/.test(second)) {
    const row = t(`rows.${head}`, { n: Number(second) + 1, name: head === 'locations' ? (values.locations[Number(second)]?.name ?? '') : '' });
    const name = head === 'phones' ? (third === 'number' ? 'phoneNumber' : third === 'kind' ? 'phoneKind' : 'phoneDescription') : third;
    return third ? `${row}: ${field(name)}` : row;
  }
  return field(head);
}

function ErrorSummary({ formId, state, t, labelFor }: { formId: string; state: ServiceFormState; t: Translate; labelFor: (path: string) => string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status === 'error') ref.current?.focus();
  }, [state]);
  if (state.status !== 'error') return null;
  const fields = Object.entries(state.fieldErrors ?? {});
  const titleId = `${formId}-error-summary`;
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} role="group" aria-labelledby={titleId}>
      <p id={titleId} className="error-summary__title">
        {t('errorSummary')}
      </p>
      <ul className="error-summary__list">
        {state.formError || fields.length === 0 ? <li>{t(`errors.${state.formError ?? 'invalid'}`)}</li> : null}
        {fields.map(([path, key]) => (
          <li key={path}>
            <a href={`#${controlId(formId, path)}`}>
              {labelFor(path)}: {t(`errors.${key}`)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ServiceForm({ id = 'tjanst', mode, initial, fieldErrors, options, action, hidden, submitLabel, messages, locale, weekdayNames }: ServiceFormProps) {
  const initialState: ServiceFormState = fieldErrors && Object.keys(fieldErrors).length > 0 ? { status: 'error', fieldErrors } : { status: 'idle' };
  const [state, formAction, pending] = useActionState(action, initialState);
  const t = translator(messages);
  const values = state.values ?? initial;
  const errors = state.status === 'error' ? (state.fieldErrors ?? {}) : {};
  const ctx: FormContext = {
    formId: id,
    t,
    errorOf: (path) => (errors[path] ? t(`errors.${errors[path]}`) : undefined),
    values,
    options,
    mode,
    locale,
  };
  return (
    <form action={formAction} className="form service-form" id={id} noValidate>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <ErrorSummary formId={id} state={state} t={t} labelFor={(path) => labelOf(t, values, options, path)} />
      {/* A new answer draws every row again from the values it carries. */}
      <div key={state.nonce ?? 'initial'} className="service-form__sections">
        <BasicsSection ctx={ctx} />
        <ClassificationSection ctx={ctx} />
        <OpeningHoursEditor ctx={ctx} weekdayNames={weekdayNames} />
        <ContactSection ctx={ctx} />
        <PlacesSection ctx={ctx} />
        <AttributesSection ctx={ctx} />
        <LanguagesSection ctx={ctx} />
        <CostSection ctx={ctx} />
        <TranslationsSection ctx={ctx} />
        <KeywordsSection ctx={ctx} />
      </div>
      <p className="service-form__actions">
        <button type="submit" className="button" disabled={pending}>
          {submitLabel}
        </button>
      </p>
    </form>
  );
}
