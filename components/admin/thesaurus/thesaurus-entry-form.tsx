'use client';

import { useActionState } from 'react';
import { ErrorSummary, Field, fieldId, SuccessMessage, useFocusOnError, errorText, type FormMessages } from '@/components/forms/form-parts';
import { IDLE } from '@/lib/forms/field-errors';
import type { ThesaurusFormState } from '@/lib/search/thesaurus/actions';

/**
 * Create or change one thesaurus entry. Posts to a server action and works without
 * JavaScript (the server renders the returned state); with JavaScript, `useActionState` keeps
 * the page and moves focus to the error summary. A refused form keeps what was typed.
 */
export interface EntryFormValues {
  input: string;
  /** One per line. */
  synonyms: string;
  categories: string[];
  topic: string;
  isMutual: boolean;
  isActive: boolean;
}

export interface EntryFormLabels {
  input: string;
  inputHint: string;
  synonyms: string;
  synonymsHint: string;
  categories: string;
  categoriesHint: string;
  inactiveCategory: string;
  topic: string;
  topicHint: string;
  isMutual: string;
  isMutualHint: string;
  isActive: string;
  isActiveHint: string;
  submit: string;
}

interface EntryFormProps {
  id: string;
  action: (state: ThesaurusFormState, formData: FormData) => Promise<ThesaurusFormState>;
  hidden: Record<string, string>;
  initial: EntryFormValues;
  categoryOptions: { slug: string; name: string; isActive: boolean }[];
  topics: string[];
  labels: EntryFormLabels;
  messages: FormMessages;
  limits: { phrase: number; topic: number };
}

const valueOf = (state: ThesaurusFormState, name: string) => {
  const value = state.values?.[name];
  return typeof value === 'string' ? value : undefined;
};

export function ThesaurusEntryForm({ id, action, hidden, initial, categoryOptions, topics, labels, messages, limits }: EntryFormProps) {
  const [state, formAction, pending] = useActionState(action, IDLE as ThesaurusFormState);
  const summaryRef = useFocusOnError(state);
  const refused = state.status === 'error' ? state.values : undefined;
  const chosen = new Set(refused ? (Array.isArray(refused.categories) ? refused.categories : []) : initial.categories);
  const isChecked = (name: 'isMutual' | 'isActive') => (refused ? refused[name] === 'on' : initial[name]);
  const fieldLabels = { input: labels.input, synonyms: labels.synonyms, categories: labels.categories, topic: labels.topic };
  const categoriesError = errorText(state, messages, 'categories');
  const topicListId = `${id}-topics`;
  // Categories the entry points to that no longer exist stay visible, so saving does not drop them unseen.
  const options = [
    ...categoryOptions,
    ...initial.categories.filter((slug) => !categoryOptions.some((c) => c.slug === slug)).map((slug) => ({ slug, name: slug, isActive: false })),
  ];

  return (
    <form action={formAction} className="form thesaurus-form" noValidate id={id}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <ErrorSummary formId={id} state={state} labels={fieldLabels} messages={messages} summaryRef={summaryRef} />
      <SuccessMessage state={state} messages={messages} />

      <Field formId={id} name="input" label={labels.input} hint={labels.inputHint} error={errorText(state, messages, 'input')}>
        {(props) => (
          <input {...props} name="input" type="text" autoComplete="off" required maxLength={limits.phrase} defaultValue={valueOf(state, 'input') ?? initial.input} />
        )}
      </Field>

      <Field formId={id} name="synonyms" label={labels.synonyms} hint={labels.synonymsHint} error={errorText(state, messages, 'synonyms')}>
        {(props) => <textarea {...props} name="synonyms" rows={6} required defaultValue={valueOf(state, 'synonyms') ?? initial.synonyms} />}
      </Field>

      <fieldset
        className="form-field checkbox-group"
        aria-describedby={[`${fieldId(id, 'categories')}-hint`, categoriesError ? `${fieldId(id, 'categories')}-error` : ''].filter(Boolean).join(' ')}
      >
        <legend>{labels.categories}</legend>
        <p id={`${fieldId(id, 'categories')}-hint`} className="form-hint">
          {labels.categoriesHint}
        </p>
        {categoriesError ? (
          <p id={`${fieldId(id, 'categories')}-error`} className="field-error">
            {categoriesError}
          </p>
        ) : null}
        <div className="checkbox-group__options">
          {options.map((category, index) => {
            // The first box carries the group's id, so the error summary can move focus into the group.
            const boxId = index === 0 ? fieldId(id, 'categories') : `${fieldId(id, 'categories')}-${category.slug}`;
            return (
              <div key={category.slug} className="checkbox">
                <input
                  id={boxId}
                  type="checkbox"
                  name="categories"
                  value={category.slug}
                  defaultChecked={chosen.has(category.slug)}
                  aria-invalid={categoriesError ? true : undefined}
                />
                <label htmlFor={boxId}>
                  {category.name}
                  {category.isActive ? null : <span className="form-hint"> ({labels.inactiveCategory})</span>}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>

      <Field formId={id} name="topic" label={labels.topic} hint={labels.topicHint} error={errorText(state, messages, 'topic')}>
        {(props) => (
          <input
            {...props}
            name="topic"
            type="text"
            autoComplete="off"
            list={topics.length > 0 ? topicListId : undefined}
            maxLength={limits.topic}
            defaultValue={valueOf(state, 'topic') ?? initial.topic}
          />
        )}
      </Field>
      {topics.length > 0 ? (
        <datalist id={topicListId}>
          {topics.map((topic) => (
            <option key={topic} value={topic} />
          ))}
        </datalist>
      ) : null}

      {(['isMutual', 'isActive'] as const).map((name) => (
        <div key={name} className="checkbox checkbox--single">
          <input id={fieldId(id, name)} type="checkbox" name={name} value="on" defaultChecked={isChecked(name)} aria-describedby={`${fieldId(id, name)}-hint`} />
          <label htmlFor={fieldId(id, name)}>{labels[name]}</label>
          <p id={`${fieldId(id, name)}-hint`} className="form-hint">
            {labels[name === 'isMutual' ? 'isMutualHint' : 'isActiveHint']}
          </p>
        </div>
      ))}

      <div>
        <button type="submit" className="button" disabled={pending}>
          {labels.submit}
        </button>
      </div>
    </form>
  );
}
