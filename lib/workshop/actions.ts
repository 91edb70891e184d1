'use server';

/**
 * The issue pages' server actions, public endpoints: each reads the form (./issue-forms.ts),
 * hands it with the current actor to the data layer (./issues.ts asks the policy and
 * validates) and either goes back to the issue saying what was done (?klart=answered) or
 * returns message keys the page words, with what was typed.
 */
import { redirect } from 'next/navigation';
import { getPathname } from '@/i18n/navigation';
import { routing, type AppLocale } from '@/i18n/routing';
import { getActor } from '@/lib/auth/session';
import type { Actor } from '@/lib/authz/actor';
import { isAppError } from '@/lib/errors/app-error';
import { AttachmentRefusal } from './attachment-files';
import { ATTACHMENT_FIELD, chosenFiles } from './attachment-rules';
import { addAttachments, checkAttachmentFiles } from './attachments';
import {
  addComment,
  addInternalNote,
  actAsFiler,
  answerIssue,
  deleteDraft,
  fileIssue,
  markDuplicate,
  reassignIssue,
  referIssue,
  reopenIssue,
  requestInfo,
  setOutcome,
  triageIssue,
  updateDraft,
} from './issues';
import {
  echo,
  ISSUE_FIELD_NAMES,
  issueFieldsOf,
  issuePath,
  isSubmitIntent,
  list,
  text,
  triageInputOf,
  type IssueFormState,
  type IssueSuccessKey,
} from './issue-forms';
import { workshopErrors } from './schemas';

function refused(error: unknown, formData: FormData, names: readonly string[] = [], lists: readonly string[] = []): IssueFormState {
  if (!isAppError(error)) throw error;
  const described = error instanceof AttachmentRefusal ? { fieldErrors: { [ATTACHMENT_FIELD]: error.key } } : workshopErrors.describe(error);
  return { status: 'error', ...described, values: echo(formData, names, lists) };
}

/** The files chosen in the filing form's file field (an empty field sends one nameless part). */
const filesOf = (formData: FormData): File[] => chosenFiles(formData.getAll(ATTACHMENT_FIELD).filter((value): value is File => value instanceof File));

/**
 * Attaches the form's files to the issue just filed or saved. The batch was checked before the
 * issue was written; what only storing finds (an image that cannot be decoded, too many
 * uploads) leaves the issue as it is, and the page says the files can be added there.
 */
async function attachFiled(actor: Actor, number: unknown, files: File[]): Promise<boolean> {
  if (files.length === 0) return true;
  try {
    await addAttachments(actor, number, files);
    return true;
  } catch (error) {
    if (isAppError(error)) return false;
    throw error;
  }
}

const localeOf = (formData: FormData): AppLocale => routing.locales.find((l) => l === formData.get('locale')) ?? routing.defaultLocale;

