/**
 * The permission matrix: every route handler and server action of the app, for every role,
 * on a resource of the actor's own organisation and of another one. Endpoints open to
 * everyone say why. The guard at the end fails when an endpoint exists without a row here,
 * so every feature adds its rows.
 *
 * Server actions need Next's request context (cookies), so each row probes the data-layer
 * function the endpoint calls, with the actor the endpoint would pass; the endpoints
 * themselves contain no access decisions (see docs/decisions/0005).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/authz/actor';
import { AppError, isAppError } from '@/lib/errors/app-error';
import { seedDatabase } from '@/prisma/seed/index';
import { insertInvitation } from '@/lib/accounts/invitations/mutations';
import { changeMembershipRole, changePassword, deleteOwnAccount, removeMembership, setUserDisabled, updatePreferences, updateProfile } from '@/lib/accounts/mutations';
import { exportOwnData, getOwnAccount } from '@/lib/accounts/queries';
import { updateServiceKeywords } from '@/lib/directory/keywords';
import { loadUnmetNeedsForExport } from '@/lib/directory/unmet-needs';
import { uploadImage } from '@/lib/media/assets';
import { getMediaStorage } from '@/lib/media/storage';
import { EMPTY_DOCUMENT } from '@/lib/news/document';
import { autosavePost, createPost, liftModeration, moderatePost, restoreRevision, savePost, setPublishingMode, unpublishPost } from '@/lib/news/posts';
import { createThesaurusEntry, deleteThesaurusEntry, loadDefaultThesaurusEntries, updateThesaurusEntry } from '@/lib/search/thesaurus/admin';
import { addAttachments, readAttachment } from '@/lib/workshop/attachments';
import { loadWorkshopMetrics } from '@/lib/workshop/metrics';
import { draftIssueFromSearchGap } from '@/lib/workshop/search-gaps';
import { addAgendaIssue, addAgendaTopic, cancelMeeting, closeMeeting, moveAgendaItem, refreshAgenda, removeAgendaItem, saveMinute, scheduleMeeting } from '@/lib/workshop/meetings';
import { markAllNotificationsRead, markNotificationRead } from '@/lib/notifications/mutations';
import { signCorrectionFormToken } from '@/lib/directory/correction-token';
import { handleCorrection, resendCorrectionReply, submitCorrection } from '@/lib/directory/corrections';
import { confirmOrganization, createOrganization, removeLocation, saveLocation, setOrganizationActive, updateOrganization, updateOrganizationProfile } from '@/lib/directory/organization-editor';
import {
  deleteAttribute,
  deleteCategory,
  deleteMunicipality,
  deleteTargetGroup,
  updateAttribute,
  updateCategory,
  updateMunicipality,
  updateTargetGroup,
} from '@/lib/directory/settings-admin';
import {
  actAsFiler,
  addComment,
  addInternalNote,
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
} from '@/lib/workshop/issues';
import { confirmService, createService, readServiceInput, setServiceStatus, updateService, writeServiceInput } from '@/lib/directory/service-editor';
import { emptyServiceInput } from '@/lib/directory/service-input';
import { approveProposal, proposeServiceChange, rejectProposal } from '@/lib/directory/proposals';
import { rm } from 'node:fs/promises';
import { exportDirectory } from '@/lib/directory/hsds-io/export';
import { startHsdsImport } from '@/lib/directory/hsds-io/runs';
import { useTestDatabase } from '../helpers/db';
import { findEndpoints } from '../permissions/endpoints';

const db = useTestDatabase();

let invitationCounter = 0;

/** For probes that stop at validation on purpose: INVALID_INPUT means authorization let the call through. */
async function reachedValidation(call: Promise<unknown>): Promise<void> {
  try {
    await call;
  } catch (error) {
    if (isAppError(error) && error.code === 'INVALID_INPUT') return;
    throw error;
  }
}

async function memberMembershipId(organizationId: string): Promise<string> {
  return (await db.prisma.membership.findFirstOrThrow({ where: { organizationId, role: 'MEMBER' }, orderBy: { createdAt: 'asc' } })).id;
}

/** A fresh user and membership for probes that remove one, so later probes still find theirs. */
async function throwawayMembershipId(organizationId: string): Promise<string> {
  const user = await db.prisma.user.create({ data: { email: `matrix-member-${++invitationCounter}@exempel.example`, name: 'Matris Medlem' } });
  return (await db.prisma.membership.create({ data: { userId: user.id, organizationId, role: 'MEMBER' } })).id;
}

/** A thesaurus entry only the matrix uses, so probes that change it disturb nothing else. */
async function matrixEntryId(): Promise<string> {
  const entry = await db.prisma.searchSynonym.upsert({
    where: { input: 'matrisuppslag' },
    create: { input: 'matrisuppslag', synonyms: ['matristerm'] },
    update: {},
    select: { id: true },
  });
  return entry.id;
}

/** A fresh entry for probes that delete one. */
async function throwawayEntryId(): Promise<string> {
  return (await db.prisma.searchSynonym.create({ data: { input: `matrisslask ${++invitationCounter}`, synonyms: ['matristerm'] } })).id;
}

/** The first service of the organisation, by slug: the one keyword probes act on. */
async function serviceOf(organizationId: string) {
  return db.prisma.service.findFirstOrThrow({ where: { organizationId }, orderBy: { slug: 'asc' }, select: { id: true, keywords: true } });
}

/** A suggested correction of the organisation's first service, only the matrix uses. */
async function matrixCorrection(organizationId: string, status: 'NEW' | 'HANDLED'): Promise<string> {
  const service = await serviceOf(organizationId);
  const row = await db.prisma.correctionSuggestion.create({
    data: { serviceId: service.id, topic: 'OTHER', message: 'Matrisens förslag.', status, reply: status === 'NEW' ? null : 'Matrisens svar.', handledAt: status === 'NEW' ? null : new Date() },
    select: { id: true },
  });
  return row.id;
}

/** A post of the organisation only the matrix uses, in the state the probe needs, with one revision. */
async function matrixPost(organizationId: string, status: 'DRAFT' | 'PUBLISHED' | 'UNPUBLISHED', moderationReason: string | null = null): Promise<string> {
  const n = ++invitationCounter;
  const body = EMPTY_DOCUMENT as unknown as object;
  const post = await db.prisma.newsPost.create({
    data: {
      organizationId,
      slug: `matrisnyhet-${n}`,
      title: `Matrisnyhet ${n}`,
      body,
      status,
      publishedAt: status === 'DRAFT' ? null : new Date(),
      moderationReason,
      revisions: { create: { version: 1, title: `Matrisnyhet ${n}`, summary: '', body, reason: 'SAVE' } },
    },
    select: { id: true },
  });
  return post.id;
}

/** What a refused news probe must leave untouched: the post, its revisions and the audit log. */
const postState = async (postId: string) => [
  await db.prisma.newsPost.findUnique({ where: { id: postId }, select: { title: true, status: true, version: true, moderationReason: true } }),
  await db.prisma.newsRevision.count({ where: { postId } }),
  await db.prisma.auditLog.count({ where: { entityId: postId } }),
];

const matrixFields = (title: string) => ({ title, summary: '', body: EMPTY_DOCUMENT });

const auditCount = (action: string) => db.prisma.auditLog.count({ where: { action } });

/** A planned meeting only the matrix uses, with one item ("Övriga frågor") on its agenda. */
async function matrixMeeting(): Promise<string> {
  const meeting = await db.prisma.meeting.create({
    data: {
      kind: 'WORKSHOP',
      title: `Matrismöte ${++invitationCounter}`,
      startsAt: new Date(Date.now() + 30 * 86_400_000),
      agendaItems: { create: { title: 'Övriga frågor', position: 1, reason: 'ADDED_BY_COORDINATOR' } },
    },
    select: { id: true },
  });
  return meeting.id;
}

const matrixItemId = async (meetingId: string) => (await db.prisma.agendaItem.findFirstOrThrow({ where: { meetingId }, orderBy: { position: 'asc' }, select: { id: true } })).id;

/** A sent issue of the demo network, for probes that put one on an agenda. */
const matrixIssueNumber = async () => (await db.prisma.workshopIssue.findFirstOrThrow({ where: { state: { not: 'DRAFT' } }, orderBy: { number: 'asc' }, select: { number: true } })).number;

