/**
 * Notification e-mail from the worker, over real SMTP to the mail catcher: IMMEDIATE users get
 * one message per notification and never a second one, DAILY_DIGEST users one message a day at
 * 07:00 Stockholm time with everything not mailed yet and nothing on a day without news, in
 * their own language; a failed send leaves the rows to be tried again; disabled accounts get
 * nothing.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { updatePreferences } from '@/lib/accounts/mutations';
import { readEnv } from '@/lib/env';
import { workOnce } from '@/lib/jobs/worker';
import { deliverDailyDigests, deliverImmediateNotifications, digestCutoff } from '@/lib/notifications/delivery';
import { notifyIssueEvent } from '@/lib/notifications/issue-events';
import { findFreePort } from '@/lib/search/embedded-server';
import { useTestDatabase } from '../helpers/db';
import { useMailCatcher } from '../helpers/mail';
import { buildNetwork, createEvent, createIssue, createNotification, type Network, type Person } from './notifications-fixture';

const mail = useMailCatcher();
const db = useTestDatabase();
let network: Network;

const SITE = 'https://lisa.example';
const env = () => readEnv({ SMTP_URL: mail().url, SITE_URL: SITE });

beforeAll(async () => {
  network = await buildNetwork(db.prisma, 'm');
  await db.prisma.siteSetting.create({
    data: { siteName: 'LISA – resurser i Örebro län', shortName: 'LISA', regionName: 'Örebro län', contactEmail: 'lisa@lisa.example', dataController: 'Region Örebro län' },
  });
});

beforeEach(async () => {
  mail().clear();
  // Each test starts from a clean slate: earlier rows are settled, every account mails at once.
  await db.prisma.notification.updateMany({ where: { emailedAt: null }, data: { emailedAt: new Date() } });
  await db.prisma.user.updateMany({ data: { notificationMode: 'IMMEDIATE' } });
});

const emailOf = (who: Person) => `${who === 'secondOfficial' ? 'tjansteperson2' : { member: 'medlem', admin: 'admin', official: 'tjansteperson', coordinator: 'samordnare', outsider: 'utomstaende', disabled: 'avstangd' }[who]}-m@lisa.example`;
const inbox = (who: Person) => mail().messages().filter((m) => m.to.includes(emailOf(who)));
const unmailed = (userId: string) => db.prisma.notification.count({ where: { userId, emailedAt: null } });

/** A comment by the coordinator on an issue with the official named: the member, admin and official hear of it. */
async function commented(note = 'Vi tar upp det på nästa möte.') {
  const issue = await createIssue(db.prisma, network, { assignees: [network.users.official] });
  const event = await createEvent(db.prisma, issue.id, 'COMMENTED', network.users.coordinator, { note });
  await db.prisma.$transaction((tx) => notifyIssueEvent(tx, event));
  return issue;
}

