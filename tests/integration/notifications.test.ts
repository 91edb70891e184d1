/**
 * Who hears of what in the synergy workshop (docs/decisions/0012-synergy-workshop.md,
 * "Notifications"), the worker's due-date reminders, and the signed-in person's own list:
 * reading it, marking one or all read, and never touching anyone else's.
 */
import { NextIntlClientProvider } from 'next-intl';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { NotificationList } from '@/components/notifications/notification-list';
import type { AppLocale } from '@/i18n/routing';
import { ANONYMOUS } from '@/lib/authz/actor';
import { workOnce } from '@/lib/jobs/worker';
import { notifyIssueEvent, notifyMinutesPublished } from '@/lib/notifications/issue-events';
import { markAllNotificationsRead, markNotificationRead } from '@/lib/notifications/mutations';
import { countUnreadNotifications, listNotifications } from '@/lib/notifications/queries';
import { reminderPeriodKey, writeDueReminders } from '@/lib/notifications/reminders';
import { NOTIFICATIONS_PER_PAGE } from '@/lib/notifications/schemas';
import { SENTENCE_KEYS } from '@/lib/notifications/sentences';
import type { NotificationType, WorkshopEventType } from '@/lib/generated/prisma/enums';
import ar from '@/messages/ar.json';
import en from '@/messages/en.json';
import sv from '@/messages/sv.json';
import { useTestDatabase } from '../helpers/db';
import { buildNetwork, createEvent, createIssue, createNotification, type Network, type Person } from './notifications-fixture';

// next-intl's navigation needs Next's router, which does not exist outside Next: plain paths will do.
vi.mock('@/i18n/navigation', () => ({
  Link: ({ href, children, ...rest }: { href: string; children: unknown }) => createElement('a', { ...rest, href }, children as string),
  getPathname: ({ href, locale }: { href: string; locale: string }) => (locale === 'sv' ? href : `/${locale}${href}`),
}));

const db = useTestDatabase();
let network: Network;

beforeAll(async () => {
  network = await buildNetwork(db.prisma, 'n');
});

const HOUR = 60 * 60 * 1000;

async function recipientsOf(dedupeKey: string) {
  const rows = await db.prisma.notification.findMany({ where: { dedupeKey }, select: { userId: true, type: true } });
  return { people: rows.map((r) => network.nameOf(r.userId)).sort(), types: [...new Set(rows.map((r) => r.type))] };
}

/** An assigned issue of the association with `official` named, and the event by `actor`. */
async function notifiedFor(type: WorkshopEventType, actor: Person | null, options: Parameters<typeof createIssue>[2] = { assignees: [] }) {
  const issue = await createIssue(db.prisma, network, options);
  const event = await createEvent(db.prisma, issue.id, type, actor ? network.users[actor] : null, { note: 'Se kommentaren i ärendet.' });
  const written = await db.prisma.$transaction((tx) => notifyIssueEvent(tx, event));
  return { issue, event, written, ...(await recipientsOf(event.id)) };
}

const named = () => ({ assignees: [network.users.official] });

