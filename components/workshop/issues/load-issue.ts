import { notFound } from 'next/navigation';
import { cache } from 'react';
import { requireSignedIn } from '@/lib/auth/session';
import { can } from '@/lib/authz/policy';
import { isAppError } from '@/lib/errors/app-error';
import { getIssue, getTriageOptions, type IssueDetail, type TriageOptions } from '@/lib/workshop/queries';
import { stateVocabularyFor, type StateVocabulary } from './issue-state';
import type { AnsweringOrganization } from './issue-work';

export interface LoadedIssuePage {
  issue: IssueDetail;
  vocabulary: StateVocabulary;
  /** The coordinator's triage choices (null when the reader may not triage). */
  triage: TriageOptions | null;
  /** The organisations the reader answers for. */
  answerFor: AnsweringOrganization[];
  /** An official's own organisations among the responders, with their officials. */
  reassign: TriageOptions['responders'];
}

/**
 * The issue at /verkstad/[nummer] and its editor, shared by the metadata and the page. A
 * resident is sent to sign in; an issue the reader may not see is the not-found page, the
 * same as one that does not exist.
 */
export const loadIssuePage = cache(async (returnTo: string, number: string): Promise<LoadedIssuePage> => {
  const actor = await requireSignedIn(returnTo);
  let issue: IssueDetail;
  try {
    issue = await getIssue(actor, number);
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
  const facts = {
    filedByOrganizationId: issue.filedBy.id,
    visibility: issue.visibility,
    responderOrganizationIds: issue.responders.map((r) => r.id),
    assigneeUserIds: issue.assignees.map((a) => a.id),
  };
  const isCoordinator = can(actor, 'issue.triage', null);
  const needsOfficials = issue.can.triage || (issue.can.reassign && !isCoordinator);
  const options = needsOfficials ? await getTriageOptions(actor) : null;
  const responderIds = new Set(facts.responderOrganizationIds);
  const officialOf = new Set(actor.memberships.filter((m) => m.role === 'OFFICIAL').map((m) => m.organizationId));
  const ownResponders = issue.responders.filter((r) => officialOf.has(r.id));
  // The coordinator may write an answer on behalf of any responder; an official for their own organisation.
  const answering = issue.can.answer ? (ownResponders.length > 0 ? ownResponders : isCoordinator ? issue.responders : []) : [];
  return {
    issue,
    vocabulary: stateVocabularyFor(actor, can(actor, 'issue.actAsFiler', facts)),
    triage: issue.can.triage ? options : null,
    answerFor: answering.map((r) => ({ id: r.id, name: r.name, existing: issue.answers.find((a) => a.organizationId === r.id)?.body ?? null })),
    reassign: issue.can.reassign && !isCoordinator && options ? options.responders.filter((r) => responderIds.has(r.id)) : [],
  };
});
