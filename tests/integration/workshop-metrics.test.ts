/**
 * The workshop figures through the database: the hand-computed history of
 * tests/unit/workshop-metrics-fixture.ts is written as issue and event rows, then read back by
 * the coordinator's loader, the public summary and list of /synergiverkstad, and the CSV route
 * (called directly, with the session mocked).
 *
 * The timestamps cached on the issues are deliberately wrong: the figures must come from the
 * event log alone.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as exportCsv } from '@/app/[locale]/admin/verkstad/statistik/export/route';
import { ANONYMOUS, type Actor } from '@/lib/authz/actor';
import { AppError, isAppError } from '@/lib/errors/app-error';
import { loadWorkshopMetrics, metricsErrors, type MetricSet } from '@/lib/workshop/metrics';
import { CSV_BOM, CSV_COLUMNS } from '@/lib/workshop/metrics-csv';
import { listPublicIssues, loadPublicWorkshopSummary } from '@/lib/workshop/public';
import sv from '@/messages/sv.json';
import { createOrganization, createUser, Lookup } from '@/prisma/seed/factories';
import { useTestDatabase } from '../helpers/db';
import { BY_CATEGORY, BY_ORGANIZATION, BY_TERM, CATEGORIES, ISSUES, NOW, ORGANIZATIONS, OVERALL, parseCsv, withoutStates, type CategoryKey, type OrgKey } from '../unit/workshop-metrics-fixture';

const session = vi.hoisted(() => ({ actor: { kind: 'anonymous' } as Actor }));
vi.mock('@/lib/auth/session', () => ({ getActor: async () => session.actor }));

const db = useTestDatabase();

/** A category name a CSV writer must quote: a separator and quotes inside. */
const QUOTED_CATEGORY = 'Skola; "elevhälsa"';
const categoryName = (key: CategoryKey) => (key === 'S' ? QUOTED_CATEGORY : CATEGORIES.find((c) => c.key === key)!.name);

/** Who may see which fixture issue: the public list must show exactly the PUBLIC, non-draft ones. */
const VISIBILITY: Record<string, 'PUBLIC' | 'NETWORK' | 'RESTRICTED'> = {
  I1: 'PUBLIC',
  I2: 'PUBLIC',
  I3: 'RESTRICTED',
  I4: 'NETWORK',
  I5: 'RESTRICTED',
  I6: 'NETWORK',
  I7: 'PUBLIC',
  I8: 'RESTRICTED',
  I9: 'PUBLIC',
};

const actors = {} as Record<'coordinator' | 'member' | 'official', Actor>;
const orgIds = {} as Record<OrgKey, string>;
const categoryIds = {} as Record<CategoryKey, string>;
const numbers = {} as Record<string, number>;

async function actorFor(email: string): Promise<Actor> {
  const user = await db.prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, memberships: { select: { organizationId: true, role: true } } } });
  return { kind: 'user', userId: user.id, memberships: user.memberships };
}