/** What a refused meeting probe must leave untouched: the meeting, its agenda, minutes, actions and the event log. */
const meetingState = async (meetingId: string) => [
  await db.prisma.meeting.findUnique({ where: { id: meetingId } }),
  await db.prisma.agendaItem.findMany({ where: { meetingId }, orderBy: { position: 'asc' } }),
  await db.prisma.minuteEntry.findMany({ where: { meetingId }, orderBy: { id: 'asc' } }),
  await db.prisma.workshopAction.count({ where: { meetingId } }),
  await db.prisma.workshopEvent.count(),
];

/**
 * An issue of the organisation only the matrix uses, in the state the probe needs, shared with
 * the network unless said otherwise. From ASSIGNED on, the region answers it with its official
 * named, so the official is a responder in both scopes.
 */
async function matrixIssue(organizationId: string, state: 'DRAFT' | 'SUBMITTED' | 'NEEDS_INFO' | 'ASSIGNED' | 'ANSWERED' | 'RESOLVED', visibility: 'RESTRICTED' | 'NETWORK' = 'NETWORK'): Promise<string> {
  const isAssigned = ['ASSIGNED', 'ANSWERED', 'RESOLVED'].includes(state);
  const isAnswered = state === 'ANSWERED' || state === 'RESOLVED';
  const region = organizationIds.get('region-orebro-lan')!;
  const official = (actors.get('official') as { userId: string }).userId;
  const issue = await db.prisma.workshopIssue.create({
    data: {
      title: `Matrisärende ${++invitationCounter}`,
      description: 'Matrisens ärende.',
      concerns: 'REGION',
      state,
      visibility,
      filedByOrganizationId: organizationId,
      confirmedNoPersonalData: true,
      submittedAt: state === 'DRAFT' ? null : new Date(),
      dueAt: isAssigned ? new Date(Date.now() + 7 * 86_400_000) : null,
      ...(isAssigned ? { responders: { create: { organizationId: region } }, assignees: { create: { userId: official } } } : {}),
      ...(isAnswered ? { answers: { create: { organizationId: region, body: 'Matrisens svar.' } } } : {}),
    },
    select: { number: true },
  });
  return String(issue.number);
}

/** What a refused issue probe must leave untouched: the issue with everything on it, its history and the notifications. */
const issueState = async (number: string) => [
  await db.prisma.workshopIssue.findUnique({
    where: { number: Number(number) },
    include: { responders: true, assignees: true, answers: true, comments: true, internalNotes: true, events: true },
  }),
  await db.prisma.notification.count(),
];

/** An issue the actor may not read is not found (its existence is not told): that is the refusal. */
async function issueProbe(call: Promise<unknown>): Promise<void> {
  try {
    await call;
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') throw new AppError('FORBIDDEN', 'not found for this actor');
    throw error;
  }
}

const matrixIssueFields = (title: string) => ({ title, description: 'Matrisens beskrivning.', concerns: 'REGION', confirmedNoPersonalData: true });

/**
 * A notification for the probe: the actor's own (scope "own") or another person's. The data
 * layer answers another person's notification as not found, so ids tell nothing; for the
 * matrix that is a refusal.
 */
async function matrixNotification({ actor, scope }: { actor: Actor; scope: Scope }): Promise<string> {
  const owner =
    scope === 'own' && actor.kind === 'user'
      ? actor.userId
      : (await db.prisma.user.create({ data: { email: `matrix-reader-${++invitationCounter}@exempel.example`, name: 'Matris Läsare' } })).id;
  const row = await db.prisma.notification.create({
    data: { userId: owner, type: 'ISSUE_COMMENTED', title: 'Matrisärende', url: '/verkstad/1', dedupeKey: `matrix:${++invitationCounter}` },
  });
  return row.id;
}

async function notFoundIsRefused(call: Promise<unknown>): Promise<void> {
  try {
    await call;
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') throw new AppError('FORBIDDEN', 'answered as not found');
    throw error;
  }
}

/**
 * An attachment of a new sent, restricted issue of the organisation, with its file in the
 * media storage. The key follows the issue's number, so repeated runs overwrite the same few
 * small files instead of adding new ones.
 */
async function matrixAttachment(organizationId: string): Promise<string> {
  const number = await matrixIssue(organizationId, 'SUBMITTED', 'RESTRICTED');
  const storageKey = `workshop/matrix-${number}.txt`;
  const bytes = Buffer.from('Matrisens bilaga.\n');
  await getMediaStorage().put(storageKey, bytes, 'text/plain');
  const issue = await db.prisma.workshopIssue.findUniqueOrThrow({ where: { number: Number(number) }, select: { id: true } });
  const row = await db.prisma.workshopAttachment.create({
    data: { issueId: issue.id, fileName: 'matris.txt', mimeType: 'text/plain', byteSize: bytes.length, storageKey, sha256: 'matris' },
    select: { id: true },
  });
  return row.id;
}

const ROLES = ['anonymous', 'member', 'admin', 'otherMember', 'official', 'coordinator'] as const;
type RoleName = (typeof ROLES)[number];
type Scope = 'own' | 'other';

/** The demo organisation each role acts in, and the one that is "someone else's". */
const OWN_ASSOCIATION = 'kvinnojouren-linnean';
const OTHER_ASSOCIATION = 'reda-ekonomiradgivning';
const ROLE_EMAILS: Record<Exclude<RoleName, 'anonymous'>, string> = {
  member: 'medlem@lisa.example',
  admin: 'foreningsadmin@lisa.example',
  otherMember: 'medlem2@lisa.example',
  official: 'tjansteperson.region@lisa.example',
  coordinator: 'samordnare@lisa.example',
};

interface ProbeContext {
  actor: Actor;
  scope: Scope;
  /** Organisation id for the scope: the actor's own association or another one. */
  organizationId: string;
  /** What `arrange` made for this probe (a record id), or ''. */
  fixture: string;
}

type Row =
  | { access: 'public'; why: string }
  | {
      access: 'checked';
      /** Runs before the probe and before `state` is read: a record for the probe to act on. */
      arrange?: (ctx: Omit<ProbeContext, 'fixture'>) => Promise<string>;
      probe: (ctx: ProbeContext) => Promise<unknown>;
      allowed: Partial<Record<RoleName, Scope[]>>;
      /** What a refused probe must leave exactly as it was; read before and after it. */
      state?: (ctx: ProbeContext) => Promise<unknown>;
    };

/** The organisation's current fields as the editor's form sends them, so an allowed probe changes nothing that matters. */
async function organizationFormOf(organizationId: string) {
  const o = await db.prisma.organization.findUniqueOrThrow({ where: { id: organizationId }, include: { translations: true } });
  const t = (locale: string) => o.translations.find((x) => x.locale === locale);
  return {
    kind: o.kind,
    name: o.name,
    description: o.description,
    email: o.email,
    phone: o.phone,
    website: o.website,
    orgNumber: o.orgNumber,
    municipalityId: o.municipalityId,
    newsPublishingMode: o.newsPublishingMode,
    name_en: t('en')?.name,
    description_en: t('en')?.description,
    name_ar: t('ar')?.name,
    description_ar: t('ar')?.description,
  };
}

/** What a refused organisation probe must leave untouched: the organisation with its translations and locations, and the audit log. */
const organizationState = async (organizationId: string) => [
  await db.prisma.organization.findUnique({ where: { id: organizationId }, include: { translations: { orderBy: { locale: 'asc' } }, locations: { orderBy: { id: 'asc' } } } }),
  await db.prisma.auditLog.count({ where: { entityType: { in: ['Organization', 'Location'] } } }),
];

/** A fresh organisation without services, for probes that deactivate one. */
const throwawayOrganizationId = async () =>
  (await db.prisma.organization.create({ data: { kind: 'ASSOCIATION', name: 'Matrisförening', slug: `matrisforening-${++invitationCounter}` }, select: { id: true } })).id;

/** Fresh directory settings records for probes that change or delete one. */
const throwawayCategoryId = async () => (await db.prisma.category.create({ data: { slug: `matriskategori-${++invitationCounter}`, name: 'Matriskategori', icon: 'heart' } })).id;
const throwawayAttributeId = async () => (await db.prisma.attribute.create({ data: { key: `matrisegenskap-${++invitationCounter}`, name: 'Matrisegenskap' } })).id;
const throwawayMunicipalityId = async () => {
  const n = ++invitationCounter;
  return (await db.prisma.municipality.create({ data: { code: String(9000 + n), name: `Matriskommun ${n}`, slug: `matriskommun-${n}`, regionName: 'Matrisregionen' } })).id;
};
const throwawayTargetGroupId = async () => (await db.prisma.targetGroup.create({ data: { slug: `matrisgrupp-${++invitationCounter}`, name: 'Matrisgrupp' } })).id;

