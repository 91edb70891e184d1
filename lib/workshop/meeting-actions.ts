'use server';

/**
 * The meeting pages' server actions, public endpoints: each reads the form, hands it with the
 * current actor to the data layer (./meetings.ts asks the policy and validates) and either
 * goes back to the page saying what was done or returns message keys the page words.
 */
import { redirect } from 'next/navigation';
import { getPathname } from '@/i18n/navigation';
import { routing, type AppLocale } from '@/i18n/routing';
import { getActor } from '@/lib/auth/session';
import { isAppError } from '@/lib/errors/app-error';
import type { FormState } from '@/lib/forms/field-errors';
import { meetingErrors, type MeetingErrorKey, type MeetingSuccessKey } from './meeting-schemas';
import { addAgendaIssue, addAgendaTopic, cancelMeeting, closeMeeting, moveAgendaItem, refreshAgenda, removeAgendaItem, saveMinute, scheduleMeeting } from './meetings';

export type MeetingFormState = FormState<MeetingErrorKey, MeetingSuccessKey>;

const text = (formData: FormData, name: string): string | undefined => {
  const value = formData.get(name);
  return typeof value === 'string' ? value : undefined;
};

/** What was typed, so a refused form shows it again. */
function echo(formData: FormData, names: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of names) {
    const value = text(formData, name);
    if (value !== undefined) values[name] = value;
  }
  return values;
}

function refused(error: unknown, formData: FormData, names: readonly string[] = []): MeetingFormState {
  if (!isAppError(error)) throw error;
  return { status: 'error', ...meetingErrors.describe(error), values: echo(formData, names) };
}

const localeOf = (formData: FormData): AppLocale => routing.locales.find((l) => l === formData.get('locale')) ?? routing.defaultLocale;

/** Only a database id goes into the path it returns to; the data layer already refused anything else. */
const meetingPath = (formData: FormData) => `/admin/moten/${encodeURIComponent(text(formData, 'meetingId') ?? '')}`;

/** Back to the page, saying what was done (?klart=closed), at the item it was done to. */
function done(formData: FormData, href: string, success: MeetingSuccessKey, anchor?: string): never {
  redirect(`${getPathname({ href, locale: localeOf(formData) })}?klart=${success}${anchor ? `#${anchor}` : ''}`);
}

const MEETING_FIELDS = ['kind', 'title', 'startsAt', 'endsAt', 'place'] as const;

export async function scheduleMeetingAction(_previous: MeetingFormState, formData: FormData): Promise<MeetingFormState> {
  let id: string;
  try {
    ({ id } = await scheduleMeeting(await getActor(), Object.fromEntries(MEETING_FIELDS.map((name) => [name, text(formData, name)]))));
  } catch (error) {
    return refused(error, formData, MEETING_FIELDS);
  }
  done(formData, `/admin/moten/${id}`, 'scheduled');
}

export async function cancelMeetingAction(_previous: MeetingFormState, formData: FormData): Promise<MeetingFormState> {
  try {
    await cancelMeeting(await getActor(), formData.get('meetingId'));
  } catch (error) {
    return refused(error, formData);
  }
  done(formData, meetingPath(formData), 'cancelled');
}

export async function refreshAgendaAction(_previous: MeetingFormState, formData: FormData): Promise<MeetingFormState> {
  try {
    await refreshAgenda(await getActor(), formData.get('meetingId'));
  } catch (error) {
    return refused(error, formData);
  }
  done(formData, meetingPath(formData), 'refreshed', 'dagordning');
}

export async function addAgendaIssueAction(_previous: MeetingFormState, formData: FormData): Promise<MeetingFormState> {
  try {
    await addAgendaIssue(await getActor(), formData.get('meetingId'), { issueNumber: text(formData, 'issueNumber') });
  } catch (error) {
    return refused(error, formData, ['issueNumber']);
  }
  done(formData, meetingPath(formData), 'itemAdded', 'dagordning');
}

export async function addAgendaTopicAction(_previous: MeetingFormState, formData: FormData): Promise<MeetingFormState> {
  try {
    await addAgendaTopic(await getActor(), formData.get('meetingId'), { title: text(formData, 'title') });
  } catch (error) {
    return refused(error, formData, ['title']);
  }
  done(formData, meetingPath(formData), 'itemAdded', 'dagordning');
}

export async function removeAgendaItemAction(_previous: MeetingFormState, formData: FormData): Promise<MeetingFormState> {
  try {
    await removeAgendaItem(await getActor(), formData.get('meetingId'), formData.get('itemId'));
  } catch (error) {
    return refused(error, formData);
  }
  done(formData, meetingPath(formData), 'itemRemoved', 'dagordning');
}

export async function moveAgendaItemAction(_previous: MeetingFormState, formData: FormData): Promise<MeetingFormState> {
  const itemId = formData.get('itemId');
  try {
    await moveAgendaItem(await getActor(), formData.get('meetingId'), itemId, { direction: text(formData, 'direction') });
  } catch (error) {
    return refused(error, formData);
  }
  done(formData, meetingPath(formData), 'itemMoved', `punkt-${encodeURIComponent(String(itemId))}`);
}

const MINUTE_FIELDS = ['decision', 'outcome', 'actionDescription', 'actionOwnerOrganizationId', 'actionFollowUp'] as const;

export async function saveMinuteAction(_previous: MeetingFormState, formData: FormData): Promise<MeetingFormState> {
  const itemId = formData.get('itemId');
  try {
    await saveMinute(await getActor(), formData.get('meetingId'), itemId, Object.fromEntries(MINUTE_FIELDS.map((name) => [name, text(formData, name)])));
  } catch (error) {
    return refused(error, formData, MINUTE_FIELDS);
  }
  done(formData, meetingPath(formData), 'minuteSaved', `punkt-${encodeURIComponent(String(itemId))}`);
}

export async function closeMeetingAction(_previous: MeetingFormState, formData: FormData): Promise<MeetingFormState> {
  try {
    await closeMeeting(await getActor(), formData.get('meetingId'));
  } catch (error) {
    return refused(error, formData);
  }
  // The page reads back from the event log which outcomes were applied and which were not.
  done(formData, meetingPath(formData), 'closed');
}