describe('notifyIssueEvent', () => {
  // [event, actor, expected type, expected recipients]: the decision's table, with the named
  // official as the issue's assignee. The disabled account (member and official) and the member
  // of another association never appear.
  const TABLE: [WorkshopEventType, Person, NotificationType, Person[]][] = [
    ['SUBMITTED', 'member', 'ISSUE_STATE_CHANGED', ['coordinator']],
    ['ASSIGNED', 'coordinator', 'ISSUE_ASSIGNED', ['official']],
    ['ANSWERED', 'official', 'ISSUE_ANSWERED', ['admin', 'coordinator', 'member']],
    ['INFO_REQUESTED', 'coordinator', 'ISSUE_INFO_REQUESTED', ['admin', 'member']],
    ['COMMENTED', 'member', 'ISSUE_COMMENTED', ['admin', 'coordinator', 'official']],
    ['INFO_PROVIDED', 'admin', 'ISSUE_STATE_CHANGED', ['coordinator', 'official']],
    ['WITHDRAWN', 'admin', 'ISSUE_STATE_CHANGED', ['coordinator', 'official']],
    ['RESOLUTION_DISPUTED', 'admin', 'ISSUE_STATE_CHANGED', ['coordinator', 'official']],
    ['STATE_CHANGED', 'coordinator', 'ISSUE_STATE_CHANGED', ['admin', 'member', 'official']],
    ['ACTION_AGREED', 'coordinator', 'ISSUE_STATE_CHANGED', ['admin', 'member', 'official']],
    ['REOPENED', 'coordinator', 'ISSUE_STATE_CHANGED', ['admin', 'member', 'official']],
    ['MARKED_DUPLICATE', 'coordinator', 'ISSUE_STATE_CHANGED', ['admin', 'member', 'official']],
    ['REFERRED', 'coordinator', 'ISSUE_STATE_CHANGED', ['admin', 'member', 'official']],
    ['RESOLUTION_CONFIRMED', 'member', 'ISSUE_STATE_CHANGED', ['admin', 'coordinator', 'official']],
  ];

  it.each(TABLE)('%s by the %s: %s to exactly the contract’s recipients, never the actor', async (type, actor, notificationType, expected) => {
    const result = await notifiedFor(type, actor, named());
    expect(result.people).toEqual(expected);
    expect(result.types).toEqual([notificationType]);
    expect(result.written).toBe(expected.length);
  });

  it.each(['CREATED', 'TRIAGED', 'CATEGORY_CHANGED', 'DUE_DATE_CHANGED', 'VISIBILITY_CHANGED', 'UNASSIGNED', 'DISCUSSED_AT_MEETING'] as const)(
    '%s tells nobody',
    async (type) => {
      const result = await notifiedFor(type, 'coordinator', named());
      expect(result.written).toBe(0);
      expect(result.people).toEqual([]);
    },
  );

  it('tells every active official of the responder organisations when nobody is named', async () => {
    expect((await notifiedFor('ASSIGNED', 'coordinator')).people).toEqual(['official', 'secondOfficial']);
    expect((await notifiedFor('COMMENTED', 'official')).people).toEqual(['admin', 'coordinator', 'member', 'secondOfficial']);
  });

  it('tells only the official added later (data.userId), and nobody when that account is disabled', async () => {
    const issue = await createIssue(db.prisma, network, named());
    const added = await createEvent(db.prisma, issue.id, 'ASSIGNED', network.users.coordinator, { data: { userId: network.users.secondOfficial } });
    expect(await notifyIssueEvent(db.prisma, added)).toBe(1);
    expect((await recipientsOf(added.id)).people).toEqual(['secondOfficial']);

    const disabled = await createEvent(db.prisma, issue.id, 'ASSIGNED', network.users.coordinator, { data: { userId: network.users.disabled } });
    expect(await notifyIssueEvent(db.prisma, disabled)).toBe(0);
  });

  it('stores the issue title, the event note, the issue link and the event as the key', async () => {
    const { issue, event } = await notifiedFor('INFO_REQUESTED', 'coordinator', named());
    const rows = await db.prisma.notification.findMany({ where: { dedupeKey: event.id }, select: { title: true, body: true, url: true, issueId: true, emailedAt: true, readAt: true } });
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row).toEqual({ title: issue.title, body: 'Se kommentaren i ärendet.', url: `/verkstad/${issue.number}`, issueId: issue.id, emailedAt: null, readAt: null });
    }
  });

  it('writes nothing the second time for the same event', async () => {
    const { event } = await notifiedFor('COMMENTED', 'member', named());
    const before = await db.prisma.notification.count();
    expect(await notifyIssueEvent(db.prisma, event)).toBe(0);
    expect(await db.prisma.notification.count()).toBe(before);
  });

  it('tells a coordinator who did not act', async () => {
    const second = await db.prisma.user.create({
      data: { email: 'samordnare2-n@lisa.example', name: 'Sara Samordnare', memberships: { create: { organizationId: network.orgs.umbrella, role: 'COORDINATOR' } } },
      select: { id: true },
    });
    const { event } = await notifiedFor('SUBMITTED', 'coordinator', named());
    const rows = await db.prisma.notification.findMany({ where: { dedupeKey: event.id }, select: { userId: true } });
    expect(rows.map((r) => r.userId)).toEqual([second.id]);
    await db.prisma.user.delete({ where: { id: second.id } });
  });
});

