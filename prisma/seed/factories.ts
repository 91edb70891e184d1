/**
 * Factories that write one whole entity (with its children) from a seed-shaped input.
 * The seed and the tests use the same functions, so test data looks like demo data.
 */
import type { PrismaClient } from '../../lib/generated/prisma/client';
import type { IssueState, WorkshopEventType } from '../../lib/generated/prisma/enums';
import { hashPassword } from '../../lib/auth/password';
import { instantOfWallClock, parseClock, wallClockAt } from '../../lib/time/zoned';
import { refreshPostSearch } from '../../lib/news/posts';
import { paragraphsToTiptap } from './tiptap';
import type { Clock, SeedIssue, SeedMeeting, SeedOrganization, SeedPost, SeedService, SeedUser } from './types';

export type Tx = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

const DAY = 24 * 60 * 60 * 1000;

export function daysFrom(now: Date, days: number): Date {
  return new Date(now.getTime() + days * DAY);
}

/** The instant of "HH:MM" in Stockholm on the calendar day `days` after `now`. */
export function stockholmTime(now: Date, days: number, clock: Clock): Date {
  const day = wallClockAt(daysFrom(now, days));
  const minutes = parseClock(clock);
  return instantOfWallClock(day.year, day.month, day.day, Math.floor(minutes / 60), minutes % 60);
}

/** A date-only value (for @db.Date columns) for the Stockholm calendar day `days` after `now`. */
export function stockholmDate(now: Date, days: number): Date {
  const day = wallClockAt(daysFrom(now, days));
  return new Date(Date.UTC(day.year, day.month - 1, day.day));
}

const LOOKUP_KINDS = ['organization', 'municipality', 'category', 'targetGroup', 'attribute', 'user', 'service', 'topic', 'workshopCategory', 'issue'];

/** Resolves natural keys (slugs, codes, e-mails) to ids; throws on a dangling reference. */
export class Lookup {
  private readonly maps = new Map<string, Map<string, string>>();

  constructor(private readonly db: Tx) {}

  /**
   * Loads every map up front. Factories then resolve keys from memory, which matters inside
   * an interactive transaction on PGlite: a query on the outer client would wait for the
   * transaction, which waits for the query.
   */
  async preload(): Promise<this> {
    for (const kind of LOOKUP_KINDS) await this.map(kind);
    return this;
  }

  private async map(kind: string): Promise<Map<string, string>> {
    let m = this.maps.get(kind);
    if (m) return m;
    let rows: { key: string; id: string }[];
    switch (kind) {
      case 'organization':
        rows = (await this.db.organization.findMany({ select: { slug: true, id: true } })).map((r) => ({ key: r.slug, id: r.id }));
        break;
      case 'municipality':
        rows = (await this.db.municipality.findMany({ select: { code: true, id: true } })).map((r) => ({ key: r.code, id: r.id }));
        break;
      case 'category':
        rows = (await this.db.category.findMany({ select: { slug: true, id: true } })).map((r) => ({ key: r.slug, id: r.id }));
        break;
      case 'targetGroup':
        rows = (await this.db.targetGroup.findMany({ select: { slug: true, id: true } })).map((r) => ({ key: r.slug, id: r.id }));
        break;
      case 'attribute':
        rows = (await this.db.attribute.findMany({ select: { key: true, id: true } })).map((r) => ({ key: r.key, id: r.id }));
        break;
      case 'user':
        rows = (await this.db.user.findMany({ select: { email: true, id: true } })).map((r) => ({ key: r.email, id: r.id }));
        break;
      case 'service':
        rows = (await this.db.service.findMany({ select: { slug: true, id: true } })).map((r) => ({ key: r.slug, id: r.id }));
        break;
      case 'topic':
        rows = (await this.db.newsTopic.findMany({ select: { slug: true, id: true } })).map((r) => ({ key: r.slug, id: r.id }));
        break;
      case 'workshopCategory':
        rows = (await this.db.workshopCategory.findMany({ select: { slug: true, id: true } })).map((r) => ({ key: r.slug, id: r.id }));
        break;
      case 'issue':
        rows = (await this.db.workshopIssue.findMany({ select: { title: true, id: true } })).map((r) => ({ key: r.title, id: r.id }));
        break;
      default:
        throw new Error(`Unknown lookup kind ${kind}`);
    }
    m = new Map(rows.map((r) => [r.key, r.id]));
    this.maps.set(kind, m);
    return m;
  }