/** What a refused settings probe must leave untouched: the record and the audit log. */
const settingState = (find: () => Promise<unknown>) => async () => [await find(), await db.prisma.auditLog.count()];

const MATRIX: Record<string, Row> = {
  'GET /api/health': { access: 'public', why: 'reports only ok/error per component, no data' },
  // Directory (lib/search, lib/directory): published services only, the same for every actor.
  'GET /api/search': { access: 'public', why: 'searches active services only; their projection holds no address of any location' },
  'GET /api/v1/services': { access: 'public', why: 'open data: active services in HSDS, never a protected address' },
  'GET /api/v1/services/[id]': { access: 'public', why: 'open data: one active service in HSDS, never a protected address' },
  // News feeds (lib/news/feeds.ts): published posts of active associations only, the same for every actor.
  'GET /nyheter/feed.xml': { access: 'public', why: 'Atom feed of published posts only, as /nyheter shows them to anyone' },
  'GET /foreningar/[slug]/feed.xml': { access: 'public', why: "Atom feed of one active association's published posts only" },
  'GET /kalender.ics': { access: 'public', why: 'iCalendar of published events only, as /kalender shows them to anyone' },
  'lib/auth/actions.ts#signInWithPasswordAction': { access: 'public', why: 'sign-in; rate limited, same answer for unknown addresses' },
  'lib/auth/actions.ts#requestSignInLinkAction': { access: 'public', why: 'sign-in; rate limited, same answer for unknown addresses' },
  'lib/auth/actions.ts#signInWithLinkAction': { access: 'public', why: 'sign-in with a single-use token; rate limited' },
  'lib/auth/actions.ts#signOutAction': { access: 'public', why: "ends only the caller's own session" },
  // Accounts (lib/accounts). Probes that would change the seeded actors stop at validation:
  // getting past authorization to INVALID_INPUT counts as allowed (see reachedValidation).
  'GET /[locale]/konto/export': {
    access: 'checked',
    probe: ({ actor }) => exportOwnData(actor),
    allowed: { member: ['own', 'other'], admin: ['own', 'other'], otherMember: ['own', 'other'], official: ['own', 'other'], coordinator: ['own', 'other'] },
  },
  'lib/accounts/actions.ts#acceptInvitationAction': {
    access: 'public',
    why: 'the single-use token mailed to the invitee is the authority; rate limited per token and per client',
  },
  'lib/accounts/actions.ts#createInvitationAction': {
    access: 'checked',
    // The action mails the link after this; the grant is decided here.
    probe: ({ actor, organizationId }) => insertInvitation(actor, { email: `matrix${++invitationCounter}@exempel.example`, organizationId, role: 'MEMBER' }),
    allowed: { admin: ['own'], coordinator: ['own', 'other'] },
  },
  'lib/accounts/actions.ts#updateProfileAction': {
    access: 'checked',
    probe: async ({ actor }) => updateProfile(actor, { name: (await getOwnAccount(actor)).name }),
    allowed: { member: ['own', 'other'], admin: ['own', 'other'], otherMember: ['own', 'other'], official: ['own', 'other'], coordinator: ['own', 'other'] },
  },
  'lib/accounts/actions.ts#updatePreferencesAction': {
    access: 'checked',
    probe: ({ actor }) => updatePreferences(actor, { notificationMode: 'IMMEDIATE', locale: 'sv' }),
    allowed: { member: ['own', 'other'], admin: ['own', 'other'], otherMember: ['own', 'other'], official: ['own', 'other'], coordinator: ['own', 'other'] },
  },
  'lib/accounts/actions.ts#changePasswordAction': {
    access: 'checked',
    probe: ({ actor }) => reachedValidation(changePassword(actor, { currentPassword: 'inte rätt lösenord', newPassword: 'x', newPasswordConfirm: 'x' })),
    allowed: { member: ['own', 'other'], admin: ['own', 'other'], otherMember: ['own', 'other'], official: ['own', 'other'], coordinator: ['own', 'other'] },
  },
  'lib/accounts/actions.ts#deleteAccountAction': {
    access: 'checked',
    probe: ({ actor }) => reachedValidation(deleteOwnAccount(actor, { confirmEmail: 'inte.min.adress@exempel.example' })),
    allowed: { member: ['own', 'other'], admin: ['own', 'other'], otherMember: ['own', 'other'], official: ['own', 'other'], coordinator: ['own', 'other'] },
  },
  'lib/accounts/actions.ts#changeRoleAction': {
    access: 'checked',
    // The member of the organisation keeps the role MEMBER: allowed means a no-op after the check.
    probe: async ({ actor, organizationId }) => changeMembershipRole(actor, { membershipId: await memberMembershipId(organizationId), role: 'MEMBER' }),
    allowed: { coordinator: ['own', 'other'] },
  },
  'lib/accounts/actions.ts#removeMembershipAction': {
    access: 'checked',
    probe: async ({ actor, organizationId }) => removeMembership(actor, { membershipId: await throwawayMembershipId(organizationId) }),
    allowed: { coordinator: ['own', 'other'] },
  },
  'lib/accounts/actions.ts#setUserDisabledAction': {
    access: 'checked',
    // Enabling an account that is enabled: allowed means a no-op after the check.
    probe: async ({ actor, organizationId }) =>
      setUserDisabled(actor, { userId: (await db.prisma.membership.findFirstOrThrow({ where: { organizationId, role: 'MEMBER' } })).userId, disabled: false }),
    allowed: { coordinator: ['own', 'other'] },
  },
  // The thesaurus editor (lib/search/thesaurus): the coordinator's alone.
  'lib/search/thesaurus/actions.ts#createThesaurusEntryAction': {
    access: 'checked',
    arrange: async () => `matrisord ${++invitationCounter}`,
    probe: ({ actor, fixture }) => createThesaurusEntry(actor, { input: fixture, synonyms: 'matristerm', isActive: true }),
    allowed: { coordinator: ['own', 'other'] },
    state: async () => [await db.prisma.searchSynonym.count(), await auditCount('thesaurus.create')],
  },
  'lib/search/thesaurus/actions.ts#updateThesaurusEntryAction': {
    access: 'checked',
    arrange: () => matrixEntryId(),
    probe: ({ actor, fixture }) => updateThesaurusEntry(actor, fixture, { input: 'matrisuppslag', synonyms: `matristerm ${++invitationCounter}`, isActive: true }),
    allowed: { coordinator: ['own', 'other'] },
    state: async ({ fixture }) => [await db.prisma.searchSynonym.findUnique({ where: { id: fixture } }), await auditCount('thesaurus.update')],
  },
  'lib/search/thesaurus/actions.ts#deleteThesaurusEntryAction': {
    access: 'checked',
    arrange: () => throwawayEntryId(),
    probe: ({ actor, fixture }) => deleteThesaurusEntry(actor, fixture),
    allowed: { coordinator: ['own', 'other'] },
    state: async ({ fixture }) => [await db.prisma.searchSynonym.findUnique({ where: { id: fixture } }), await auditCount('thesaurus.delete')],
  },
  'lib/search/thesaurus/actions.ts#loadDefaultThesaurusAction': {
    access: 'checked',
    // One default entry missing: an allowed load puts it back, a refused one must not.
    arrange: async () => {
      const entry = await db.prisma.searchSynonym.findFirstOrThrow({ where: { isDefault: true }, orderBy: { input: 'asc' } });
      await db.prisma.searchSynonym.delete({ where: { id: entry.id } });
      return entry.input;
    },
    probe: ({ actor }) => loadDefaultThesaurusEntries(actor),
    allowed: { coordinator: ['own', 'other'] },
    state: async () => [await db.prisma.searchSynonym.count(), await auditCount('thesaurus.loadDefaults')],
  },
  // Keywords of a service (lib/directory/keywords.ts): the coordinator, and the service's own association.
  'lib/directory/keyword-actions.ts#updateServiceKeywordsAction': {
    access: 'checked',
    probe: async ({ actor, organizationId }) => {
      const service = await serviceOf(organizationId);
      return updateServiceKeywords(actor, service.id, [...service.keywords.slice(0, 20), `matrisprov ${++invitationCounter}`]);
    },
    allowed: { member: ['own'], admin: ['own'], otherMember: ['other'], coordinator: ['own', 'other'] },
    state: async ({ organizationId }) => {
      const service = await serviceOf(organizationId);
      return [
        service.keywords,
        await db.prisma.outboxMessage.count({ where: { aggregateId: service.id } }),
        await db.prisma.serviceSearchDocument.findUnique({ where: { serviceId: service.id }, select: { updatedAt: true } }),
        await auditCount('service.editKeywords'),
      ];
    },
  },
  // Images for news posts (lib/media/assets.ts). The probe stops at the alt text, after the
  // check: no image is processed and nothing is written to the media storage.
  'POST /api/media': {
    access: 'checked',
    probe: ({ actor, organizationId }) => reachedValidation(uploadImage(actor, { organizationId, altText: '', bytes: Buffer.alloc(0) })),
    allowed: { member: ['own'], admin: ['own'], otherMember: ['other'] },
    state: ({ organizationId }) => db.prisma.mediaAsset.count({ where: { organizationId } }),
  },
  'GET /media/[id]/[file]': {
    access: 'public',
    why: 'serves the resized variants of post images by a random 128-bit id, the same bytes for every actor',
  },

  // News (lib/news/posts.ts). Writing is for the post's own association; in the own
  // association (admin approves) only the admin takes posts down, in the other one (members
  // publish) members do too; moderation is the coordinator's.
  'lib/news/actions.ts#createPostAction': {
    access: 'checked',
    probe: ({ actor, organizationId }) => createPost(actor, organizationId, matrixFields(`Matrisutkast ${++invitationCounter}`)),
    allowed: { member: ['own'], admin: ['own'], otherMember: ['other'] },
    state: ({ organizationId }) => db.prisma.newsPost.count({ where: { organizationId } }),
  },
  'lib/news/actions.ts#savePostAction': {
    access: 'checked',
    arrange: ({ organizationId }) => matrixPost(organizationId, 'DRAFT'),
    probe: ({ actor, fixture }) => savePost(actor, fixture, { version: 1, fields: matrixFields('Ändrad av matrisen'), intent: 'save' }),
    allowed: { member: ['own'], admin: ['own'], otherMember: ['other'] },
    state: ({ fixture }) => postState(fixture),
  },
  'lib/news/actions.ts#autosavePostAction': {
    access: 'checked',
    arrange: ({ organizationId }) => matrixPost(organizationId, 'DRAFT'),
    probe: ({ actor, fixture }) => autosavePost(actor, fixture, { version: 1, fields: matrixFields('Autosparad av matrisen') }),
    allowed: { member: ['own'], admin: ['own'], otherMember: ['other'] },
    state: ({ fixture }) => postState(fixture),
  },
  'lib/news/actions.ts#restoreRevisionAction': {
    access: 'checked',
    arrange: ({ organizationId }) => matrixPost(organizationId, 'DRAFT'),
    probe: async ({ actor, fixture }) => {
      const revision = await db.prisma.newsRevision.findFirstOrThrow({ where: { postId: fixture }, select: { id: true } });
      return restoreRevision(actor, fixture, revision.id, 1);
    },
    allowed: { member: ['own'], admin: ['own'], otherMember: ['other'] },
    state: ({ fixture }) => postState(fixture),
  },
  'lib/news/actions.ts#unpublishPostAction': {
    access: 'checked',
    arrange: ({ organizationId }) => matrixPost(organizationId, 'PUBLISHED'),
    probe: ({ actor, fixture }) => unpublishPost(actor, fixture),
    allowed: { admin: ['own'], otherMember: ['other'], coordinator: ['own', 'other'] },
    state: ({ fixture }) => postState(fixture),
  },
  'lib/news/actions.ts#moderatePostAction': {
    access: 'checked',
    arrange: ({ organizationId }) => matrixPost(organizationId, 'PUBLISHED'),
    probe: ({ actor, fixture }) => moderatePost(actor, fixture, 'Matrisen prövar modereringen.'),
    allowed: { coordinator: ['own', 'other'] },
    state: ({ fixture }) => postState(fixture),
  },
  'lib/news/actions.ts#liftModerationAction': {
    access: 'checked',
    arrange: ({ organizationId }) => matrixPost(organizationId, 'UNPUBLISHED', 'Matrisens skäl'),
    probe: ({ actor, fixture }) => liftModeration(actor, fixture),
    allowed: { coordinator: ['own', 'other'] },
    state: ({ fixture }) => postState(fixture),
  },
  'lib/news/actions.ts#setPublishingModeAction': {
    access: 'checked',
    // Sets the mode the organisation already has: allowed means a no-op after the check.
    probe: async ({ actor, organizationId }) => {
      const { newsPublishingMode } = await db.prisma.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { newsPublishingMode: true } });
      return setPublishingMode(actor, organizationId, newsPublishingMode);
    },
    allowed: { admin: ['own'], coordinator: ['own', 'other'] },
    state: ({ organizationId }) => db.prisma.auditLog.count({ where: { entityId: organizationId } }),
  },
  // Workshop statistics (lib/workshop/metrics.ts): the CSV of the coordinator's statistics page.
  'GET /[locale]/admin/verkstad/statistik/export': {
    access: 'checked',
    probe: ({ actor }) => loadWorkshopMetrics(actor),
    allowed: { coordinator: ['own', 'other'] },
  },
  // A search that found nothing becomes a draft issue of the coordinator's association.
  'lib/workshop/search-gap-actions.ts#draftIssueFromSearchGapAction': {
    access: 'checked',
    arrange: async () => {
      const query = `matrissökning ${++invitationCounter}`;
      await db.prisma.searchStat.create({ data: { weekStart: new Date(), normalizedQuery: query, searchCount: 2, zeroResultCount: 2 } });
      return query;
    },
    probe: ({ actor, fixture }) => draftIssueFromSearchGap(actor, fixture),
    allowed: { coordinator: ['own', 'other'] },
    state: async () => [await db.prisma.workshopIssue.count(), await db.prisma.workshopEvent.count(), await db.prisma.notification.count()],
  },
  // Workshop meetings (lib/workshop/meetings.ts): the coordinator's alone. Each probe acts on
  // a planned meeting of its own; allowed probes that would change nothing still pass the check.
  'lib/workshop/meeting-actions.ts#scheduleMeetingAction': {
    access: 'checked',
    probe: ({ actor }) => scheduleMeeting(actor, { kind: 'WORKSHOP', title: `Matrismöte ${++invitationCounter}`, startsAt: '2031-05-01T13:00' }),
    allowed: { coordinator: ['own', 'other'] },
    state: async () => [await db.prisma.meeting.count(), await db.prisma.agendaItem.count()],
  },
  'lib/workshop/meeting-actions.ts#cancelMeetingAction': {
    access: 'checked',
    arrange: () => matrixMeeting(),
    probe: ({ actor, fixture }) => cancelMeeting(actor, fixture),
    allowed: { coordinator: ['own', 'other'] },
    state: ({ fixture }) => meetingState(fixture),
  },
  'lib/workshop/meeting-actions.ts#refreshAgendaAction': {
    access: 'checked',
    arrange: () => matrixMeeting(),
    probe: ({ actor, fixture }) => refreshAgenda(actor, fixture),
    allowed: { coordinator: ['own', 'other'] },
    state: ({ fixture }) => meetingState(fixture),
  },
  'lib/workshop/meeting-actions.ts#addAgendaIssueAction': {
    access: 'checked',
    arrange: () => matrixMeeting(),
    probe: async ({ actor, fixture }) => addAgendaIssue(actor, fixture, { issueNumber: await matrixIssueNumber() }),
    allowed: { coordinator: ['own', 'other'] },
    state: ({ fixture }) => meetingState(fixture),
  },
  'lib/workshop/meeting-actions.ts#addAgendaTopicAction': {
    access: 'checked',
    arrange: () => matrixMeeting(),
    probe: ({ actor, fixture }) => addAgendaTopic(actor, fixture, { title: 'Nästa möte' }),
    allowed: { coordinator: ['own', 'other'] },
    state: ({ fixture }) => meetingState(fixture),
  },
  'lib/workshop/meeting-actions.ts#removeAgendaItemAction': {
    access: 'checked',
    arrange: () => matrixMeeting(),
    probe: async ({ actor, fixture }) => removeAgendaItem(actor, fixture, await matrixItemId(fixture)),
    allowed: { coordinator: ['own', 'other'] },
    state: ({ fixture }) => meetingState(fixture),
  },
  'lib/workshop/meeting-actions.ts#moveAgendaItemAction': {
    access: 'checked',
    // The only item moves nowhere: allowed means a no-op after the check.
    arrange: () => matrixMeeting(),
    probe: async ({ actor, fixture }) => moveAgendaItem(actor, fixture, await matrixItemId(fixture), { direction: 'up' }),
    allowed: { coordinator: ['own', 'other'] },
    state: ({ fixture }) => meetingState(fixture),
  },
  'lib/workshop/meeting-actions.ts#saveMinuteAction': {
    access: 'checked',
    arrange: () => matrixMeeting(),
    probe: async ({ actor, fixture }) => saveMinute(actor, fixture, await matrixItemId(fixture), { decision: 'Matrisens beslut.' }),
    allowed: { coordinator: ['own', 'other'] },
    state: ({ fixture }) => meetingState(fixture),
  },
  'lib/workshop/meeting-actions.ts#closeMeetingAction': {
    access: 'checked',
    arrange: () => matrixMeeting(),
    probe: ({ actor, fixture }) => closeMeeting(actor, fixture),
    allowed: { coordinator: ['own', 'other'] },
    state: ({ fixture }) => meetingState(fixture),
  },
  // Attachments of workshop issues (lib/workshop/attachments.ts), on a sent, restricted issue
  // of the organisation: attaching follows the comment rule, downloading the read rule, both
  // for signed-in people only.
  'lib/workshop/attachment-actions.ts#uploadAttachmentsAction': {
    access: 'checked',
    arrange: ({ organizationId }) => matrixIssue(organizationId, 'SUBMITTED', 'RESTRICTED'),
    // Without a file: an allowed probe stops at 'attachmentRequired', after the check, and stores nothing.
    probe: ({ actor, fixture }) => issueProbe(reachedValidation(addAttachments(actor, fixture, []))),
    allowed: { member: ['own'], admin: ['own'], otherMember: ['other'], coordinator: ['own', 'other'] },
    state: async () => [await db.prisma.workshopAttachment.count(), await auditCount('issue.attach')],
  },
  'GET /media/bilagor/[id]': {
    access: 'checked',
    arrange: ({ organizationId }) => matrixAttachment(organizationId),
    probe: ({ actor, fixture }) => issueProbe(readAttachment(actor, fixture)),
    allowed: { member: ['own'], admin: ['own'], otherMember: ['other'], coordinator: ['own', 'other'] },
  },
  // The issue pages (lib/workshop/actions.ts): the filing association's own moves, the
  // coordinator's triage, the responders' answers and notes; comments for everyone who reads
  // the issue. Fixtures are network issues, so a refusal comes from the rule and not from
  // reading, except drafts and the restricted issue of the comment row.
  'lib/workshop/actions.ts#fileIssueAction': {
    access: 'checked',
    probe: ({ actor, organizationId }) => fileIssue(actor, { organizationId, fields: matrixIssueFields(`Matrisärende ${++invitationCounter}`), submit: true }),
    allowed: { member: ['own'], admin: ['own'], otherMember: ['other'] },
    state: async ({ organizationId }) => [await db.prisma.workshopIssue.count({ where: { filedByOrganizationId: organizationId } }), await db.prisma.workshopEvent.count()],
  },
  'lib/workshop/actions.ts#updateDraftAction': {
    access: 'checked',
    arrange: ({ organizationId }) => matrixIssue(organizationId, 'DRAFT'),
    probe: ({ actor, fixture }) => issueProbe(updateDraft(actor, fixture, { version: 1, fields: matrixIssueFields('Ändrad av matrisen'), submit: false })),
    allowed: { member: ['own'], admin: ['own'], otherMember: ['other'] },
    state: ({ fixture }) => issueState(fixture),
  },
  'lib/workshop/actions.ts#deleteDraftAction': {
    access: 'checked',
    arrange: ({ organizationId }) => matrixIssue(organizationId, 'DRAFT'),
    probe: ({ actor, fixture }) => issueProbe(deleteDraft(actor, fixture)),
    allowed: { member: ['own'], admin: ['own'], otherMember: ['other'] },
    state: ({ fixture }) => issueState(fixture),
  },
  'lib/workshop/actions.ts#provideInfoAction': {
    access: 'checked',
    arrange: ({ organizationId }) => matrixIssue(organizationId, 'NEEDS_INFO'),
    probe: ({ actor, fixture }) => issueProbe(actAsFiler(actor, fixture, 'provideInfo', { note: 'Matrisens komplettering.' })),
    allowed: { member: ['own'], admin: ['own'], otherMember: ['other'] },
    state: ({ fixture }) => issueState(fixture),
  },
  'lib/workshop/actions.ts#withdrawIssueAction': {
    access: 'checked',
    arrange: ({ organizationId }) => matrixIssue(organizationId, 'SUBMITTED'),
    probe: ({ actor, fixture }) => issueProbe(actAsFiler(actor, fixture, 'withdraw', { note: '' })),
    allowed: { member: ['own'], admin: ['own'], otherMember: ['other'] },
    state: ({ fixture }) => issueState(fixture),
  },
  'lib/workshop/actions.ts#confirmResolutionAction': {
    access: 'checked',
    arrange: ({ organizationId }) => matrixIssue(organizationId, 'ANSWERED'),
    probe: ({ actor, fixture }) => issueProbe(actAsFiler(actor, fixture, 'confirm', { note: '' })),
    allowed: { member: ['own'], admin: ['own'], otherMember: ['other'] },
    state: ({ fixture }) => issueState(fixture),
  },
  'lib/workshop/actions.ts#disputeResolutionAction': {
    access: 'checked',
    arrange: ({ organizationId }) => matrixIssue(organizationId, 'RESOLVED'),
    probe: ({ actor, fixture }) => issueProbe(actAsFiler(actor, fixture, 'dispute', { note: 'Inte löst enligt matrisen.' })),
    allowed: { member: ['own'], admin: ['own'], otherMember: ['other'] },
    state: ({ fixture }) => issueState(fixture),
  },
  'lib/workshop/actions.ts#triageIssueAction': {
    access: 'checked',
    arrange: ({ organizationId }) => matrixIssue(organizationId, 'SUBMITTED'),
    probe: ({ actor, fixture }) =>
      issueProbe(
        triageIssue(actor, fixture, { visibility: 'NETWORK', responderOrganizationIds: [organizationIds.get('region-orebro-lan')!], assigneeUserIds: [], dueDate: '', version: 1 }),
      ),
    allowed: { coordinator: ['own', 'other'] },
    state: ({ fixture }) => issueState(fixture),
  },
  'lib/workshop/actions.ts#requestInfoAction': {
    access: 'checked',
    arrange: ({ organizationId }) => matrixIssue(organizationId, 'SUBMITTED'),
    probe: ({ actor, fixture }) => issueProbe(requestInfo(actor, fixture, { note: 'Matrisens fråga.' })),
    allowed: { coordinator: ['own', 'other'] },
    state: ({ fixture }) => issueState(fixture),
  },
  'lib/workshop/actions.ts#markDuplicateAction': {
    access: 'checked',
    arrange: ({ organizationId }) => matrixIssue(organizationId, 'SUBMITTED'),
    probe: async ({ actor, fixture }) => issueProbe(markDuplicate(actor, fixture, { duplicateOfNumber: await matrixIssueNumber() })),
    allowed: { coordinator: ['own', 'other'] },
    state: ({ fixture }) => issueState(fixture),
  },
  'lib/workshop/actions.ts#referIssueAction': {
    access: 'checked',
    arrange: ({ organizationId }) => matrixIssue(organizationId, 'SUBMITTED'),
    probe: ({ actor, fixture }) => issueProbe(referIssue(actor, fixture, { referredTo: 'Patientnämnden' })),
    allowed: { coordinator: ['own', 'other'] },
    state: ({ fixture }) => issueState(fixture),
  },
  'lib/workshop/actions.ts#setOutcomeAction': {
    access: 'checked',
    arrange: ({ organizationId }) => matrixIssue(organizationId, 'ANSWERED'),
    probe: ({ actor, fixture }) => issueProbe(setOutcome(actor, fixture, { outcome: 'RESOLVED' })),
    allowed: { coordinator: ['own', 'other'] },
    state: ({ fixture }) => issueState(fixture),
  },
  'lib/workshop/actions.ts#reopenIssueAction': {
    access: 'checked',
    arrange: ({ organizationId }) => matrixIssue(organizationId, 'RESOLVED'),
    probe: ({ actor, fixture }) => issueProbe(reopenIssue(actor, fixture, { note: 'Matrisen öppnar igen.' })),
    allowed: { coordinator: ['own', 'other'] },
    state: ({ fixture }) => issueState(fixture),
  },
  'lib/workshop/actions.ts#answerIssueAction': {
    access: 'checked',
    arrange: ({ organizationId }) => matrixIssue(organizationId, 'ASSIGNED'),
    probe: ({ actor, fixture }) => issueProbe(answerIssue(actor, fixture, { body: 'Matrisens svar.' })),
    allowed: { official: ['own', 'other'], coordinator: ['own', 'other'] },
    state: ({ fixture }) => issueState(fixture),
  },
  'lib/workshop/actions.ts#addInternalNoteAction': {
    access: 'checked',
    arrange: ({ organizationId }) => matrixIssue(organizationId, 'ASSIGNED'),
    probe: ({ actor, fixture }) => issueProbe(addInternalNote(actor, fixture, { body: 'Matrisens anteckning.' })),
    allowed: { official: ['own', 'other'], coordinator: ['own', 'other'] },
    state: ({ fixture }) => issueState(fixture),
  },
  'lib/workshop/actions.ts#reassignIssueAction': {
    access: 'checked',
    // Leaves the region's official assigned: allowed means a no-op after the check.
    arrange: ({ organizationId }) => matrixIssue(organizationId, 'ASSIGNED'),
    probe: ({ actor, fixture }) => issueProbe(reassignIssue(actor, fixture, { assigneeUserIds: [(actors.get('official') as { userId: string }).userId] })),
    allowed: { official: ['own', 'other'], coordinator: ['own', 'other'] },
    state: ({ fixture }) => issueState(fixture),
  },
  'lib/workshop/actions.ts#addCommentAction': {
    access: 'checked',
    arrange: ({ organizationId }) => matrixIssue(organizationId, 'ASSIGNED', 'RESTRICTED'),
    probe: ({ actor, fixture }) => issueProbe(addComment(actor, fixture, { body: 'Matrisens kommentar.' })),
    allowed: { member: ['own'], admin: ['own'], otherMember: ['other'], official: ['own', 'other'], coordinator: ['own', 'other'] },
    state: ({ fixture }) => issueState(fixture),
  },
  // Notifications (lib/notifications): each person reads and marks only their own.
  'GET /[locale]/konto/aviseringar/[id]': {
    access: 'checked',
    arrange: (ctx) => matrixNotification(ctx),
    probe: ({ actor, fixture }) => notFoundIsRefused(markNotificationRead(actor, fixture)),
    allowed: { member: ['own'], admin: ['own'], otherMember: ['own'], official: ['own'], coordinator: ['own'] },
    state: ({ fixture }) => db.prisma.notification.findUnique({ where: { id: fixture }, select: { readAt: true } }),
  },
  'lib/notifications/actions.ts#markNotificationReadAction': {
    access: 'checked',
    arrange: (ctx) => matrixNotification(ctx),
    probe: ({ actor, fixture }) => notFoundIsRefused(markNotificationRead(actor, fixture)),
    allowed: { member: ['own'], admin: ['own'], otherMember: ['own'], official: ['own'], coordinator: ['own'] },
    state: ({ fixture }) => db.prisma.notification.findUnique({ where: { id: fixture }, select: { readAt: true } }),
  },
  'lib/notifications/actions.ts#markAllNotificationsReadAction': {
    access: 'checked',
    // Only ever the actor's own rows, whatever the scope; a refused call leaves even another person's row unread.
    arrange: (ctx) => matrixNotification({ ...ctx, scope: 'other' }),
    probe: ({ actor }) => markAllNotificationsRead(actor),
    allowed: { member: ['own', 'other'], admin: ['own', 'other'], otherMember: ['own', 'other'], official: ['own', 'other'], coordinator: ['own', 'other'] },
    state: ({ fixture }) => db.prisma.notification.findUnique({ where: { id: fixture }, select: { readAt: true } }),
  },
  // Suggested corrections (lib/directory/corrections.ts): anyone suggests, with or without an
  // account, for any active service; only the coordinator handles the queue.
  'lib/directory/correction-actions.ts#submitCorrectionAction': {
    access: 'checked',
    probe: async ({ actor, organizationId }) => {
      const service = await serviceOf(organizationId);
      const now = new Date();
      // The form as the public page renders it, sent a minute later by whoever is (or is not) signed in.
      return submitCorrection(
        actor,
        service.id,
        { topic: 'OTHER', message: 'Matrisens förslag på rättelse.', formToken: signCorrectionFormToken(service.id, new Date(now.getTime() - 60_000)) },
        { clientKey: `matrix-${++invitationCounter}`, now },
      );
    },
    allowed: {
      anonymous: ['own', 'other'],
      member: ['own', 'other'],
      admin: ['own', 'other'],
      otherMember: ['own', 'other'],
      official: ['own', 'other'],
      coordinator: ['own', 'other'],
    },
  },
  'lib/directory/correction-actions.ts#handleCorrectionAction': {
    access: 'checked',
    arrange: async ({ organizationId }) => matrixCorrection(organizationId, 'NEW'),
    probe: ({ actor, fixture }) => handleCorrection(actor, fixture, { outcome: 'HANDLED', reply: 'Matrisens svar.' }),
    allowed: { coordinator: ['own', 'other'] },
    state: async ({ fixture }) => [
      await db.prisma.correctionSuggestion.findUnique({ where: { id: fixture }, select: { status: true, reply: true, handledAt: true, handledById: true } }),
      await db.prisma.auditLog.count({ where: { action: 'correction.handle', entityId: fixture } }),
    ],
  },
  'lib/directory/correction-actions.ts#resendCorrectionReplyAction': {
    access: 'checked',
    // A decided suggestion without an address: past the check, the data layer answers CONFLICT and mails nothing.
    arrange: async ({ organizationId }) => matrixCorrection(organizationId, 'HANDLED'),
    probe: async ({ actor, fixture }) => {
      try {
        await resendCorrectionReply(actor, fixture);
      } catch (error) {
        if (isAppError(error) && error.code === 'CONFLICT') return;
        throw error;
      }
    },
    allowed: { coordinator: ['own', 'other'] },
    state: ({ fixture }) => db.prisma.correctionSuggestion.findUnique({ where: { id: fixture }, select: { repliedAt: true } }),
  },
  // Listing freshness (lib/directory/freshness.ts): the mailed "still correct" link.
  'lib/directory/freshness-actions.ts#confirmListingAction': {
    access: 'public',
    why: 'the single-use, expiring token mailed to the organisation is the permission: 256 random bits stored only as a hash; it confirms only its own listing',
  },
  // Organisation editor (lib/directory/organization-editor.ts): the coordinator's; an
  // association admin changes the profile texts of their own organisation only.
  'lib/directory/organization-actions.ts#createOrganizationAction': {
    access: 'checked',
    probe: ({ actor }) => createOrganization(actor, { kind: 'ASSOCIATION', name: `Matrisförening ${++invitationCounter}` }),
    allowed: { coordinator: ['own', 'other'] },
    state: async () => [await db.prisma.organization.count(), await auditCount('organization.create')],
  },
  'lib/directory/organization-actions.ts#updateOrganizationAction': {
    access: 'checked',
    probe: async ({ actor, organizationId }) => updateOrganization(actor, organizationId, await organizationFormOf(organizationId)),
    allowed: { coordinator: ['own', 'other'] },
    state: ({ organizationId }) => organizationState(organizationId),
  },
  'lib/directory/organization-actions.ts#updateOrganizationProfileAction': {
    access: 'checked',
    probe: async ({ actor, organizationId }) => updateOrganizationProfile(actor, organizationId, await organizationFormOf(organizationId)),
    allowed: { admin: ['own'], coordinator: ['own', 'other'] },
    state: ({ organizationId }) => organizationState(organizationId),
  },
  'lib/directory/organization-actions.ts#confirmOrganizationAction': {
    access: 'checked',
    probe: ({ actor, organizationId }) => confirmOrganization(actor, organizationId),
    allowed: { coordinator: ['own', 'other'] },
    state: ({ organizationId }) => organizationState(organizationId),
  },
  'lib/directory/organization-actions.ts#setOrganizationActiveAction': {
    access: 'checked',
    arrange: () => throwawayOrganizationId(),
    probe: ({ actor, fixture }) => setOrganizationActive(actor, fixture, { isActive: false }),
    allowed: { coordinator: ['own', 'other'] },
    state: ({ fixture }) => organizationState(fixture),
  },
  'lib/directory/organization-actions.ts#saveLocationAction': {
    access: 'checked',
    probe: ({ actor, organizationId }) => saveLocation(actor, organizationId, null, { name: `Matrisplats ${++invitationCounter}`, isProtected: 'on' }),
    allowed: { coordinator: ['own', 'other'] },
    state: ({ organizationId }) => organizationState(organizationId),
  },
  'lib/directory/organization-actions.ts#removeLocationAction': {
    access: 'checked',
    arrange: async ({ organizationId }) => (await db.prisma.location.create({ data: { organizationId, name: `Matrisplats ${++invitationCounter}` } })).id,
    probe: ({ actor, fixture }) => removeLocation(actor, fixture),
    allowed: { coordinator: ['own', 'other'] },
    state: ({ organizationId }) => organizationState(organizationId),
  },
  // Directory settings (lib/directory/settings-admin.ts): the coordinator's alone. A save
  // action creates or changes; the probe changes a record of its own (the same check).
  'lib/directory/settings-actions.ts#saveCategoryAction': {
    access: 'checked',
    arrange: () => throwawayCategoryId(),
    probe: ({ actor, fixture }) => updateCategory(actor, fixture, { name: 'Matriskategori omdöpt', icon: 'leaf', isActive: 'on' }),
    allowed: { coordinator: ['own', 'other'] },
    state: ({ fixture }) => settingState(() => db.prisma.category.findUnique({ where: { id: fixture }, include: { translations: true } }))(),
  },
  'lib/directory/settings-actions.ts#deleteCategoryAction': {
    access: 'checked',
    arrange: () => throwawayCategoryId(),
    probe: ({ actor, fixture }) => deleteCategory(actor, fixture),
    allowed: { coordinator: ['own', 'other'] },
    state: ({ fixture }) => settingState(() => db.prisma.category.findUnique({ where: { id: fixture } }))(),
  },
  'lib/directory/settings-actions.ts#saveAttributeAction': {
    access: 'checked',
    arrange: () => throwawayAttributeId(),
    probe: ({ actor, fixture }) => updateAttribute(actor, fixture, { name: 'Matrisegenskap omdöpt', isFilter: 'on' }),
    allowed: { coordinator: ['own', 'other'] },
    state: ({ fixture }) => settingState(() => db.prisma.attribute.findUnique({ where: { id: fixture }, include: { translations: true } }))(),
  },
  'lib/directory/settings-actions.ts#deleteAttributeAction': {
    access: 'checked',
    arrange: () => throwawayAttributeId(),
    probe: ({ actor, fixture }) => deleteAttribute(actor, fixture),
    allowed: { coordinator: ['own', 'other'] },
    state: ({ fixture }) => settingState(() => db.prisma.attribute.findUnique({ where: { id: fixture } }))(),
  },
  'lib/directory/settings-actions.ts#saveMunicipalityAction': {
    access: 'checked',
    arrange: () => throwawayMunicipalityId(),
    probe: async ({ actor, fixture }) => {
      const current = await db.prisma.municipality.findUniqueOrThrow({ where: { id: fixture } });
      return updateMunicipality(actor, fixture, { name: `${current.name} omdöpt`, code: current.code, regionName: current.regionName, isActive: 'on' });
    },
    allowed: { coordinator: ['own', 'other'] },
    state: ({ fixture }) => settingState(() => db.prisma.municipality.findUnique({ where: { id: fixture } }))(),
  },
  'lib/directory/settings-actions.ts#deleteMunicipalityAction': {
    access: 'checked',
    arrange: () => throwawayMunicipalityId(),
    probe: ({ actor, fixture }) => deleteMunicipality(actor, fixture),
    allowed: { coordinator: ['own', 'other'] },
    state: ({ fixture }) => settingState(() => db.prisma.municipality.findUnique({ where: { id: fixture } }))(),
  },
  'lib/directory/settings-actions.ts#saveTargetGroupAction': {
    access: 'checked',
    arrange: () => throwawayTargetGroupId(),
    probe: ({ actor, fixture }) => updateTargetGroup(actor, fixture, { name: 'Matrisgrupp omdöpt', name_en: 'Matrix group' }),
    allowed: { coordinator: ['own', 'other'] },
    state: ({ fixture }) => settingState(() => db.prisma.targetGroup.findUnique({ where: { id: fixture }, include: { translations: true } }))(),
  },
  'lib/directory/settings-actions.ts#deleteTargetGroupAction': {
    access: 'checked',
    arrange: () => throwawayTargetGroupId(),
    probe: ({ actor, fixture }) => deleteTargetGroup(actor, fixture),
    allowed: { coordinator: ['own', 'other'] },
    state: ({ fixture }) => settingState(() => db.prisma.targetGroup.findUnique({ where: { id: fixture } }))(),
  },
  // Unmet-needs report (lib/directory/unmet-needs.ts): the coordinator's alone; the action is
  // the workshop's own step from a search that found nothing to a draft issue.
  'GET /[locale]/admin/behov/export': {
    access: 'checked',
    probe: ({ actor }) => loadUnmetNeedsForExport(actor),
    allowed: { coordinator: ['own', 'other'] },
  },
  'lib/directory/unmet-needs-actions.ts#draftIssueFromUnmetNeedAction': {
    access: 'checked',
    arrange: async () => {
      const query = `matrisbehov ${++invitationCounter}`;
      await db.prisma.searchStat.create({ data: { weekStart: new Date(), normalizedQuery: query, searchCount: 3, zeroResultCount: 2, lowResultCount: 1 } });
      return query;
    },
    probe: ({ actor, fixture }) => draftIssueFromSearchGap(actor, fixture),
    allowed: { coordinator: ['own', 'other'] },
    state: async () => [await db.prisma.workshopIssue.count(), await db.prisma.workshopEvent.count(), await db.prisma.notification.count()],
  },
  // The coordinator's service editor (lib/directory/service-editor.ts): the coordinator's alone.
  'lib/directory/service-actions.ts#createServiceAction': {
    access: 'checked',
    probe: async ({ actor, organizationId }) => createService(actor, await matrixServiceInput(organizationId)),
    allowed: { coordinator: ['own', 'other'] },
    state: async () => [await db.prisma.service.count(), await db.prisma.serviceSearchDocument.count(), await auditCount('service.create')],
  },
  'lib/directory/service-actions.ts#updateServiceAction': {
    access: 'checked',
    arrange: ({ organizationId }) => matrixServiceId(organizationId),
    probe: async ({ actor, fixture }) => {
      const loaded = await readServiceInput(db.prisma, fixture);
      return updateService(actor, fixture, { ...loaded.input, summary: `Matrisens sammanfattning ${++invitationCounter}.` }, loaded.version);
    },
    allowed: { coordinator: ['own', 'other'] },
    state: async ({ fixture }) => [await readServiceInput(db.prisma, fixture), await db.prisma.outboxMessage.count({ where: { aggregateId: fixture } }), await auditCount('service.update')],
  },
  'lib/directory/service-actions.ts#confirmServiceAction': {
    access: 'checked',
    arrange: ({ organizationId }) => matrixServiceId(organizationId),
    probe: ({ actor, fixture }) => confirmService(actor, fixture),
    allowed: { coordinator: ['own', 'other'] },
    state: async ({ fixture }) => [
      await db.prisma.service.findUnique({ where: { id: fixture }, select: { lastConfirmedAt: true, lastConfirmedById: true } }),
      await auditCount('service.confirm'),
    ],
  },
  'lib/directory/service-actions.ts#setServiceStatusAction': {
    access: 'checked',
    arrange: ({ organizationId }) => matrixServiceId(organizationId),
    probe: ({ actor, fixture }) => setServiceStatus(actor, fixture, 'INACTIVE'),
    allowed: { coordinator: ['own', 'other'] },
    state: async ({ fixture }) => [
      await db.prisma.service.findUnique({ where: { id: fixture }, select: { status: true } }),
      await db.prisma.serviceSearchDocument.count({ where: { serviceId: fixture } }),
      await auditCount('service.setStatus'),
    ],
  },
  // HSDS import and export (lib/directory/hsds-io): the coordinator's alone.
  'GET /admin/export/hsds.json': {
    access: 'checked',
    probe: ({ actor }) => exportDirectory(actor, 'json'),
    allowed: { coordinator: ['own', 'other'] },
  },
  'GET /admin/export/hsds-csv.zip': {
    access: 'checked',
    probe: ({ actor }) => exportDirectory(actor, 'csv'),
    allowed: { coordinator: ['own', 'other'] },
  },
  'lib/directory/hsds-io/actions.ts#startHsdsImportAction': {
    access: 'checked',
    // Runs the matrix started are never run; closing them lets the next probe start one.
    arrange: async () => {
      await db.prisma.importRun.updateMany({ where: { status: 'VALIDATING' }, data: { status: 'FAILED' } });
      return '';
    },
    probe: async ({ actor }) => {
      const started = await startHsdsImport(actor, { name: 'matris.json', bytes: new TextEncoder().encode('{"hsds_version": "3.0"}') });
      await rm(started.filePath, { force: true });
    },
    allowed: { coordinator: ['own', 'other'] },
    state: async () => [await db.prisma.importRun.count(), await auditCount('hsds.import.start')],
  },
  // Change proposals (lib/directory/proposals.ts): an association's members and admins propose
  // for their own association only; the coordinator alone reviews.
  'lib/directory/proposal-actions.ts#proposeServiceChangeAction': {
    access: 'checked',
    arrange: ({ organizationId }) => matrixServiceId(organizationId),
    probe: async ({ actor, fixture }) => {
      const loaded = await readServiceInput(db.prisma, fixture);
      return proposeServiceChange(actor, { serviceId: fixture }, { ...loaded.input, summary: `Matrisens förslag ${++invitationCounter}.` });
    },
    allowed: { member: ['own'], admin: ['own'], otherMember: ['other'] },
    state: async ({ fixture }) => [
      await readServiceInput(db.prisma, fixture),
      await db.prisma.serviceChangeProposal.count({ where: { serviceId: fixture } }),
      await db.prisma.notification.count(),
      await auditCount('proposal.submit'),
    ],
  },
  'lib/directory/proposal-actions.ts#proposeNewServiceAction': {
    access: 'checked',
    probe: async ({ actor, organizationId }) => proposeServiceChange(actor, { organizationId }, await matrixServiceInput(organizationId)),
    allowed: { member: ['own'], admin: ['own'], otherMember: ['other'] },
    state: async () => [await db.prisma.serviceChangeProposal.count(), await db.prisma.service.count(), await db.prisma.notification.count(), await auditCount('proposal.submit')],
  },
  'lib/directory/proposal-actions.ts#approveProposalAction': {
    access: 'checked',
    arrange: ({ organizationId }) => matrixProposal(organizationId),
    probe: ({ actor, fixture }) => approveProposal(actor, fixture),
    allowed: { coordinator: ['own', 'other'] },
    state: ({ fixture }) => proposalState(fixture),
  },
  'lib/directory/proposal-actions.ts#approveEditedProposalAction': {
    access: 'checked',
    arrange: ({ organizationId }) => matrixProposal(organizationId),
    probe: async ({ actor, fixture }) => {
      const { payload } = await db.prisma.serviceChangeProposal.findUniqueOrThrow({ where: { id: fixture }, select: { payload: true } });
      const proposed = (payload as { proposed: Record<string, unknown> }).proposed;
      return approveProposal(actor, fixture, { ...proposed, summary: `Samordnarens version ${++invitationCounter}.` });
    },
    allowed: { coordinator: ['own', 'other'] },
    state: ({ fixture }) => proposalState(fixture),
  },
  'lib/directory/proposal-actions.ts#rejectProposalAction': {
    access: 'checked',
    arrange: ({ organizationId }) => matrixProposal(organizationId),
    probe: ({ actor, fixture }) => rejectProposal(actor, fixture, 'Matrisens avslag.'),
    allowed: { coordinator: ['own', 'other'] },
    state: ({ fixture }) => proposalState(fixture),
  },
};

