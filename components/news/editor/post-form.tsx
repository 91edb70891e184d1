'use client';

import { useActionState, useCallback, useEffect, useRef, useState } from 'react';
import { ErrorSummary, Field, errorText, useFocusOnError, type FormMessages } from '@/components/forms/form-parts';
import type { AutosaveResult, PostFormState } from '@/lib/news/actions';
import type { PostDocument } from '@/lib/news/document';
import { IDLE } from '@/lib/forms/field-errors';
import { BodyEditor, type BodyEditorTexts } from './body-editor';

export interface PostFormValues {
  id: string;
  version: number;
  status: string;
  title: string;
  summary: string;
  body: PostDocument;
  topicIds: string[];
  isEvent: boolean;
  /** datetime-local values in Swedish time. */
  eventStart: string;
  eventEnd: string;
  eventPlace: string;
  eventSignupUrl: string;
  eventServiceId: string;
  publishAt: string;
  organizationId: string;
  /** Taken down by the coordinator: nothing here publishes it until the moderation is lifted. */
  isModerated: boolean;
}

export interface PostFormTexts {
  title: string;
  titleHint: string;
  summary: string;
  summaryHint: string;
  topics: string;
  event: string;
  isEvent: string;
  eventStart: string;
  eventEnd: string;
  timeHint: string;
  eventPlace: string;
  eventSignupUrl: string;
  eventService: string;
  noService: string;
  publishing: string;
  publishAt: string;
  save: string;
  publish: string;
  update: string;
  schedule: string;
  unschedule: string;
  submit: string;
  autosaved: string;
  autosaveConflict: string;
  autosaveFailed: string;
  body: BodyEditorTexts;
}

interface PostFormProps {
  action: (state: PostFormState, formData: FormData) => Promise<PostFormState>;
  autosave: (postId: string, version: number, formData: FormData) => Promise<AutosaveResult>;
  post: PostFormValues;
  locale: string;
  topics: { id: string; name: string }[];
  services: { id: string; name: string }[];
  canPublish: boolean;
  /** What the last button did, worded (the page reads it from ?klart=). */
  success: string | null;
  texts: PostFormTexts;
  messages: FormMessages;
}

const FORM_ID = 'nyhet';
const AUTOSAVE_DELAY_MS = 4_000;

/**
 * The news editor: the post's fields, its body in Tiptap, and the buttons that save, publish,
 * schedule or send it for approval. Drafts autosave a few seconds after typing stops; every
 * save carries the version the editor loaded, so nobody overwrites another's work unseen.
 */