  async id(kind: string, key: string): Promise<string> {
    const id = (await this.map(kind)).get(key);
    if (!id) throw new Error(`Seed data refers to a missing ${kind}: ${key}`);
    return id;
  }

  async has(kind: string, key: string): Promise<boolean> {
    return (await this.map(kind)).has(key);
  }

  /** Records an id created after the map was loaded. */
  async remember(kind: string, key: string, id: string): Promise<void> {
    (await this.map(kind)).set(key, id);
  }
}

export async function createOrganization(db: Tx, input: SeedOrganization, lookup: Lookup, now: Date): Promise<string> {
  const org = await db.organization.create({
    data: {
      kind: input.kind,
      name: input.name,
      slug: input.slug,
      description: input.description,
      email: input.email,
      phone: input.phone,
      website: input.website,
      orgNumber: input.orgNumber,
      municipalityId: input.municipality ? await lookup.id('municipality', input.municipality) : undefined,
      newsPublishingMode: input.newsPublishingMode,
      lastConfirmedAt: now,
      translations: {
        create: Object.entries(input.translations ?? {}).map(([locale, t]) => ({ locale, ...t })),
      },
    },
    select: { id: true },
  });
  await lookup.remember('organization', input.slug, org.id);
  return org.id;
}

export async function createUser(db: Tx, input: SeedUser, lookup: Lookup, password: string | null): Promise<string> {
  const user = await db.user.create({
    data: {
      email: input.email.toLowerCase(),
      name: input.name,
      passwordHash: password ? await hashPassword(password) : null,
      emailVerified: new Date(),
      memberships: {
        create: await Promise.all(
          input.memberships.map(async (m) => ({ role: m.role, organizationId: await lookup.id('organization', m.organization) })),
        ),
      },
    },
    select: { id: true },
  });
  await lookup.remember('user', input.email.toLowerCase(), user.id);
  return user.id;
}

function schedulePeriods(input: SeedService) {
  return input.schedule.flatMap((period) => {
    const opens = parseClock(period.opens);
    let closes = parseClock(period.closes);
    // A period that closes at or before it opens runs past midnight into the next day.
    if (closes <= opens) closes += 1440;
    return period.days.map((weekday) => ({ weekday, opensMinute: opens, closesMinute: closes, description: period.description }));
  });
}