/** A service input only the matrix uses, for the organisation. */
async function matrixServiceInput(organizationId: string) {
  const category = await db.prisma.category.findFirstOrThrow({ orderBy: { slug: 'asc' }, select: { id: true } });
  return { ...emptyServiceInput(organizationId), name: `Matristjänst ${++invitationCounter}`, summary: 'Matrisens tjänst.', description: 'Matrisens beskrivning.', primaryCategoryId: category.id };
}

/** A fresh active service of the organisation, for probes that change or deactivate one. */
async function matrixServiceId(organizationId: string): Promise<string> {
  const input = await matrixServiceInput(organizationId);
  return (await db.prisma.$transaction((tx) => writeServiceInput(tx, null, input))).id;
}

/** A pending proposal to change a fresh service of the organisation, only the matrix uses. */
async function matrixProposal(organizationId: string): Promise<string> {
  const serviceId = await matrixServiceId(organizationId);
  const loaded = await readServiceInput(db.prisma, serviceId);
  const payload = { base: loaded.input, baseVersion: loaded.version, proposed: { ...loaded.input, summary: `Matrisens förslag ${++invitationCounter}.` }, revision: 1 };
  return (await db.prisma.serviceChangeProposal.create({ data: { serviceId, organizationId, payload }, select: { id: true } })).id;
}

