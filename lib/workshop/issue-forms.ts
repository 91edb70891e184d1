/**
 * The issue pages' forms as the server actions read them (./actions.ts): field names, what a
 * refused form echoes back, and the `?klart=` keys a page words after a form worked. Pure
 * functions of FormData, so they are specified without Next.
 */
import type { FormState } from '@/lib/forms/field-errors';
import type { AttachmentErrorKey } from './attachment-rules';
import { workshopErrors, type WorkshopErrorKey } from './schemas';

/** What a form says after it worked (`?klart=` on the page it returns to). */
export const ISSUE_SUCCESS_KEYS = [
  'submitted',
  'saved',
  'drafted',
  'deleted',
  'infoProvided',
  'withdrawn',
  'confirmed',
  'disputed',
  'triaged',
  'infoRequested',
  'markedDuplicate',
  'referred',
  'outcomeSet',
  'reopened',
  'answered',
  'noted',
  'reassigned',
  'commented',
  // Filed or saved, but the files sent with the form were refused: they can be added on the issue's page.
  'submittedFilesRefused',
  'savedFilesRefused',
] as const;
export type IssueSuccessKey = (typeof ISSUE_SUCCESS_KEYS)[number];

export function issueSuccessKeyOf(value: unknown): IssueSuccessKey | null {
  return ISSUE_SUCCESS_KEYS.find((key) => key === value) ?? null;
}

/** Reasons only the forms know: a move that must be confirmed was sent without the tick. */
export const CONFIRMATION_ERROR_KEYS = ['withdrawUnconfirmed', 'deleteUnconfirmed'] as const;
export type ConfirmationErrorKey = (typeof CONFIRMATION_ERROR_KEYS)[number];

/** Every text an issue form may show: the data layer's keys and the forms' own. */
export const ISSUE_FORM_ERROR_KEYS: readonly (WorkshopErrorKey | ConfirmationErrorKey)[] = [...workshopErrors.keys, ...CONFIRMATION_ERROR_KEYS];
export type IssueFormErrorKey = WorkshopErrorKey | ConfirmationErrorKey;

/** The filing form also carries the attachments' reasons (worded in `WorkshopAttachments.errors`). */
export type IssueFormState = FormState<IssueFormErrorKey | AttachmentErrorKey, IssueSuccessKey>;

/** The fields of the filing form and the draft editor. */
export const ISSUE_FIELD_NAMES = ['title', 'description', 'desiredOutcome', 'categoryId', 'concerns', 'municipalityId', 'organizationId', 'confirmedNoPersonalData'] as const;

export const text = (formData: FormData, name: string): string | undefined => {
  const value = formData.get(name);
  return typeof value === 'string' ? value : undefined;
};

export const list = (formData: FormData, name: string): string[] => formData.getAll(name).filter((v): v is string => typeof v === 'string');

/** The issue's own fields, as `issueFieldsSchema` reads them. A box that is ticked is sent as "on". */
export function issueFieldsOf(formData: FormData) {
  return {
    title: text(formData, 'title'),
    description: text(formData, 'description'),
    desiredOutcome: text(formData, 'desiredOutcome'),
    categoryId: text(formData, 'categoryId'),
    concerns: text(formData, 'concerns'),
    municipalityId: text(formData, 'municipalityId'),
    confirmedNoPersonalData: formData.get('confirmedNoPersonalData') === 'on',
  };
}

/** Which button sent the filing form: "Skicka till samordnaren" sends, anything else saves a draft. */
export const isSubmitIntent = (formData: FormData) => formData.get('intent') === 'submit';

/**
 * The triage form. The due date field starts with the date the issue has (or the default one);
 * sent unchanged it means "keep it", so an issue already past its date can be re-triaged and
 * a date that only differs from the stored instant by the time of day writes no event.
 */
export function triageInputOf(formData: FormData) {
  const dueDate = text(formData, 'dueDate')?.trim() ?? '';
  const unchanged = dueDate !== '' && dueDate === (text(formData, 'dueDateInitial') ?? '').trim();
  return {
    categoryId: text(formData, 'categoryId'),
    visibility: text(formData, 'visibility'),
    responderOrganizationIds: list(formData, 'responderOrganizationIds'),
    assigneeUserIds: list(formData, 'assigneeUserIds'),
    dueDate: unchanged ? '' : dueDate,
    version: text(formData, 'version'),
  };
}

/** What was typed, so a refused form shows it again; list fields (checkboxes) as arrays. */
export function echo(formData: FormData, names: readonly string[], lists: readonly string[] = []): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const name of names) {
    const value = text(formData, name);
    if (value !== undefined) values[name] = value;
  }
  for (const name of lists) values[name] = list(formData, name);
  return values;
}

/** The issue number a form acts on, as it goes into the path it returns to (digits only). */
export function issuePath(formData: FormData, suffix = ''): string {
  const number = text(formData, 'number') ?? '';
  return /^\d{1,10}$/.test(number) ? `/verkstad/${Number(number)}${suffix}` : '/verkstad';
}
