'use client';

import { useActionState, useEffect, useState, type FormEvent } from 'react';
import { AttachmentField, type AttachmentFieldLabels } from '@/components/workshop/attachments/attachment-field';
import { ErrorSummary, errorText, Field, useFocusOnError, type FormMessages } from '@/components/forms/form-parts';
import { IDLE } from '@/lib/forms/field-errors';
import { ATTACHMENT_FIELD } from '@/lib/workshop/attachment-rules';
import type { IssueFormState } from '@/lib/workshop/issue-forms';
import { personalDataKinds, type PersonalDataKind } from '@/lib/workshop/personal-data';
import { Choice, ChoiceGroup } from './issue-action-form';

export interface IssueFormValues {
  title: string;
  description: string;
  desiredOutcome: string;
  categoryId: string;
  concerns: string;
  municipalityId: string;
  organizationId: string;
  confirmedNoPersonalData: boolean;
}

export interface IssueFormLabels {
  organization: string;
  /** "Ärendet lämnas in för {organization}" when there is only one, worded on the server. */
  organizationFixed: string | null;
  title: string;
  titleHint: string;
  description: string;
  descriptionHint: string;
  desiredOutcome: string;
  desiredOutcomeHint: string;
  category: string;
  categoryHint: string;
  noCategory: string;
  concerns: string;
  concernsOptions: { REGION: string; MUNICIPALITY: string; BOTH: string };
  municipality: string;
  municipalityHint: string;
  chooseMunicipality: string;
  confirm: string;
  confirmHint: string;
  /** "Texten ser ut att innehålla {found}. …": {found} is replaced by the kinds found. */
  warning: string;
  kinds: Record<PersonalDataKind, string>;
  submit: string;
  save: string;
}

interface IssueFormProps {
  id: string;
  locale: string;
  action: (state: IssueFormState, formData: FormData) => Promise<IssueFormState>;
  hidden: Record<string, string>;
  initial: IssueFormValues;
  /** The associations the person files for; a choice only when there are several. */
  organizations: { id: string; name: string }[];
  categories: { id: string; name: string }[];
  municipalities: { id: string; name: string }[];
  labels: IssueFormLabels;
  messages: FormMessages;
  /** The longest title and texts the server takes (passed in, so the schemas stay on the server). */
  limits: { title: number; text: number };
  /** The file field's label and hints, when files can be sent with the form. */
  attachmentField?: AttachmentFieldLabels;
}

const TEXT_FIELDS = ['title', 'description', 'desiredOutcome'] as const;

/** "a personal identity number and an e-mail address", in the form's language. */
function foundText(labels: IssueFormLabels, locale: string, kinds: PersonalDataKind[]): string {
  const names = kinds.map((kind) => labels.kinds[kind]);
  return labels.warning.replace('{found}', new Intl.ListFormat(locale, { type: 'conjunction' }).format(names));
}

/**
 * Filing an issue and editing a draft: what happened, what would help, whom it concerns. While
 * the person types, a polite live region says when the text looks like it holds personal data
 * (naming only the kind, never the number). The municipality choice is always in the page, so
 * it works without JavaScript; with JavaScript it hides while the issue concerns the region only.
 */