export async function createService(db: Tx, input: SeedService, lookup: Lookup, now: Date): Promise<string> {
  const organizationId = await lookup.id('organization', input.organization);
  const ids = async (kind: string, keys: string[]) => Promise.all(keys.map((k) => lookup.id(kind, k)));
  const [categoryIds, targetGroupIds, attributeIds, areaIds] = await Promise.all([
    ids('category', input.categories),
    ids('targetGroup', input.targetGroups),
    ids('attribute', input.attributes),
    ids('municipality', input.areas),
  ]);
  const service = await db.service.create({
    data: {
      organizationId,
      slug: input.slug,
      name: input.name,
      alternateName: input.alternateName,
      summary: input.summary,
      description: input.description,
      easyReadSummary: input.easyReadSummary,
      applicationProcess: input.applicationProcess,
      eligibilityDescription: input.eligibilityDescription,
      minimumAge: input.minimumAge,
      maximumAge: input.maximumAge,
      isFree: input.isFree,
      feesDescription: input.feesDescription,
      email: input.email,
      url: input.url,
      keywords: input.keywords ?? [],
      lastConfirmedAt: daysFrom(now, -input.confirmedDaysAgo),
      categories: { create: categoryIds.map((categoryId, i) => ({ categoryId, isPrimary: i === 0 })) },
      targetGroups: { create: targetGroupIds.map((targetGroupId) => ({ targetGroupId })) },
      attributes: { create: attributeIds.map((attributeId) => ({ attributeId })) },
      languages: { create: input.languages.map((languageCode) => ({ languageCode })) },
      areas: { create: areaIds.map((municipalityId) => ({ municipalityId })) },
      phones: { create: input.phones.map((p) => ({ number: p.number, kind: p.kind, description: p.description })) },
      schedules: { create: schedulePeriods(input) },
      scheduleExceptions: {
        create: (input.exceptions ?? []).map((e) => ({
          date: stockholmDate(now, e.inDays),
          isClosed: e.isClosed,
          opensMinute: e.opens ? parseClock(e.opens) : null,
          closesMinute: e.closes ? parseClock(e.closes) : null,
          reason: e.reason,
        })),
      },
      translations: {
        create: Object.entries(input.translations ?? {}).map(([locale, t]) => ({ locale, ...t })),
      },
    },
    select: { id: true },
  });
  if (input.location) {
    const l = input.location;
    const location = await db.location.create({
      data: {
        organizationId,
        name: l.name,
        // A protected location keeps no address at all, so nothing can leak it.
        addressLine1: l.isProtected ? null : l.addressLine1,
        postalCode: l.isProtected ? null : l.postalCode,
        city: l.isProtected ? null : l.city,
        latitude: l.isProtected ? null : l.latitude,
        longitude: l.isProtected ? null : l.longitude,
        municipalityId: await lookup.id('municipality', l.municipality),
        isProtected: l.isProtected ?? false,
        accessibilityDescription: l.accessibilityDescription,
        transportation: l.transportation,
      },
      select: { id: true },
    });
    await db.serviceAtLocation.create({ data: { serviceId: service.id, locationId: location.id } });
  }
  await lookup.remember('service', input.slug, service.id);
  return service.id;
}

export async function createPost(db: Tx, input: SeedPost, lookup: Lookup, now: Date): Promise<string> {
  const status = input.status ?? 'PUBLISHED';
  const publishedAt = daysFrom(now, -input.publishedDaysAgo);
  const body = paragraphsToTiptap(input.body);
  const authorId = input.author ? await lookup.id('user', input.author) : null;
  const post = await db.newsPost.create({
    data: {
      organizationId: await lookup.id('organization', input.organization),
      authorId,
      slug: input.slug,
      title: input.title,
      summary: input.summary,
      body,
      status,
      publishAt: status === 'SCHEDULED' ? publishedAt : null,
      publishedAt: status === 'PUBLISHED' || status === 'UNPUBLISHED' ? publishedAt : null,
      unpublishedAt: status === 'UNPUBLISHED' ? now : null,
      moderationReason: input.moderationReason,
      topics: { create: await Promise.all(input.topics.map(async (t) => ({ topicId: await lookup.id('topic', t) }))) },
      revisions: {
        create: { version: 1, title: input.title, summary: input.summary, body, reason: status === 'PUBLISHED' ? 'PUBLISH' : 'SAVE', createdById: authorId },
      },
      event: input.event
        ? {
            create: {
              startsAt: stockholmTime(now, input.event.inDays, input.event.starts),
              endsAt: input.event.ends ? stockholmTime(now, input.event.inDays, input.event.ends) : null,
              place: input.event.place,
              signupUrl: input.event.signupUrl,
              serviceId: input.event.service ? await lookup.id('service', input.event.service) : null,
            },
          }
        : undefined,
    },
    select: { id: true },
  });
  await refreshPostSearch(db, post.id);
  return post.id;
}