describe('immediate notification mail', () => {
  it('mails each notification once, in the recipient’s language, with absolute links and the way to change it', async () => {
    const issue = await commented();
    expect(await deliverImmediateNotifications(db.prisma, { env: env() })).toEqual({ sent: 3, failed: 0 });

    const [swedish] = inbox('member');
    expect(inbox('member')).toHaveLength(1);
    expect(swedish).toMatchObject({ from: '"LISA" <no-reply@lisa.example>', subject: `Ny kommentar i ärende ${issue.number}` });
    expect(swedish!.text).toContain('Hej Maja Medlem!');
    expect(swedish!.text).toContain(`Rubrik: ${issue.title}`);
    expect(swedish!.text).toContain('Meddelande:\nVi tar upp det på nästa möte.');
    expect(swedish!.text).toContain(`Läs mer: ${SITE}/verkstad/${issue.number}`);
    expect(swedish!.text).toContain(`under Mitt konto: ${SITE}/konto`);
    expect(swedish!.text).toContain('Hälsningar från LISA');

    const [english] = inbox('admin');
    expect(english).toMatchObject({ subject: `New comment on issue ${issue.number}` });
    expect(english!.text).toContain(`Read more: ${SITE}/en/verkstad/${issue.number}`);
    expect(english!.text).toContain(`under My account: ${SITE}/en/konto`);
    expect(inbox('official')).toHaveLength(1);

    expect(await deliverImmediateNotifications(db.prisma, { env: env() })).toEqual({ sent: 0, failed: 0 });
    expect(mail().messages()).toHaveLength(3);
    for (const who of ['member', 'admin', 'official'] as const) expect(await unmailed(network.users[who])).toBe(0);
  });

  it('words the mail in Arabic for an Arabic reader', async () => {
    const issue = await createIssue(db.prisma, network, { assignees: [] });
    const event = await createEvent(db.prisma, issue.id, 'ASSIGNED', network.users.coordinator, { data: { userId: network.users.secondOfficial } });
    await notifyIssueEvent(db.prisma, event);
    await deliverImmediateNotifications(db.prisma, { env: env() });
    const [arabic] = inbox('secondOfficial');
    expect(arabic!.subject).toBe(`أُسندت إليك القضية ${issue.number}`);
    expect(arabic!.text).toContain(`${SITE}/ar/verkstad/${issue.number}`);
  });

  it('sends one message per notification through the worker’s pass, and nothing on the next pass', async () => {
    const now = new Date('2027-05-04T10:00:00Z');
    await createNotification(db.prisma, network.users.member, { type: 'ISSUE_ANSWERED', title: 'Första' });
    await createNotification(db.prisma, network.users.member, { type: 'ISSUE_ANSWERED', title: 'Andra' });
    await workOnce(db.prisma, null, now);
    expect(inbox('member').map((m) => m.text.match(/Rubrik: (\S+)/)?.[1]).sort()).toEqual(['Andra', 'Första']);

    await workOnce(db.prisma, null, new Date(now.getTime() + 1000));
    expect(inbox('member')).toHaveLength(2);
    // The pass does run: a new notification goes out on it, the old ones do not.
    await createNotification(db.prisma, network.users.member, { type: 'ISSUE_ANSWERED', title: 'Tredje' });
    await workOnce(db.prisma, null, new Date(now.getTime() + 2000));
    expect(inbox('member')).toHaveLength(3);
  });

  it('never mails a disabled account, nor the rows of DAILY_DIGEST readers', async () => {
    await createNotification(db.prisma, network.users.disabled);
    await db.prisma.user.update({ where: { id: network.users.admin }, data: { notificationMode: 'DAILY_DIGEST' } });
    await createNotification(db.prisma, network.users.admin);
    expect(await deliverImmediateNotifications(db.prisma, { env: env() })).toEqual({ sent: 0, failed: 0 });
    expect(mail().messages()).toEqual([]);
    expect(await unmailed(network.users.disabled)).toBe(1);
    expect(await unmailed(network.users.admin)).toBe(1);
  });

  it('leaves the rows unmailed when the mail server does not answer, and sends them once it does', async () => {
    const closed = readEnv({ SMTP_URL: `smtp://127.0.0.1:${await findFreePort()}`, SITE_URL: SITE });
    await createNotification(db.prisma, network.users.member);
    await createNotification(db.prisma, network.users.official);
    expect(await deliverImmediateNotifications(db.prisma, { env: closed })).toEqual({ sent: 0, failed: 2 });
    expect(await unmailed(network.users.member)).toBe(1);
    expect(await unmailed(network.users.official)).toBe(1);

    expect(await deliverImmediateNotifications(db.prisma, { env: env() })).toEqual({ sent: 2, failed: 0 });
    expect(mail().messages()).toHaveLength(2);
  });

  it('keeps a notification for the digest when its reader switches to the daily summary', async () => {
    const before = new Date('2027-06-01T05:00:00Z'); // 07:00 in Stockholm (summer time) is 05:00 UTC
    const row = await createNotification(db.prisma, network.users.member, { createdAt: new Date('2027-05-31T12:00:00Z') });
    await updatePreferences(await network.actor('member'), { notificationMode: 'DAILY_DIGEST', locale: 'sv' });
    expect(await deliverImmediateNotifications(db.prisma, { env: env() })).toEqual({ sent: 0, failed: 0 });
    expect(await deliverDailyDigests(db.prisma, { env: env(), now: before })).toEqual({ sent: 1, failed: 0 });
    expect(await db.prisma.notification.findUniqueOrThrow({ where: { id: row.id }, select: { emailedAt: true } })).toEqual({ emailedAt: before });
  });
});