beforeAll(async () => {
  const lookup = new Lookup(db.prisma);
  const now = new Date();
  const filer = await createOrganization(db.prisma, { slug: 'ankarets-vanner', kind: 'ASSOCIATION', name: 'Ankarets vänner', description: 'En förening.' }, lookup, now);
  orgIds.K = await createOrganization(db.prisma, { slug: ORGANIZATIONS.K.slug, kind: 'MUNICIPALITY', name: ORGANIZATIONS.K.name, description: 'Kommunen.' }, lookup, now);
  orgIds.R = await createOrganization(db.prisma, { slug: ORGANIZATIONS.R.slug, kind: 'REGION', name: ORGANIZATIONS.R.name, description: 'Regionen.' }, lookup, now);
  await createOrganization(db.prisma, { slug: 'samordningen', kind: 'REGION', name: 'Samordningen', description: 'Samordnaren.' }, lookup, now);
  const people: [keyof typeof actors, string, string, 'MEMBER' | 'OFFICIAL' | 'COORDINATOR'][] = [
    ['coordinator', 'samordnare', 'samordningen', 'COORDINATOR'],
    ['member', 'medlem', 'ankarets-vanner', 'MEMBER'],
    // An official of a responder organisation: reads its issues, not the statistics.
    ['official', 'tjansteperson', ORGANIZATIONS.R.slug, 'OFFICIAL'],
  ];
  for (const [key, local, organization, role] of people) {
    const email = `${local}@exempel.example`;
    await createUser(db.prisma, { email, name: key, memberships: [{ organization, role }] }, lookup, null);
    actors[key] = await actorFor(email);
  }
  for (const [sortOrder, c] of CATEGORIES.entries()) {
    categoryIds[c.key] = (await db.prisma.workshopCategory.create({ data: { slug: c.slug, name: categoryName(c.key), sortOrder }, select: { id: true } })).id;
  }
  for (const issue of ISSUES) {
    const row = await db.prisma.workshopIssue.create({
      data: {
        title: issue.title,
        description: `Beskrivning av ${issue.key}.`,
        concerns: 'REGION',
        state: issue.state,
        visibility: VISIBILITY[issue.key]!,
        filedByOrganizationId: filer,
        categoryId: issue.category ? categoryIds[issue.category] : null,
        dueAt: issue.dueAt ? new Date(issue.dueAt) : null,
        confirmedNoPersonalData: true,
        // Wrong on purpose (see the file comment).
        submittedAt: NOW,
        triagedAt: null,
        firstAnsweredAt: new Date('2020-01-01T00:00:00Z'),
        closedAt: null,
        responders: { create: issue.responders.map((o) => ({ organizationId: orgIds[o] })) },
        events: { create: issue.events.map(([type, at, toState]) => ({ type, toState: toState ?? null, createdAt: new Date(at) })) },
      },
      select: { id: true, number: true },
    });
    numbers[issue.key] = row.number;
    if (issue.key === 'I1') {
      await db.prisma.workshopAnswer.create({ data: { issueId: row.id, organizationId: orgIds.R, body: 'Regionen har ändrat rutinen.', createdAt: new Date('2026-02-09T08:00:00Z') } });
      await db.prisma.workshopAction.create({ data: { issueId: row.id, description: 'Regionen informerar vårdcentralerna.', ownerOrganizationId: orgIds.R, followUpAt: new Date('2026-03-15T00:00:00Z') } });
    }
    if (issue.key === 'I3') {
      await db.prisma.workshopAnswer.create({ data: { issueId: row.id, organizationId: orgIds.K, body: 'Hemligt svar i ett begränsat ärende.' } });
    }
  }
}, 60_000);

async function refusal(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
  return 'allowed';
}

describe('loadWorkshopMetrics', () => {
  it('gives the coordinator the hand-computed figures, from the event log alone', async () => {
    const metrics = await loadWorkshopMetrics(actors.coordinator, { now: NOW });
    expect(metrics.overall).toEqual(OVERALL);
    expect(metrics.from).toBeNull();
    expect(metrics.byOrganization.map((b) => ({ name: b.name, metrics: withoutStates(b.metrics) }))).toEqual(
      BY_ORGANIZATION.map((row) => ({ name: row.org ? ORGANIZATIONS[row.org].name : null, metrics: row.metrics })),
    );
    expect(metrics.byCategory.map((b) => ({ name: b.name, metrics: withoutStates(b.metrics) }))).toEqual(
      BY_CATEGORY.map((row) => ({ name: row.category ? categoryName(row.category) : null, metrics: row.metrics })),
    );
    expect(metrics.byTerm.map((b) => ({ label: b.label, metrics: withoutStates(b.metrics) }))).toEqual(BY_TERM);
  });

  it('refuses members and officials (even of a responder organisation), and asks residents to sign in', async () => {
    expect(await refusal(loadWorkshopMetrics(actors.member))).toBe('FORBIDDEN');
    expect(await refusal(loadWorkshopMetrics(actors.official))).toBe('FORBIDDEN');
    expect(await refusal(loadWorkshopMetrics(ANONYMOUS))).toBe('UNAUTHENTICATED');
  });

  it('refuses before it reads the filter: a member with a bad date still gets FORBIDDEN', async () => {
    expect(await refusal(loadWorkshopMetrics(actors.member, { from: 'inte ett datum' }))).toBe('FORBIDDEN');
  });

  it('narrows to the issues first submitted within the days asked for, in Stockholm time', async () => {
    const spring = await loadWorkshopMetrics(actors.coordinator, { from: '2026-01-01', to: '2026-06-30', now: NOW });
    expect(withoutStates(spring.overall)).toEqual(BY_TERM.find((t) => t.label === 'VT 2026')!.metrics);
    expect([spring.from, spring.to]).toEqual(['2026-01-01', '2026-06-30']);
    // I5 was submitted at 23:30 UTC on New Year's Eve: already 1 January in Stockholm.
    const newYearsEve = await loadWorkshopMetrics(actors.coordinator, { from: '2025-12-31', to: '2025-12-31', now: NOW });
    expect(newYearsEve.overall.issues).toBe(0);
    const newYearsDay = await loadWorkshopMetrics(actors.coordinator, { from: '2026-01-01', to: '2026-01-01', now: NOW });
    expect(newYearsDay.overall.outcomes).toMatchObject({ withdrawn: 1 });
    expect(newYearsDay.overall.issues).toBe(1);
    // Empty fields mean no limit.
    expect((await loadWorkshopMetrics(actors.coordinator, { from: '', to: '', now: NOW })).overall).toEqual(OVERALL);
  });

  it.each([
    [{ from: '2026-13-01' }, { from: 'dateInvalid' }],
    [{ to: '2026-02-30' }, { to: 'dateInvalid' }],
    [{ from: '1 januari' }, { from: 'dateInvalid' }],
    [{ from: ['2026-01-01'] }, { from: 'dateInvalid' }],
    [{ from: '2026-06-30', to: '2026-01-01' }, { to: 'rangeReversed' }],
  ])('refuses the selection %j with INVALID_INPUT on its field', async (filter, expected) => {
    try {
      await loadWorkshopMetrics(actors.coordinator, filter);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect(metricsErrors.describe(error as AppError).fieldErrors).toEqual(expected);
    }
  });
});