describe('notifyMinutesPublished', () => {
  it('tells the filers and assignees of every issue on the agenda and the coordinators, once', async () => {
    const ownIssue = await createIssue(db.prisma, network, named());
    const otherIssue = await createIssue(db.prisma, network, { filedBy: network.orgs.otherAssociation, assignees: [] });
    const meeting = await db.prisma.meeting.create({
      data: {
        kind: 'WORKSHOP',
        title: 'Synergiverkstad i december',
        startsAt: new Date('2026-12-10T13:00:00Z'),
        agendaItems: {
          create: [
            { issueId: ownIssue.id, title: ownIssue.title, position: 1, reason: 'ADDED_BY_COORDINATOR' },
            { issueId: otherIssue.id, title: otherIssue.title, position: 2, reason: 'ADDED_BY_COORDINATOR' },
            { title: 'Övriga frågor', position: 3, reason: 'ADDED_BY_COORDINATOR' },
          ],
        },
      },
      select: { id: true },
    });
    expect(await db.prisma.$transaction((tx) => notifyMinutesPublished(tx, meeting.id, network.users.coordinator))).toBe(5);
    const key = `minutes:${meeting.id}`;
    expect(await recipientsOf(key)).toEqual({ people: ['admin', 'member', 'official', 'outsider', 'secondOfficial'], types: ['MINUTES_PUBLISHED'] });
    const row = await db.prisma.notification.findFirstOrThrow({ where: { dedupeKey: key }, select: { title: true, url: true, issueId: true } });
    expect(row).toEqual({ title: 'Synergiverkstad i december', url: `/verkstad/moten/${meeting.id}`, issueId: null });

    expect(await notifyMinutesPublished(db.prisma, meeting.id, null)).toBe(1); // the coordinator, no longer the actor
    expect(await notifyMinutesPublished(db.prisma, meeting.id, null)).toBe(0);
  });
});

