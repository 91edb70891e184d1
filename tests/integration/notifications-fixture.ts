/**
 * A small workshop network for the notification tests, written with Prisma directly: a filing
 * association with a member and an admin, a region with two officials (one of them named on
 * issues), a coordinator, a member of another association, and a disabled account that
 * belongs to both the association and the region and must never hear of anything.
 */
import type { Actor } from '@/lib/authz/actor';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { IssueState, NotificationType, WorkshopEventType } from '@/lib/generated/prisma/enums';

export type Person = 'member' | 'admin' | 'official' | 'secondOfficial' | 'coordinator' | 'outsider' | 'disabled';

export interface Network {
  users: Record<Person, string>;
  /** The person a user id belongs to, for readable assertions. */
  nameOf(userId: string): Person;
  actor(person: Person): Promise<Extract<Actor, { kind: 'user' }>>;
  orgs: { association: string; otherAssociation: string; region: string; umbrella: string };
}

let counter = 0;

export async function buildNetwork(prisma: PrismaClient, tag: string): Promise<Network> {
  const org = (kind: 'ASSOCIATION' | 'REGION', name: string) =>
    prisma.organization.create({ data: { kind, name: `${name} ${tag}`, slug: `${name.toLowerCase().replace(/\W+/g, '-')}-${tag}` }, select: { id: true } }).then((o) => o.id);
  const orgs = {
    association: await org('ASSOCIATION', 'Föreningen Linnea'),
    otherAssociation: await org('ASSOCIATION', 'Föreningen Reda'),
    region: await org('REGION', 'Region Örebro län'),
    umbrella: await org('ASSOCIATION', 'Nätverket'),
  };
  const person = async (key: string, name: string, locale: string, memberships: { organizationId: string; role: 'MEMBER' | 'ASSOCIATION_ADMIN' | 'OFFICIAL' | 'COORDINATOR' }[], disabled = false) => {
    const user = await prisma.user.create({
      data: {
        email: `${key}-${tag}@lisa.example`,
        name,
        locale,
        disabledAt: disabled ? new Date() : null,
        memberships: { create: memberships },
      },
      select: { id: true },
    });
    return user.id;
  };
  const users: Record<Person, string> = {
    member: await person('medlem', 'Maja Medlem', 'sv', [{ organizationId: orgs.association, role: 'MEMBER' }]),
    admin: await person('admin', 'Alex Admin', 'en', [{ organizationId: orgs.association, role: 'ASSOCIATION_ADMIN' }]),
    official: await person('tjansteperson', 'Tove Tjänsteperson', 'sv', [{ organizationId: orgs.region, role: 'OFFICIAL' }]),
    secondOfficial: await person('tjansteperson2', 'Samir Tjänsteperson', 'ar', [{ organizationId: orgs.region, role: 'OFFICIAL' }]),
    coordinator: await person('samordnare', 'Sam Samordnare', 'sv', [{ organizationId: orgs.umbrella, role: 'COORDINATOR' }]),
    outsider: await person('utomstaende', 'Olle Utomstående', 'sv', [{ organizationId: orgs.otherAssociation, role: 'MEMBER' }]),
    disabled: await person(
      'avstangd',
      'Dora Avstängd',
      'sv',
      [
        { organizationId: orgs.association, role: 'MEMBER' },
        { organizationId: orgs.region, role: 'OFFICIAL' },
      ],
      true,
    ),
  };
  const names = new Map(Object.entries(users).map(([who, id]) => [id, who as Person]));
  return {
    users,
    orgs,
    nameOf: (userId) => names.get(userId) ?? (`unknown:${userId}` as Person),
    async actor(who) {
      const user = await prisma.user.findUniqueOrThrow({ where: { id: users[who] }, select: { id: true, memberships: { select: { organizationId: true, role: true } } } });
      return { kind: 'user', userId: user.id, memberships: user.memberships };
    },
  };
}

export interface IssueOptions {
  filedBy?: string;
  state?: IssueState;
  /** Named officials; none means the responder organisations' officials answer. */
  assignees?: string[];
  responders?: string[];
  dueAt?: Date | null;
}

export async function createIssue(prisma: PrismaClient, network: Network, options: IssueOptions = {}) {
  const n = ++counter;
  return prisma.workshopIssue.create({
    data: {
      title: `Tolk saknas vid hembesök ${n}`,
      description: 'Föreningens volontärer får tolka när tolk inte har bokats.',
      concerns: 'REGION',
      state: options.state ?? 'ASSIGNED',
      filedByOrganizationId: options.filedBy ?? network.orgs.association,
      dueAt: options.dueAt ?? null,
      responders: { create: (options.responders ?? [network.orgs.region]).map((organizationId) => ({ organizationId })) },
      assignees: { create: (options.assignees ?? []).map((userId) => ({ userId })) },
    },
    select: { id: true, number: true, title: true },
  });
}

export async function createEvent(
  prisma: PrismaClient,
  issueId: string,
  type: WorkshopEventType,
  actorId: string | null,
  extra: { note?: string; toState?: IssueState; data?: Record<string, string> } = {},
) {
  return prisma.workshopEvent.create({
    data: { issueId, type, actorId, note: extra.note ?? null, toState: extra.toState ?? null, data: extra.data },
    select: { id: true, type: true, issueId: true, actorId: true, note: true },
  });
}

/** A notification row as the data layer would write it, for tests of what happens to rows. */
export async function createNotification(
  prisma: PrismaClient,
  userId: string,
  fields: { type?: NotificationType; issueId?: string | null; title?: string; body?: string; url?: string; dedupeKey?: string; createdAt?: Date; readAt?: Date | null } = {},
) {
  const n = ++counter;
  return prisma.notification.create({
    data: {
      userId,
      type: fields.type ?? 'ISSUE_COMMENTED',
      issueId: fields.issueId ?? null,
      title: fields.title ?? `Rubrik ${n}`,
      body: fields.body ?? '',
      url: fields.url ?? `/verkstad/${n}`,
      dedupeKey: fields.dedupeKey ?? `test:${n}`,
      createdAt: fields.createdAt,
      readAt: fields.readAt ?? null,
    },
    select: { id: true },
  });
}