/** What a refused review must leave untouched: the proposal, its listing, notifications and the audit log. */
async function proposalState(proposalId: string) {
  const proposal = await db.prisma.serviceChangeProposal.findUniqueOrThrow({ where: { id: proposalId }, select: { status: true, reviewMessage: true, reviewedAt: true, reviewedById: true, serviceId: true } });
  return [
    proposal,
    proposal.serviceId ? await readServiceInput(db.prisma, proposal.serviceId) : null,
    await db.prisma.notification.count(),
    await db.prisma.auditLog.count({ where: { entityId: proposalId } }),
  ];
}

const actors = new Map<RoleName, Actor>();
const organizationIds = new Map<string, string>();

beforeAll(async () => {
  await seedDatabase(db.prisma);
  actors.set('anonymous', { kind: 'anonymous' });
  for (const [role, email] of Object.entries(ROLE_EMAILS)) {
    const user = await db.prisma.user.findUniqueOrThrow({
      where: { email },
      select: { id: true, memberships: { select: { organizationId: true, role: true } } },
    });
    actors.set(role as RoleName, { kind: 'user', userId: user.id, memberships: user.memberships });
  }
  for (const org of await db.prisma.organization.findMany({ select: { id: true, slug: true } })) organizationIds.set(org.slug, org.id);
}, 180_000);