describe('the daily digest', () => {
  /** Stockholm is UTC+1 in winter: 07:00 there is 06:00 UTC. */
  const day = (date: string, utcTime: string) => new Date(`${date}T${utcTime}Z`);

  beforeEach(async () => {
    await db.prisma.user.update({ where: { id: network.users.member }, data: { notificationMode: 'DAILY_DIGEST' } });
  });

  it('goes out at 07:00 Stockholm time with everything since the last one, once', async () => {
    const first = await createIssue(db.prisma, network);
    const second = await createIssue(db.prisma, network);
    await createNotification(db.prisma, network.users.member, { type: 'ISSUE_ASSIGNED', issueId: first.id, title: first.title, url: `/verkstad/${first.number}`, createdAt: day('2027-01-10', '08:00:00') });
    await createNotification(db.prisma, network.users.member, {
      type: 'ISSUE_COMMENTED',
      issueId: second.id,
      title: second.title,
      body: 'Vi behöver fler exempel.',
      url: `/verkstad/${second.number}`,
      createdAt: day('2027-01-11', '05:59:00'),
    });

    expect(await deliverDailyDigests(db.prisma, { env: env(), now: day('2027-01-11', '05:59:59') })).toEqual({ sent: 0, failed: 0 });
    expect(await deliverDailyDigests(db.prisma, { env: env(), now: day('2027-01-11', '06:00:00') })).toEqual({ sent: 1, failed: 0 });
    const [digest] = inbox('member');
    expect(digest!.subject).toBe('LISA: 2 nya aviseringar');
    expect(digest!.text).toContain(
      [
        `1. Ärende ${first.number} har tilldelats dig`,
        `   Rubrik: ${first.title}`,
        `   ${SITE}/verkstad/${first.number}`,
        '',
        `2. Ny kommentar i ärende ${second.number}`,
        `   Rubrik: ${second.title}`,
        '   Meddelande: Vi behöver fler exempel.',
        `   ${SITE}/verkstad/${second.number}`,
      ].join('\n'),
    );
    expect(digest!.text).toContain('Du får en sammanfattning av dina aviseringar varje morgon.');

    // Later that day and on a day without news: no second message.
    expect(await deliverDailyDigests(db.prisma, { env: env(), now: day('2027-01-11', '15:00:00') })).toEqual({ sent: 0, failed: 0 });
    expect(await deliverDailyDigests(db.prisma, { env: env(), now: day('2027-01-12', '06:00:00') })).toEqual({ sent: 0, failed: 0 });
    expect(inbox('member')).toHaveLength(1);
  });

  it('keeps what came after 07:00 for the next morning', async () => {
    await createNotification(db.prisma, network.users.member, { createdAt: day('2027-02-02', '06:30:00') });
    expect(await deliverDailyDigests(db.prisma, { env: env(), now: day('2027-02-02', '09:00:00') })).toEqual({ sent: 0, failed: 0 });
    expect(await deliverDailyDigests(db.prisma, { env: env(), now: day('2027-02-03', '06:00:00') })).toEqual({ sent: 1, failed: 0 });
    expect(inbox('member')[0]!.subject).toBe('LISA: 1 ny avisering');
  });

  it('is tried again the same day when the send fails', async () => {
    await createNotification(db.prisma, network.users.member, { createdAt: day('2027-03-03', '12:00:00') });
    const closed = readEnv({ SMTP_URL: `smtp://127.0.0.1:${await findFreePort()}`, SITE_URL: SITE });
    expect(await deliverDailyDigests(db.prisma, { env: closed, now: day('2027-03-04', '06:00:00') })).toEqual({ sent: 0, failed: 1 });
    expect(await unmailed(network.users.member)).toBe(1);
    expect(await deliverDailyDigests(db.prisma, { env: env(), now: day('2027-03-04', '06:05:00') })).toEqual({ sent: 1, failed: 0 });
    expect(await unmailed(network.users.member)).toBe(0);
  });

  it('sends nothing to a disabled account', async () => {
    await db.prisma.user.update({ where: { id: network.users.disabled }, data: { notificationMode: 'DAILY_DIGEST' } });
    await createNotification(db.prisma, network.users.disabled, { createdAt: day('2027-04-01', '12:00:00') });
    expect(await deliverDailyDigests(db.prisma, { env: env(), now: day('2027-04-02', '05:00:00') })).toEqual({ sent: 0, failed: 0 });
    expect(mail().messages()).toEqual([]);
  });

  it('goes out through the worker’s pass at 07:00, not before', async () => {
    await createNotification(db.prisma, network.users.member, { createdAt: day('2027-01-20', '10:00:00') });
    await workOnce(db.prisma, null, day('2027-01-21', '05:50:00'));
    expect(inbox('member')).toEqual([]);
    await workOnce(db.prisma, null, day('2027-01-21', '06:00:30'));
    expect(inbox('member')).toHaveLength(1);
  });
});

describe('digestCutoff', () => {
  it('is the latest 07:00 in Stockholm, in winter and in summer time', () => {
    expect(digestCutoff(new Date('2027-01-11T05:59:00Z')).toISOString()).toBe('2027-01-10T06:00:00.000Z');
    expect(digestCutoff(new Date('2027-01-11T06:00:00Z')).toISOString()).toBe('2027-01-11T06:00:00.000Z');
    expect(digestCutoff(new Date('2027-07-01T04:59:00Z')).toISOString()).toBe('2027-06-30T05:00:00.000Z');
    expect(digestCutoff(new Date('2027-07-01T05:00:00Z')).toISOString()).toBe('2027-07-01T05:00:00.000Z');
    // Early on the day of the spring change (28 March 2027): the last 07:00 was yesterday's, in winter time.
    expect(digestCutoff(new Date('2027-03-28T04:00:00Z')).toISOString()).toBe('2027-03-27T06:00:00.000Z');
    expect(digestCutoff(new Date('2027-03-28T05:00:00Z')).toISOString()).toBe('2027-03-28T05:00:00.000Z');
  });
});