/** The path each final state is reached by, as (event, state entered) steps after creation. */
const ISSUE_PATHS: Record<IssueState, [WorkshopEventType, IssueState][]> = {
  DRAFT: [],
  SUBMITTED: [['SUBMITTED', 'SUBMITTED']],
  NEEDS_INFO: [['SUBMITTED', 'SUBMITTED'], ['INFO_REQUESTED', 'NEEDS_INFO']],
  ASSIGNED: [['SUBMITTED', 'SUBMITTED'], ['ASSIGNED', 'ASSIGNED']],
  ANSWERED: [['SUBMITTED', 'SUBMITTED'], ['ASSIGNED', 'ASSIGNED'], ['ANSWERED', 'ANSWERED']],
  ACTION_AGREED: [['SUBMITTED', 'SUBMITTED'], ['ASSIGNED', 'ASSIGNED'], ['ANSWERED', 'ANSWERED'], ['ACTION_AGREED', 'ACTION_AGREED']],
  RESOLVED: [
    ['SUBMITTED', 'SUBMITTED'],
    ['ASSIGNED', 'ASSIGNED'],
    ['ANSWERED', 'ANSWERED'],
    ['ACTION_AGREED', 'ACTION_AGREED'],
    ['STATE_CHANGED', 'RESOLVED'],
  ],
  CLOSED_UNRESOLVED: [['SUBMITTED', 'SUBMITTED'], ['ASSIGNED', 'ASSIGNED'], ['ANSWERED', 'ANSWERED'], ['STATE_CHANGED', 'CLOSED_UNRESOLVED']],
  DUPLICATE: [['SUBMITTED', 'SUBMITTED'], ['MARKED_DUPLICATE', 'DUPLICATE']],
  REFERRED: [['SUBMITTED', 'SUBMITTED'], ['REFERRED', 'REFERRED']],
  WITHDRAWN: [['SUBMITTED', 'SUBMITTED'], ['ASSIGNED', 'ASSIGNED'], ['WITHDRAWN', 'WITHDRAWN']],
};

const CLOSED_STATES: IssueState[] = ['RESOLVED', 'CLOSED_UNRESOLVED', 'DUPLICATE', 'REFERRED', 'WITHDRAWN'];

export async function createIssue(db: Tx, input: SeedIssue, lookup: Lookup, now: Date): Promise<string> {
  const filedAt = daysFrom(now, -input.filedDaysAgo);
  const path = ISSUE_PATHS[input.state];
  // Steps are spread evenly from filing until a day ago, so the history reads in order.
  const stepAt = (i: number) => new Date(filedAt.getTime() + ((i + 1) * (now.getTime() - DAY - filedAt.getTime())) / (path.length + 1));
  const whenEntered = (state: IssueState) => {
    const i = path.findIndex(([, s]) => s === state);
    return i < 0 ? null : stepAt(i);
  };
  const creatorId = await lookup.id('user', input.createdBy);
  const coordinatorId = await lookup.id('user', 'samordnare@lisa.example');
  const answerAuthor = input.answers?.[0] ? await lookup.id('user', input.answers[0].author) : coordinatorId;
  const issue = await db.workshopIssue.create({
    data: {
      title: input.title,
      description: input.description,
      desiredOutcome: input.desiredOutcome,
      categoryId: await lookup.id('workshopCategory', input.category),
      concerns: input.concerns,
      municipalityId: input.municipality ? await lookup.id('municipality', input.municipality) : null,
      state: input.state,
      visibility: input.visibility,
      filedByOrganizationId: await lookup.id('organization', input.filedBy),
      createdById: creatorId,
      confirmedNoPersonalData: input.state !== 'DRAFT',
      dueAt: input.dueInDays === undefined ? null : stockholmTime(now, input.dueInDays, '16:00'),
      duplicateOfId: input.duplicateOf ? await lookup.id('issue', input.duplicateOf) : null,
      referredTo: input.referredTo,
      resolutionFeedback: input.state === 'RESOLVED' ? 'CONFIRMED' : null,
      submittedAt: whenEntered('SUBMITTED'),
      triagedAt: whenEntered('ASSIGNED'),
      firstAnsweredAt: whenEntered('ANSWERED'),
      closedAt: CLOSED_STATES.includes(input.state) ? stepAt(path.length - 1) : null,
      createdAt: filedAt,
      events: {
        create: [
          { type: 'CREATED' as WorkshopEventType, toState: 'DRAFT' as IssueState, actorId: creatorId, createdAt: filedAt },
          ...path.map(([type, toState], i) => ({
            type,
            fromState: i === 0 ? ('DRAFT' as IssueState) : path[i - 1]![1],
            toState,
            actorId: type === 'SUBMITTED' || type === 'WITHDRAWN' ? creatorId : type === 'ANSWERED' ? answerAuthor : coordinatorId,
            createdAt: stepAt(i),
          })),
        ],
      },
      responders: {
        create: await Promise.all((input.responders ?? []).map(async (o) => ({ organizationId: await lookup.id('organization', o) }))),
      },
      assignees: {
        create: await Promise.all(
          (input.assignees ?? []).map(async (email) => ({ userId: await lookup.id('user', email), assignedById: coordinatorId })),
        ),
      },
      answers: {
        create: await Promise.all(
          (input.answers ?? []).map(async (a) => ({
            organizationId: await lookup.id('organization', a.organization),
            authorId: await lookup.id('user', a.author),
            body: a.body,
            createdAt: whenEntered('ANSWERED') ?? now,
          })),
        ),
      },
      comments: {
        create: await Promise.all(
          (input.comments ?? []).map(async (c, i) => ({
            authorId: await lookup.id('user', c.author),
            body: c.body,
            createdAt: stepAt(Math.min(i, path.length - 1)),
          })),
        ),
      },
      internalNotes: {
        create: await Promise.all(
          (input.internalNotes ?? []).map(async (n) => ({
            organizationId: await lookup.id('organization', n.organization),
            authorId: await lookup.id('user', n.author),
            body: n.body,
          })),
        ),
      },
    },
    select: { id: true },
  });
  await lookup.remember('issue', input.title, issue.id);
  return issue.id;
}