const checkedRows = Object.entries(MATRIX).filter((entry): entry is [string, Extract<Row, { access: 'checked' }>] => entry[1].access === 'checked');

describe.each(checkedRows)('%s', (_endpoint, row) => {
  it.each(ROLES.flatMap((role) => (['own', 'other'] as const).map((scope) => [role, scope] as const)))(
    'as %s on a resource of %s organisation',
    async (role, scope) => {
      const expected = row.allowed[role]?.includes(scope) ?? false;
      const place = {
        actor: actors.get(role)!,
        scope,
        organizationId: organizationIds.get(scope === 'own' ? OWN_ASSOCIATION : OTHER_ASSOCIATION)!,
      };
      const ctx: ProbeContext = { ...place, fixture: (await row.arrange?.(place)) ?? '' };
      const before = await row.state?.(ctx);
      let outcome: 'allowed' | 'refused';
      try {
        await row.probe(ctx);
        outcome = 'allowed';
      } catch (error) {
        if (!isAppError(error) || !['FORBIDDEN', 'UNAUTHENTICATED'].includes(error.code)) throw error;
        outcome = 'refused';
      }
      expect(outcome).toBe(expected ? 'allowed' : 'refused');
      // A refusal writes nothing: not the record, not the search index, not the audit log.
      if (outcome === 'refused' && row.state) expect(await row.state(ctx)).toEqual(before);
    },
  );
});

describe('the permission matrix', () => {
  it('has a row for every route handler and server action, and no row for anything gone', () => {
    const { routes, actions } = findEndpoints();
    expect(Object.keys(MATRIX).sort()).toEqual([...routes, ...actions].sort());
  });

  it('finds no server action defined inline in a component or page', () => {
    expect(findEndpoints().inlineActions).toEqual([]);
  });

  it('says why each public endpoint needs no permission', () => {
    for (const [endpoint, row] of Object.entries(MATRIX)) {
      if (row.access === 'public') expect(row.why.length, endpoint).toBeGreaterThan(10);
    }
  });
});