describe('the public figures and issues of /synergiverkstad', () => {
  const hiddenTitles = () => ISSUES.filter((i) => VISIBILITY[i.key] !== 'PUBLIC' || i.state === 'DRAFT').map((i) => i.title);

  it('counts every submitted issue in the public vocabulary, with resolved and closed unresolved apart', async () => {
    const summary = await loadPublicWorkshopSummary(NOW);
    expect(summary).toEqual({
      total: 8,
      // received: I9 (submitted); in progress: I6; answered: I2; resolved: I1;
      // closed: I3 (closed unresolved), I4 (duplicate), I5 (withdrawn), I8 (referred).
      byPublicState: { received: 1, inProgress: 1, answered: 1, actionAgreed: 0, resolved: 1, closed: 4 },
      resolved: 1,
      closedUnresolved: 1,
      medianDaysToTriage: 2.5,
      medianDaysToFirstAnswer: 5,
    });
    const text = JSON.stringify(summary);
    for (const title of ISSUES.map((i) => i.title)) expect(text).not.toContain(title);
  });

  it.each(['anonymous', 'member', 'coordinator'] as const)('lists the PUBLIC issues only, never a draft, for %s', async (who) => {
    const actor = who === 'anonymous' ? ANONYMOUS : actors[who];
    const page = await listPublicIssues(actor, {});
    expect(page.items.map((i) => i.number)).toEqual([numbers.I9, numbers.I2, numbers.I1]);
    expect(page.total).toBe(3);
    const text = JSON.stringify(page);
    for (const title of hiddenTitles()) expect(text).not.toContain(title);
    expect(text).not.toContain('Hemligt svar');
  });

  it('shows each public issue with its category, state, official answers, agreed actions and outcome', async () => {
    const page = await listPublicIssues(ANONYMOUS, { page: '1' });
    const resolved = page.items.find((i) => i.number === numbers.I1)!;
    expect(resolved).toEqual({
      number: numbers.I1,
      title: 'Ett löst ärende',
      categoryName: 'Primärvård',
      concerns: 'REGION',
      municipalityName: null,
      publicState: 'resolved',
      outcome: 'resolved',
      answers: [{ organizationName: ORGANIZATIONS.R.name, body: 'Regionen har ändrat rutinen.', answeredAt: new Date('2026-02-09T08:00:00Z') }],
      actions: [{ description: 'Regionen informerar vårdcentralerna.', ownerOrganizationName: ORGANIZATIONS.R.name, followUpAt: new Date('2026-03-15T00:00:00Z'), completedAt: null }],
    });
    const reopened = page.items.find((i) => i.number === numbers.I2)!;
    expect([reopened.publicState, reopened.outcome, reopened.answers]).toEqual(['answered', null, []]);
  });

  it('answers a page past the end with the last page, and nonsense with the first', async () => {
    expect((await listPublicIssues(ANONYMOUS, { page: '99' })).page).toBe(1);
    expect((await listPublicIssues(ANONYMOUS, { page: 'x' })).items).toHaveLength(3);
  });
});