export function PostForm({ action, autosave, post, locale, topics, services, canPublish, success, texts, messages }: PostFormProps) {
  const [state, formAction, pending] = useActionState(action, IDLE as PostFormState);
  const summaryRef = useFocusOnError(state);
  const formRef = useRef<HTMLFormElement>(null);
  const [version, setVersion] = useState(post.version);
  const [body, setBody] = useState(() => JSON.stringify(post.body));
  const [isEvent, setIsEvent] = useState(post.isEvent);
  const [autosaveStatus, setAutosaveStatus] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const dirty = useRef(false);

  const runAutosave = useCallback(async () => {
    const form = formRef.current;
    if (!form || !dirty.current) return;
    dirty.current = false;
    const result = await autosave(post.id, version, new FormData(form));
    if (result.status === 'saved') {
      setVersion(result.version);
      const time = new Date(result.savedAt).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
      setAutosaveStatus(texts.autosaved.replace('{time}', time));
    } else if (result.status === 'conflict') {
      setAutosaveStatus(texts.autosaveConflict);
    } else {
      setAutosaveStatus(texts.autosaveFailed.replace('{reason}', messages.errors[result.error] ?? messages.errors.invalid!));
    }
  }, [autosave, post.id, version, locale, texts, messages]);

  const changed = useCallback(() => {
    dirty.current = true;
    clearTimeout(timer.current);
    timer.current = setTimeout(runAutosave, AUTOSAVE_DELAY_MS);
  }, [runAutosave]);

  useEffect(() => () => clearTimeout(timer.current), []);

  const value = (name: keyof PostFormValues): string => {
    const echoed = state.status === 'error' ? state.values?.[name] : undefined;
    return typeof echoed === 'string' ? echoed : String(post[name] ?? '');
  };
  const checkedTopics = state.status === 'error' && Array.isArray(state.values?.topicIds) ? state.values.topicIds : post.topicIds;
  const isLive = post.status === 'PUBLISHED';
  const labels = {
    title: texts.title,
    summary: texts.summary,
    body: texts.body.label,
    topicIds: texts.topics,
    eventStart: texts.eventStart,
    eventEnd: texts.eventEnd,
    eventPlace: texts.eventPlace,
    eventSignupUrl: texts.eventSignupUrl,
    eventServiceId: texts.eventService,
    publishAt: texts.publishAt,
  };

  return (
    <form
      ref={formRef}
      action={(formData) => {
        clearTimeout(timer.current);
        formAction(formData);
      }}
      onChange={changed}
      className="form post-form"
      noValidate
      id={FORM_ID}
    >
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="postId" value={post.id} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="body" value={body} />
      <ErrorSummary formId={FORM_ID} state={state} labels={labels} messages={messages} summaryRef={summaryRef} />
      {success ? (
        <p className="form-success" role="status">
          {success}
        </p>
      ) : null}
      <Field formId={FORM_ID} name="title" label={texts.title} hint={texts.titleHint} error={errorText(state, messages, 'title')}>
        {(props) => <input {...props} name="title" type="text" defaultValue={value('title')} maxLength={160} required />}
      </Field>
      <Field formId={FORM_ID} name="summary" label={texts.summary} hint={texts.summaryHint} error={errorText(state, messages, 'summary')}>
        {(props) => <textarea {...props} name="summary" rows={3} defaultValue={value('summary')} maxLength={300} />}
      </Field>
      <BodyEditor
        id={`${FORM_ID}-body`}
        initial={post.body}
        organizationId={post.organizationId}
        texts={texts.body}
        error={errorText(state, messages, 'body')}
        onChange={(json) => {
          setBody(json);
          changed();
        }}
      />
      {topics.length > 0 ? (
        <fieldset className="form-fieldset" id={`${FORM_ID}-topicIds`} tabIndex={-1}>
          <legend>{texts.topics}</legend>
          {errorText(state, messages, 'topicIds') ? <p className="field-error">{errorText(state, messages, 'topicIds')}</p> : null}
          <ul className="checkbox-list">
            {topics.map((topic) => (
              <li key={topic.id}>
                <label>
                  <input type="checkbox" name="topicIds" value={topic.id} defaultChecked={checkedTopics.includes(topic.id)} /> {topic.name}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      ) : null}
      <fieldset className="form-fieldset">
        <legend>{texts.event}</legend>
        <label className="checkbox-label">
          <input type="checkbox" name="isEvent" defaultChecked={post.isEvent} onChange={(e) => setIsEvent(e.target.checked)} /> {texts.isEvent}
        </label>
        {/* Without JavaScript the fields stay visible; the checkbox alone decides. */}
        <div className="post-form__event" hidden={!isEvent}>
          <Field formId={FORM_ID} name="eventStart" label={texts.eventStart} hint={texts.timeHint} error={errorText(state, messages, 'eventStart')}>
            {(props) => <input {...props} name="eventStart" type="datetime-local" defaultValue={value('eventStart')} />}
          </Field>
          <Field formId={FORM_ID} name="eventEnd" label={texts.eventEnd} error={errorText(state, messages, 'eventEnd')}>
            {(props) => <input {...props} name="eventEnd" type="datetime-local" defaultValue={value('eventEnd')} />}
          </Field>
          <Field formId={FORM_ID} name="eventPlace" label={texts.eventPlace} error={errorText(state, messages, 'eventPlace')}>
            {(props) => <input {...props} name="eventPlace" type="text" defaultValue={value('eventPlace')} maxLength={200} />}
          </Field>
          <Field formId={FORM_ID} name="eventSignupUrl" label={texts.eventSignupUrl} error={errorText(state, messages, 'eventSignupUrl')}>
            {(props) => <input {...props} name="eventSignupUrl" type="url" defaultValue={value('eventSignupUrl')} />}
          </Field>
          {services.length > 0 ? (
            <Field formId={FORM_ID} name="eventServiceId" label={texts.eventService} error={errorText(state, messages, 'eventServiceId')}>
              {(props) => (
                <select {...props} name="eventServiceId" defaultValue={value('eventServiceId')}>
                  <option value="">{texts.noService}</option>
                  {services.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : null}
        </div>
      </fieldset>
      <fieldset className="form-fieldset post-form__publishing">
        <legend>{texts.publishing}</legend>
        <div className="post-form__buttons">
          <button type="submit" name="intent" value="save" className="button button--secondary" disabled={pending || ((isLive || post.status === 'SCHEDULED') && !canPublish)}>
            {isLive ? texts.update : texts.save}
          </button>
          {canPublish && !isLive ? (
            <button type="submit" name="intent" value="publish" className="button" disabled={pending}>
              {texts.publish}
            </button>
          ) : null}
          {!canPublish && !post.isModerated && (post.status === 'DRAFT' || post.status === 'UNPUBLISHED') ? (
            <button type="submit" name="intent" value="submit" className="button" disabled={pending}>
              {texts.submit}
            </button>
          ) : null}
          {canPublish && post.status === 'SCHEDULED' ? (
            <button type="submit" name="intent" value="unschedule" className="button button--secondary" disabled={pending}>
              {texts.unschedule}
            </button>
          ) : null}
        </div>
        {canPublish && !isLive ? (
          <div className="post-form__schedule">
            <Field formId={FORM_ID} name="publishAt" label={texts.publishAt} hint={texts.timeHint} error={errorText(state, messages, 'publishAt')}>
              {(props) => <input {...props} name="publishAt" type="datetime-local" defaultValue={value('publishAt')} />}
            </Field>
            <button type="submit" name="intent" value="schedule" className="button button--secondary" disabled={pending}>
              {texts.schedule}
            </button>
          </div>
        ) : null}
        <p className="post-form__autosave" role="status" aria-live="polite">
          {autosaveStatus}
        </p>
      </fieldset>
    </form>
  );
}