describe('writeDueReminders', () => {
  const now = new Date('2027-03-01T09:00:00Z');
  const reminded = async (issueId: string) =>
    (await db.prisma.notification.findMany({ where: { issueId, type: { in: ['ISSUE_DUE_SOON', 'ISSUE_OVERDUE'] } }, select: { type: true, userId: true, dedupeKey: true } }))
      .map((r) => `${r.type} ${network.nameOf(r.userId)} ${r.dedupeKey.replace(issueId, 'I')}`)
      .sort();

  it('reminds the assignees and the coordinators once when due soon, once when overdue, and again for a moved due date', async () => {
    const dueAt = new Date(now.getTime() + 30 * HOUR);
    const issue = await createIssue(db.prisma, network, { ...named(), dueAt });
    const soon = `due-soon:I:${dueAt.toISOString()}`;

    await writeDueReminders(db.prisma, now);
    expect(await reminded(issue.id)).toEqual([`ISSUE_DUE_SOON coordinator ${soon}`, `ISSUE_DUE_SOON official ${soon}`]);
    await writeDueReminders(db.prisma, new Date(now.getTime() + HOUR));
    expect(await reminded(issue.id)).toHaveLength(2);

    const late = new Date(dueAt.getTime() + HOUR);
    await writeDueReminders(db.prisma, late);
    await writeDueReminders(db.prisma, new Date(late.getTime() + HOUR));
    const overdue = `overdue:I:${dueAt.toISOString()}`;
    expect((await reminded(issue.id)).filter((r) => r.startsWith('ISSUE_OVERDUE'))).toEqual([`ISSUE_OVERDUE coordinator ${overdue}`, `ISSUE_OVERDUE official ${overdue}`]);

    const moved = new Date(late.getTime() + 24 * HOUR);
    await db.prisma.workshopIssue.update({ where: { id: issue.id }, data: { dueAt: moved } });
    await writeDueReminders(db.prisma, late);
    await writeDueReminders(db.prisma, late);
    expect((await reminded(issue.id)).filter((r) => r.includes(moved.toISOString()))).toEqual(
      [`ISSUE_DUE_SOON coordinator due-soon:I:${moved.toISOString()}`, `ISSUE_DUE_SOON official due-soon:I:${moved.toISOString()}`],
    );
    expect(await reminded(issue.id)).toHaveLength(6);
  });

  it('reminds every active official of the responder organisations when nobody is named', async () => {
    const issue = await createIssue(db.prisma, network, { assignees: [], dueAt: new Date(now.getTime() - HOUR) });
    await writeDueReminders(db.prisma, now);
    expect((await reminded(issue.id)).map((r) => r.split(' ').slice(0, 2).join(' '))).toEqual([
      'ISSUE_OVERDUE coordinator',
      'ISSUE_OVERDUE official',
      'ISSUE_OVERDUE secondOfficial',
    ]);
  });

  it('leaves issues that are not waiting for an answer, not due within two days or without a due date', async () => {
    const answered = await createIssue(db.prisma, network, { ...named(), state: 'ANSWERED', dueAt: new Date(now.getTime() - HOUR) });
    const later = await createIssue(db.prisma, network, { ...named(), dueAt: new Date(now.getTime() + 49 * HOUR) });
    const undated = await createIssue(db.prisma, network, named());
    await writeDueReminders(db.prisma, now);
    for (const issue of [answered, later, undated]) expect(await reminded(issue.id)).toEqual([]);
  });

  it('runs from the worker at most once per ten-minute period', async () => {
    const at = new Date('2027-04-01T10:01:00Z');
    const issue = await createIssue(db.prisma, network, { ...named(), dueAt: new Date(at.getTime() + HOUR) });
    await workOnce(db.prisma, null, at);
    expect(await reminded(issue.id)).toHaveLength(2);
    expect(await db.prisma.jobRun.findUnique({ where: { name_periodKey: { name: 'notifications.reminders', periodKey: reminderPeriodKey(at) } } })).toMatchObject({
      periodKey: '2027-04-01T10:00:00.000Z',
      error: null,
    });
    // Later in the same period the job does not run again: a new issue waits for the next one.
    const next = await createIssue(db.prisma, network, { ...named(), dueAt: new Date(at.getTime() + HOUR) });
    await workOnce(db.prisma, null, new Date(at.getTime() + 5 * 60_000));
    expect(await reminded(next.id)).toEqual([]);
    await workOnce(db.prisma, null, new Date(at.getTime() + 10 * 60_000));
    expect(await reminded(next.id)).toHaveLength(2);
  });
});