export async function createMeeting(db: Tx, input: SeedMeeting, lookup: Lookup, now: Date): Promise<string> {
  const coordinatorId = await lookup.id('user', 'samordnare@lisa.example');
  const startsAt = stockholmTime(now, input.inDays, input.starts);
  const meeting = await db.meeting.create({
    data: {
      kind: input.kind,
      title: input.title,
      startsAt,
      endsAt: stockholmTime(now, input.inDays, input.ends),
      place: input.place,
      status: input.closed ? 'CLOSED' : 'PLANNED',
      closedAt: input.closed ? stockholmTime(now, input.inDays, input.ends) : null,
      minutesPublishedAt: input.closed ? stockholmTime(now, input.inDays, input.ends) : null,
      createdById: coordinatorId,
    },
    select: { id: true },
  });
  for (const [position, item] of input.agenda.entries()) {
    const issueId = item.issue ? await lookup.id('issue', item.issue) : null;
    const agendaItem = await db.agendaItem.create({
      data: {
        meetingId: meeting.id,
        issueId,
        title: item.issue ?? item.title ?? '',
        position: position + 1,
        reason: item.issue ? 'ANSWERED_NOT_DISCUSSED' : 'ADDED_BY_COORDINATOR',
      },
      select: { id: true },
    });
    if (item.decision) {
      await db.minuteEntry.create({
        data: {
          meetingId: meeting.id,
          agendaItemId: agendaItem.id,
          issueId,
          decision: item.decision,
          resultingState: item.resultingState,
          authorId: coordinatorId,
        },
      });
    }
    if (item.action && issueId) {
      await db.workshopAction.create({
        data: {
          issueId,
          meetingId: meeting.id,
          description: item.action.description,
          ownerOrganizationId: await lookup.id('organization', item.action.owner),
          followUpAt: stockholmDate(now, item.action.followUpInDays),
        },
      });
    }
    if (issueId && input.closed) {
      await db.workshopEvent.create({
        data: { issueId, type: 'DISCUSSED_AT_MEETING', actorId: coordinatorId, note: item.decision, createdAt: startsAt, data: { meetingId: meeting.id } },
      });
    }
  }
  return meeting.id;
}