describe('GET /[locale]/admin/verkstad/statistik/export', () => {
  const call = (actor: Actor, query = '', locale = 'sv') => {
    session.actor = actor;
    return exportCsv(new Request(`http://localhost/admin/verkstad/statistik/export${query}`), { params: Promise.resolve({ locale }) });
  };

  /** A figure as the CSV writes it: empty for none, decimal comma. */
  const parseNumber = (field: string) => (field === '' ? null : Number(field.replace(',', '.')));
  const figures = (m: Omit<MetricSet, 'states'>) => [
    m.issues,
    m.outcomes.open,
    m.outcomes.resolved,
    m.outcomes.closedUnresolved,
    m.outcomes.duplicate,
    m.outcomes.referred,
    m.outcomes.withdrawn,
    m.overdue,
    m.timeToTriage.n,
    m.timeToTriage.medianDays,
    m.timeToTriage.meanDays,
    m.timeToFirstAnswer.n,
    m.timeToFirstAnswer.medianDays,
    m.timeToFirstAnswer.meanDays,
    m.answeredBeforeMeeting.count,
    m.answeredBeforeMeeting.total,
    m.answeredBeforeMeeting.percent,
    m.reopenRate.count,
    m.reopenRate.total,
    m.reopenRate.percent,
  ];

  it('gives the coordinator a UTF-8 file with a BOM that reads back as the same figures', async () => {
    const response = await call(actors.coordinator);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="verkstadsstatistik-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const body = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(body.startsWith(CSV_BOM)).toBe(true);
    expect(body).toContain('"Skola; ""elevhälsa"""');

    const [header, ...rows] = parseCsv(body.slice(1));
    expect(header).toEqual(CSV_COLUMNS.map((c) => sv.WorkshopMetrics.csv.columns[c]));
    const groups = sv.WorkshopMetrics.csv.groups;
    const expected: [string, string, Omit<MetricSet, 'states'>][] = [
      [groups.overall, sv.WorkshopMetrics.allIssues, OVERALL],
      ...BY_ORGANIZATION.map((r): [string, string, Omit<MetricSet, 'states'>] => [groups.organization, r.org ? ORGANIZATIONS[r.org].name : sv.WorkshopMetrics.noOrganization, r.metrics]),
      ...BY_CATEGORY.map((r): [string, string, Omit<MetricSet, 'states'>] => [groups.category, r.category ? categoryName(r.category) : sv.WorkshopMetrics.noCategory, r.metrics]),
      ...BY_TERM.map((r): [string, string, Omit<MetricSet, 'states'>] => [groups.term, r.label, r.metrics]),
    ];
    expect(rows.map((r) => [r[0], r[1], r.slice(2).map(parseNumber)])).toEqual(expected.map(([group, name, m]) => [group, name, figures(m)]));
  });

  it('narrows by the same parameters as the page', async () => {
    const response = await call(actors.coordinator, '?fran=2026-01-01&till=2026-06-30');
    const [, overall] = parseCsv((await response.text()).replace(/^\uFEFF/, ''));
    expect(overall!.slice(2).map(parseNumber)).toEqual(figures(BY_TERM.find((t) => t.label === 'VT 2026')!.metrics));
  });

  it('writes the headings in the language of the path', async () => {
    const response = await call(actors.coordinator, '', 'en');
    const [header] = parseCsv((await response.text()).replace(/^\uFEFF/, ''));
    expect(header![0]).toBe('Grouping');
  });

  it('answers 401 signed out, 403 to a member and an official, 422 to a date it cannot read', async () => {
    expect((await call(ANONYMOUS)).status).toBe(401);
    expect((await call(actors.member)).status).toBe(403);
    const official = await call(actors.official);
    expect(official.status).toBe(403);
    expect(await official.text()).not.toContain(';');
    expect((await call(actors.coordinator, '?fran=2026-99-01')).status).toBe(422);
    expect((await call(actors.coordinator, '', 'xx')).status).toBe(404);
  });
});