describe('the signed-in person’s notifications', () => {
  let tag = 0;
  /** A user of their own, so counts do not depend on the other tests. */
  async function reader() {
    const user = await db.prisma.user.create({ data: { email: `lasare-${++tag}@lisa.example`, name: 'Lisa Läsare' }, select: { id: true } });
    return { userId: user.id, actor: { kind: 'user' as const, userId: user.id, memberships: [] } };
  }

  it('lists their own, newest first, a page at a time, with the unread count and the e-mail choice', async () => {
    const { userId, actor } = await reader();
    const start = new Date('2027-01-01T08:00:00Z').getTime();
    for (let i = 0; i < NOTIFICATIONS_PER_PAGE + 3; i++) await createNotification(db.prisma, userId, { title: `Nummer ${i}`, createdAt: new Date(start + i * HOUR), readAt: i < 3 ? new Date() : null });
    await createNotification(db.prisma, network.users.member, { title: 'Någon annans' });

    const first = await listNotifications(actor, { page: '1' });
    expect(first).toMatchObject({ page: 1, pageCount: 2, total: NOTIFICATIONS_PER_PAGE + 3, unread: NOTIFICATIONS_PER_PAGE, mode: 'IMMEDIATE' });
    expect(first.items[0]).toMatchObject({ title: `Nummer ${NOTIFICATIONS_PER_PAGE + 2}`, isRead: false, sentence: 'commented' });
    const second = await listNotifications(actor, { page: '2' });
    expect(second.items.map((i) => [i.title, i.isRead])).toEqual([
      ['Nummer 2', true],
      ['Nummer 1', true],
      ['Nummer 0', true],
    ]);
    // A page past the end, or no number at all, still shows a page.
    expect((await listNotifications(actor, { page: '99' })).page).toBe(2);
    expect((await listNotifications(actor, { page: 'x' })).page).toBe(1);
    expect(await countUnreadNotifications(actor)).toBe(NOTIFICATIONS_PER_PAGE);
  });

  it('says what happened from the event behind a state change, and a reminder’s due date', async () => {
    const { userId, actor } = await reader();
    const issue = await createIssue(db.prisma, network, named());
    const reopened = await createEvent(db.prisma, issue.id, 'REOPENED', null, { toState: 'ASSIGNED' });
    const resolved = await createEvent(db.prisma, issue.id, 'STATE_CHANGED', null, { toState: 'RESOLVED' });
    const dueAt = new Date('2027-02-03T15:00:00Z');
    await createNotification(db.prisma, userId, { type: 'ISSUE_STATE_CHANGED', issueId: issue.id, dedupeKey: reopened.id, createdAt: new Date('2027-02-01T08:00:00Z') });
    await createNotification(db.prisma, userId, { type: 'ISSUE_STATE_CHANGED', issueId: issue.id, dedupeKey: resolved.id, createdAt: new Date('2027-02-01T09:00:00Z') });
    await createNotification(db.prisma, userId, { type: 'ISSUE_OVERDUE', issueId: issue.id, dedupeKey: `overdue:${issue.id}:${dueAt.toISOString()}`, createdAt: new Date('2027-02-01T10:00:00Z') });
    const { items } = await listNotifications(actor, {});
    expect(items.map((i) => [i.sentence, i.issueNumber, i.dueAt])).toEqual([
      ['overdue', issue.number, dueAt],
      ['resolved', issue.number, null],
      ['reopened', issue.number, null],
    ]);
  });

  it('marks one of their own read and leads to its link; a link off the site leads to the list', async () => {
    const { userId, actor } = await reader();
    const own = await createNotification(db.prisma, userId, { url: '/verkstad/12' });
    const offSite = await createNotification(db.prisma, userId, { url: '//evil.example/verkstad' });
    expect(await markNotificationRead(actor, own.id)).toEqual({ url: '/verkstad/12' });
    expect(await markNotificationRead(actor, own.id)).toEqual({ url: '/verkstad/12' });
    expect(await markNotificationRead(actor, offSite.id)).toEqual({ url: '/konto/aviseringar' });
    expect(await countUnreadNotifications(actor)).toBe(0);
  });

  it('refuses another person’s notification as not found, and leaves it unread', async () => {
    const { actor } = await reader();
    const theirs = await createNotification(db.prisma, network.users.member);
    await expect(markNotificationRead(actor, theirs.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(markNotificationRead(actor, 'inte-ett-id')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(markNotificationRead(ANONYMOUS, theirs.id)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await db.prisma.notification.findUniqueOrThrow({ where: { id: theirs.id } })).readAt).toBeNull();
  });

  it('marks all of their own read and nobody else’s', async () => {
    const { userId, actor } = await reader();
    await createNotification(db.prisma, userId);
    await createNotification(db.prisma, userId);
    const theirs = await createNotification(db.prisma, network.users.admin);
    expect(await markAllNotificationsRead(actor)).toBe(2);
    expect(await countUnreadNotifications(actor)).toBe(0);
    expect((await db.prisma.notification.findUniqueOrThrow({ where: { id: theirs.id } })).readAt).toBeNull();
    await expect(markAllNotificationsRead(ANONYMOUS)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(listNotifications(ANONYMOUS, {})).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

describe('NotificationList', () => {
  const MESSAGES = { sv, en, ar };
  const now = new Date('2027-02-01T12:00:00Z');
  const page = (overrides: Partial<Parameters<typeof NotificationList>[0]['notifications']> = {}) => ({
    items: [
      { id: 'c1unread000000000000000', type: 'ISSUE_ASSIGNED' as const, sentence: 'assigned' as const, issueNumber: 12, title: 'Tolk saknas vid hembesök', dueAt: null, body: 'Svara före mötet.', url: '/verkstad/12', isRead: false, createdAt: new Date('2027-02-01T10:00:00Z') },
      { id: 'c1read00000000000000000', type: 'MINUTES_PUBLISHED' as const, sentence: 'minutesPublished' as const, issueNumber: null, title: 'Synergiverkstad i januari', dueAt: null, body: '', url: '/verkstad/moten/m1', isRead: true, createdAt: new Date('2027-01-20T10:00:00Z') },
    ],
    page: 1,
    pageCount: 2,
    total: 30,
    unread: 1,
    mode: 'DAILY_DIGEST' as const,
    ...overrides,
  });
  const render = (locale: AppLocale, notifications = page()) =>
    renderToStaticMarkup(
      createElement(NextIntlClientProvider, {
        locale,
        messages: MESSAGES[locale],
        timeZone: 'Europe/Stockholm',
        now,
        children: createElement(NotificationList, { notifications, locale, messages: { errorSummary: 'x', errors: { invalid: 'x' }, success: {} }, success: 'allRead', now }),
      }),
    );

  it('words each notification, says unread in text, and links through the route that marks it read', () => {
    const html = render('sv');
    expect(html).toContain('<h1>Aviseringar</h1>');
    expect(html).toMatch(/<h3[^>]*><a href="\/konto\/aviseringar\/c1unread000000000000000">Ärende 12 har tilldelats dig<\/a><span class="tag[^"]*">Oläst<\/span><\/h3>/);
    expect(html).toContain('Tolk saknas vid hembesök');
    expect(html).toContain('Svara före mötet.');
    expect(html).toMatch(/<a href="\/konto\/aviseringar\/c1read00000000000000000">Protokollet från Synergiverkstad i januari är publicerat<\/a><\/h3>/);
    expect(html.match(/>Oläst</g)).toHaveLength(1);
    expect(html).toContain('<time dateTime="2027-02-01T10:00:00.000Z">Kom för 2 timmar sedan');
    expect(html).toContain('Du har 1 oläst avisering.');
    expect(html).toContain('Markera alla som lästa');
    expect(html).toContain('en sammanfattning varje morgon klockan 7');
    expect(html).toContain('Alla aviseringar är markerade som lästa.');
    expect(html).toMatch(/<nav aria-label="Sidor med aviseringar"/);
    // Headings in order: h1, h2 for the list, h3 per notification.
    expect([...html.matchAll(/<h(\d)/g)].map((m) => m[1])).toEqual(['1', '2', '3', '3']);
  });

  it('shows the empty list without a mark-all button, and words it in Arabic', () => {
    const html = render('ar', page({ items: [], unread: 0, total: 0, pageCount: 1 }));
    expect(html).toContain('لا توجد لديك إشعارات بعد.');
    expect(html).not.toContain('وضع علامة مقروء على الكل');
    expect(html).not.toContain('<nav');
  });
});

describe('the notification messages', () => {
  type Tree = { [key: string]: string | Tree };
  const keyPaths = (tree: Tree, prefix = ''): string[] =>
    Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : keyPaths(value, `${prefix}${key}.`)));

  it('have the same keys in Swedish, English and Arabic, none empty', () => {
    const swedish = keyPaths(sv.Notifications as Tree).sort();
    for (const messages of [en, ar]) expect(keyPaths(messages.Notifications as Tree).sort()).toEqual(swedish);
    for (const messages of [sv, en, ar]) {
      const texts = keyPaths(messages.Notifications as Tree).map((path) => path.split('.').reduce<string | Tree>((node, key) => (node as Tree)[key]!, messages.Notifications as Tree));
      expect(texts.every((text) => typeof text === 'string' && text.trim().length > 0)).toBe(true);
    }
  });

  it('word every sentence a notification can have', () => {
    expect(Object.keys(sv.Notifications.sentence).sort()).toEqual([...SENTENCE_KEYS].sort());
  });
});