export function IssueForm({ id, locale, action, hidden, initial, organizations, categories, municipalities, labels, messages, limits, attachmentField }: IssueFormProps) {
  const [state, formAction, pending] = useActionState(action, IDLE as IssueFormState);
  const summaryRef = useFocusOnError(state);
  const typed = (name: keyof IssueFormValues): string => {
    const v = state.status === 'error' ? state.values?.[name] : undefined;
    const start = initial[name];
    return typeof v === 'string' ? v : typeof start === 'string' ? start : '';
  };
  const [concerns, setConcerns] = useState(typed('concerns'));
  const [kinds, setKinds] = useState<PersonalDataKind[]>(() => personalDataKinds(...TEXT_FIELDS.map(typed)));
  const [isHydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);

  // A refused form comes back with what was sent: the warning and the choice follow it.
  useEffect(() => {
    if (state.status !== 'error') return;
    const v = (name: string) => {
      const value = state.values?.[name];
      return typeof value === 'string' ? value : '';
    };
    setConcerns(v('concerns'));
    setKinds(personalDataKinds(...TEXT_FIELDS.map(v)));
  }, [state]);

  const onInput = (event: FormEvent<HTMLFormElement>) => {
    const form = event.currentTarget;
    const read = (name: string) => {
      const element = form.elements.namedItem(name);
      return element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement ? element.value : '';
    };
    const found = personalDataKinds(...TEXT_FIELDS.map(read));
    setKinds((previous) => (previous.join() === found.join() ? previous : found));
  };

  const fieldLabels = {
    organizationId: labels.organization,
    title: labels.title,
    description: labels.description,
    desiredOutcome: labels.desiredOutcome,
    categoryId: labels.category,
    concerns: labels.concerns,
    municipalityId: labels.municipality,
    confirmedNoPersonalData: labels.confirm,
    ...(attachmentField ? { [ATTACHMENT_FIELD]: attachmentField.label } : {}),
  };
  const error = (name: string) => errorText(state, messages, name);
  const isMunicipalityHidden = isHydrated && concerns === 'REGION';
  const isMunicipalityRequired = isHydrated && (concerns === 'MUNICIPALITY' || concerns === 'BOTH');
  const confirmId = `${id}-confirmedNoPersonalData`;
  const confirmError = error('confirmedNoPersonalData');
  const confirmChecked = state.status === 'error' ? state.values?.confirmedNoPersonalData === 'on' : initial.confirmedNoPersonalData;

  return (
    <form action={formAction} className="form issue-form issue-form--filing" id={id} noValidate onInput={onInput}>
      {Object.entries(hidden).map(([name, v]) => (
        <input key={name} type="hidden" name={name} value={v} />
      ))}
      <ErrorSummary formId={id} state={state} labels={fieldLabels} messages={messages} summaryRef={summaryRef} />

      {organizations.length > 1 ? (
        <Field formId={id} name="organizationId" label={labels.organization} error={error('organizationId')}>
          {(props) => (
            <select {...props} name="organizationId" defaultValue={typed('organizationId')}>
              {organizations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : organizations.length === 1 ? (
        <>
          <input type="hidden" name="organizationId" value={organizations[0]!.id} />
          {labels.organizationFixed ? <p className="issue-form__for">{labels.organizationFixed}</p> : null}
        </>
      ) : labels.organizationFixed ? (
        <p className="issue-form__for">{labels.organizationFixed}</p>
      ) : null}

      <Field formId={id} name="title" label={labels.title} hint={labels.titleHint} error={error('title')}>
        {(props) => <input {...props} name="title" type="text" autoComplete="off" maxLength={limits.title} defaultValue={typed('title')} />}
      </Field>
      <Field formId={id} name="description" label={labels.description} hint={labels.descriptionHint} error={error('description')}>
        {(props) => <textarea {...props} name="description" rows={8} maxLength={limits.text} defaultValue={typed('description')} />}
      </Field>
      <Field formId={id} name="desiredOutcome" label={labels.desiredOutcome} hint={labels.desiredOutcomeHint} error={error('desiredOutcome')}>
        {(props) => <textarea {...props} name="desiredOutcome" rows={4} maxLength={limits.text} defaultValue={typed('desiredOutcome')} />}
      </Field>

      {/* Always in the page, so a screen reader hears it when it fills; empty while nothing is found. */}
      <div className={kinds.length > 0 ? 'issue-warning' : 'issue-warning issue-warning--empty'} role="status" aria-live="polite">
        {kinds.length > 0 ? foundText(labels, locale, kinds) : null}
      </div>

      <Field formId={id} name="categoryId" label={labels.category} hint={labels.categoryHint} error={error('categoryId')}>
        {(props) => (
          <select {...props} name="categoryId" defaultValue={typed('categoryId')}>
            <option value="">{labels.noCategory}</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        )}
      </Field>

      <ChoiceGroup formId={id} name="concerns" legend={labels.concerns} error={error('concerns')}>
        {(['REGION', 'MUNICIPALITY', 'BOTH'] as const).map((value, index) => (
          <Choice
            key={value}
            formId={id}
            name="concerns"
            index={index}
            type="radio"
            option={{ value, label: labels.concernsOptions[value] }}
            checked={typed('concerns') === value}
            invalid={Boolean(error('concerns'))}
            onChange={setConcerns}
          />
        ))}
      </ChoiceGroup>

      <div hidden={isMunicipalityHidden}>
        <Field formId={id} name="municipalityId" label={labels.municipality} hint={labels.municipalityHint} error={error('municipalityId')}>
          {(props) => (
            <select {...props} name="municipalityId" defaultValue={typed('municipalityId')} required={isMunicipalityRequired} aria-required={isMunicipalityRequired || undefined}>
              <option value="">{labels.chooseMunicipality}</option>
              {municipalities.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>

      {attachmentField ? <AttachmentField formId={id} labels={attachmentField} error={error(ATTACHMENT_FIELD)} /> : null}

      <div className="form-field issue-confirm">
        {confirmError ? (
          <p id={`${confirmId}-error`} className="field-error">
            {confirmError}
          </p>
        ) : null}
        <label className="issue-choice" htmlFor={confirmId}>
          <input
            id={confirmId}
            type="checkbox"
            name="confirmedNoPersonalData"
            defaultChecked={confirmChecked}
            aria-invalid={confirmError ? true : undefined}
            aria-describedby={[`${confirmId}-hint`, confirmError ? `${confirmId}-error` : ''].filter(Boolean).join(' ')}
          />
          <span>{labels.confirm}</span>
        </label>
        <p id={`${confirmId}-hint`} className="form-hint">
          {labels.confirmHint}
        </p>
      </div>

      <div className="issue-form__buttons">
        <button type="submit" name="intent" value="submit" className="button" disabled={pending}>
          {labels.submit}
        </button>
        <button type="submit" name="intent" value="save" className="button button--secondary" disabled={pending}>
          {labels.save}
        </button>
      </div>
    </form>
  );
}