/** Back to a page, saying what was done, at the part of the page it concerns. */
function done(formData: FormData, href: string, success: IssueSuccessKey, anchor?: string): never {
  redirect(`${getPathname({ href, locale: localeOf(formData) })}?klart=${success}${anchor ? `#${anchor}` : ''}`);
}

// ── Filing and drafts ──────────────────────────────────────────────────────────────

/** /verkstad/nytt: "Skicka till samordnaren" (intent=submit) or "Spara som utkast". */
export async function fileIssueAction(_previous: IssueFormState, formData: FormData): Promise<IssueFormState> {
  const submit = isSubmitIntent(formData);
  const actor = await getActor();
  const files = filesOf(formData);
  let number: number;
  try {
    // A batch that would be refused refuses the form before the issue exists.
    if (files.length > 0) await checkAttachmentFiles(files);
    ({ number } = await fileIssue(actor, { organizationId: text(formData, 'organizationId'), fields: issueFieldsOf(formData), submit }));
  } catch (error) {
    return refused(error, formData, ISSUE_FIELD_NAMES);
  }
  const attached = await attachFiled(actor, number, files);
  done(formData, `/verkstad/${number}`, submit ? (attached ? 'submitted' : 'submittedFilesRefused') : attached ? 'saved' : 'savedFilesRefused');
}

export async function updateDraftAction(_previous: IssueFormState, formData: FormData): Promise<IssueFormState> {
  const submit = isSubmitIntent(formData);
  const actor = await getActor();
  const files = filesOf(formData);
  const number = text(formData, 'number');
  try {
    if (files.length > 0) await checkAttachmentFiles(files);
    await updateDraft(actor, number, { version: text(formData, 'version'), fields: issueFieldsOf(formData), submit });
  } catch (error) {
    return refused(error, formData, ISSUE_FIELD_NAMES);
  }
  const attached = await attachFiled(actor, number, files);
  done(formData, issuePath(formData), submit ? (attached ? 'submitted' : 'submittedFilesRefused') : attached ? 'saved' : 'savedFilesRefused');
}

export async function deleteDraftAction(_previous: IssueFormState, formData: FormData): Promise<IssueFormState> {
  if (formData.get('confirm') !== 'on') return { status: 'error', fieldErrors: { confirm: 'deleteUnconfirmed' } };
  try {
    await deleteDraft(await getActor(), text(formData, 'number'));
  } catch (error) {
    return refused(error, formData);
  }
  done(formData, '/verkstad', 'deleted');
}

// ── The filing association's moves ─────────────────────────────────────────────────

export async function provideInfoAction(_previous: IssueFormState, formData: FormData): Promise<IssueFormState> {
  try {
    await actAsFiler(await getActor(), text(formData, 'number'), 'provideInfo', { note: text(formData, 'note') });
  } catch (error) {
    return refused(error, formData, ['note']);
  }
  done(formData, issuePath(formData), 'infoProvided');
}

export async function withdrawIssueAction(_previous: IssueFormState, formData: FormData): Promise<IssueFormState> {
  if (formData.get('confirm') !== 'on') return { status: 'error', fieldErrors: { confirm: 'withdrawUnconfirmed' }, values: echo(formData, ['note']) };
  try {
    await actAsFiler(await getActor(), text(formData, 'number'), 'withdraw', { note: text(formData, 'note') });
  } catch (error) {
    return refused(error, formData, ['note']);
  }
  done(formData, issuePath(formData), 'withdrawn');
}

export async function confirmResolutionAction(_previous: IssueFormState, formData: FormData): Promise<IssueFormState> {
  try {
    await actAsFiler(await getActor(), text(formData, 'number'), 'confirm', { note: text(formData, 'note') });
  } catch (error) {
    return refused(error, formData, ['note']);
  }
  done(formData, issuePath(formData), 'confirmed');
}

export async function disputeResolutionAction(_previous: IssueFormState, formData: FormData): Promise<IssueFormState> {
  try {
    await actAsFiler(await getActor(), text(formData, 'number'), 'dispute', { note: text(formData, 'note') });
  } catch (error) {
    return refused(error, formData, ['note']);
  }
  done(formData, issuePath(formData), 'disputed');
}

// ── The coordinator's moves ────────────────────────────────────────────────────────

const TRIAGE_FIELDS = ['categoryId', 'visibility', 'dueDate'] as const;
const TRIAGE_LISTS = ['responderOrganizationIds', 'assigneeUserIds'] as const;

export async function triageIssueAction(_previous: IssueFormState, formData: FormData): Promise<IssueFormState> {
  try {
    await triageIssue(await getActor(), text(formData, 'number'), triageInputOf(formData));
  } catch (error) {
    return refused(error, formData, TRIAGE_FIELDS, TRIAGE_LISTS);
  }
  done(formData, issuePath(formData), 'triaged');
}

export async function requestInfoAction(_previous: IssueFormState, formData: FormData): Promise<IssueFormState> {
  try {
    await requestInfo(await getActor(), text(formData, 'number'), { note: text(formData, 'note') });
  } catch (error) {
    return refused(error, formData, ['note']);
  }
  done(formData, issuePath(formData), 'infoRequested');
}

export async function markDuplicateAction(_previous: IssueFormState, formData: FormData): Promise<IssueFormState> {
  try {
    await markDuplicate(await getActor(), text(formData, 'number'), { duplicateOfNumber: text(formData, 'duplicateOfNumber'), note: text(formData, 'note') });
  } catch (error) {
    return refused(error, formData, ['duplicateOfNumber', 'note']);
  }
  done(formData, issuePath(formData), 'markedDuplicate');
}

export async function referIssueAction(_previous: IssueFormState, formData: FormData): Promise<IssueFormState> {
  try {
    await referIssue(await getActor(), text(formData, 'number'), { referredTo: text(formData, 'referredTo'), note: text(formData, 'note') });
  } catch (error) {
    return refused(error, formData, ['referredTo', 'note']);
  }
  done(formData, issuePath(formData), 'referred');
}

export async function setOutcomeAction(_previous: IssueFormState, formData: FormData): Promise<IssueFormState> {
  try {
    await setOutcome(await getActor(), text(formData, 'number'), { outcome: text(formData, 'outcome'), note: text(formData, 'note') });
  } catch (error) {
    return refused(error, formData, ['outcome', 'note']);
  }
  done(formData, issuePath(formData), 'outcomeSet');
}

export async function reopenIssueAction(_previous: IssueFormState, formData: FormData): Promise<IssueFormState> {
  try {
    await reopenIssue(await getActor(), text(formData, 'number'), { note: text(formData, 'note') });
  } catch (error) {
    return refused(error, formData, ['note']);
  }
  done(formData, issuePath(formData), 'reopened');
}

// ── Officials ──────────────────────────────────────────────────────────────────────

export async function answerIssueAction(_previous: IssueFormState, formData: FormData): Promise<IssueFormState> {
  try {
    await answerIssue(await getActor(), text(formData, 'number'), { organizationId: text(formData, 'organizationId'), body: text(formData, 'body') });
  } catch (error) {
    return refused(error, formData, ['body']);
  }
  done(formData, issuePath(formData), 'answered', 'svar');
}

export async function addInternalNoteAction(_previous: IssueFormState, formData: FormData): Promise<IssueFormState> {
  try {
    await addInternalNote(await getActor(), text(formData, 'number'), { body: text(formData, 'body') });
  } catch (error) {
    return refused(error, formData, ['body']);
  }
  done(formData, issuePath(formData), 'noted', 'handelser');
}

export async function reassignIssueAction(_previous: IssueFormState, formData: FormData): Promise<IssueFormState> {
  try {
    await reassignIssue(await getActor(), text(formData, 'number'), { assigneeUserIds: list(formData, 'assigneeUserIds') });
  } catch (error) {
    return refused(error, formData, [], ['assigneeUserIds']);
  }
  done(formData, issuePath(formData), 'reassigned');
}

// ── Conversation ───────────────────────────────────────────────────────────────────

export async function addCommentAction(_previous: IssueFormState, formData: FormData): Promise<IssueFormState> {
  try {
    await addComment(await getActor(), text(formData, 'number'), { body: text(formData, 'body') });
  } catch (error) {
    return refused(error, formData, ['body']);
  }
  done(formData, issuePath(formData), 'commented', 'handelser');
}
