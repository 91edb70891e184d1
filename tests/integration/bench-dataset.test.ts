import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { BENCH_ID_PREFIX, createDataset, datasetCounts, FULL_SCALE, type BenchDataset, type GenService } from '@/lib/bench/dataset';
import { loadBenchDataset, type LoadReport } from '@/lib/bench/mutations';
import { MUNICIPALITIES, REGIONS } from '@/lib/bench/municipalities';
import { Progress } from '@/lib/bench/progress';
import { clockOf, parseServiceInput } from '@/lib/directory/service-input';
import type { IssueState } from '@/lib/generated/prisma/enums';
import { checkDocument } from '@/lib/news/document';
import { writeSearchProjection } from '@/lib/search/projection';
import { ALL_STATES, TRANSITIONS } from '@/lib/workshop/states';
import { seedDatabase } from '@/prisma/seed/index';
import { useTestDatabase } from '../helpers/db';

const NOW = new Date('2026-12-01T00:00:00Z');
const SCALE = 0.002;

/** Every generated entity, serialised in order: what "byte-identical" is checked on. */
function serialise(d: BenchDataset): string {
  const parts: unknown[] = [d.counts, d.municipalities, d.organizations, d.users, d.locations];
  for (let i = 0; i < d.counts.services; i++) parts.push(d.service(i));
  for (let i = 0; i < d.counts.posts; i++) parts.push(d.post(i));
  for (let i = 0; i < d.counts.issues; i++) parts.push(d.issue(i));
  return JSON.stringify(parts);
}
const digest = (text: string) => createHash('sha256').update(text).digest('hex');

const all = <T>(count: number, at: (i: number) => T) => Array.from({ length: count }, (_, i) => at(i));

/** A generated service as the service editor's input (ids are the generator's keys). */
function asServiceInput(d: BenchDataset, s: GenService) {
  const location = d.locations.find((l) => l.id === s.locationId);
  const blank = { name: '', summary: '', description: '', easyReadSummary: '', applicationProcess: '', eligibilityDescription: '', feesDescription: '' };
  const translation = (locale: 'en' | 'ar') => {
    const t = s.translations.find((x) => x.locale === locale);
    return t ? { ...blank, name: t.name, summary: t.summary, description: t.description ?? '' } : blank;
  };
  return {
    organizationId: s.organizationId,
    name: s.name,
    alternateName: s.alternateName ?? '',
    summary: s.summary,
    description: s.description,
    easyReadSummary: s.easyReadSummary ?? '',
    applicationProcess: s.applicationProcess,
    eligibilityDescription: s.eligibilityDescription ?? '',
    minimumAge: s.minimumAge,
    maximumAge: s.maximumAge,
    isFree: s.isFree,
    feesDescription: s.feesDescription ?? '',
    email: s.email ?? '',
    url: s.url ?? '',
    status: s.status,
    keywords: s.keywords,
    primaryCategoryId: s.categories[0],
    categoryIds: s.categories,
    targetGroupIds: s.targetGroups,
    attributes: s.attributes.map((attributeId) => ({ attributeId, note: '' })),
    languages: s.languages.map((code) => ({ code, note: '' })),
    areaMunicipalityIds: s.areas,
    locations: location
      ? [{
          id: location.id, name: location.name, description: '', addressLine1: location.addressLine1 ?? '', addressLine2: '',
          postalCode: location.postalCode ?? '', city: location.city ?? '', municipalityId: location.municipalityId,
          latitude: location.latitude, longitude: location.longitude, isProtected: location.isProtected,
          accessibilityDescription: location.accessibilityDescription ?? '', transportation: location.transportation ?? '', serviceDescription: '',
        }]
      : [],
    schedules: s.schedules.map((p) => ({
      weekday: p.weekday, opens: clockOf(p.opensMinute), closes: clockOf(p.closesMinute), description: p.description ?? '',
      validFrom: p.validFrom ?? '', validTo: p.validTo ?? '', locationIndex: null,
    })),
    exceptions: s.exceptions.map((e) => ({
      date: e.date, isClosed: e.isClosed, opens: e.opensMinute === null ? '' : clockOf(e.opensMinute), closes: e.closesMinute === null ? '' : clockOf(e.closesMinute), reason: e.reason,
    })),
    phones: s.phones.map((p) => ({ number: p.number, kind: p.kind, description: p.description ?? '' })),
    contacts: [],
    costOptions: s.costOptions.map((c) => ({ option: c.option, amount: c.amount, currency: 'SEK', amountDescription: c.amountDescription, validFrom: '', validTo: '' })),
    translations: { en: translation('en'), ar: translation('ar') },
  };
}

describe('createDataset', () => {
  const dataset = createDataset({ seed: 42, scale: SCALE, now: NOW });
  const services = all(dataset.counts.services, dataset.service);
  const posts = all(dataset.counts.posts, dataset.post);
  const issues = all(dataset.counts.issues, dataset.issue);

  it('gives byte-identical data for the same seed, and other data for another seed', () => {
    const again = serialise(createDataset({ seed: 42, scale: SCALE, now: NOW }));
    expect(digest(again)).toBe(digest(serialise(dataset)));
    expect(digest(serialise(createDataset({ seed: 43, scale: SCALE, now: NOW })))).not.toBe(digest(again));
  });

  it('generates an entity the same whether it is asked for alone or in order', () => {
    const fresh = createDataset({ seed: 42, scale: SCALE, now: NOW });
    expect(fresh.service(57)).toEqual(services[57]);
    expect(fresh.issue(dataset.counts.issues - 1)).toEqual(issues.at(-1));
  });

  it('has the counts of the requested scale, and QUALITY.md\'s national scale at 1', () => {
    expect(datasetCounts(1)).toEqual({ ...FULL_SCALE });
    expect(dataset.counts).toEqual({ municipalities: 290, organizations: 16, services: 100, posts: 40, issues: 10 });
    expect(dataset.organizations).toHaveLength(16);
    expect(dataset.users).toHaveLength(16);
    expect(() => datasetCounts(0)).toThrow(/scale/);
    expect(() => datasetCounts(2)).toThrow(/scale/);
  });

  it('covers all 290 municipalities once, with four-digit SCB codes, slugs and 21 regions', () => {
    expect(MUNICIPALITIES).toHaveLength(290);
    expect(new Set(MUNICIPALITIES.map((m) => m.code)).size).toBe(290);
    expect(MUNICIPALITIES.every((m) => /^\d{4}$/.test(m.code))).toBe(true);
    expect(new Set(dataset.municipalities.map((m) => m.slug)).size).toBe(290);
    expect(REGIONS).toHaveLength(21);
    expect(MUNICIPALITIES.find((m) => m.code === '0180')?.name).toBe('Stockholm');
    expect(MUNICIPALITIES.find((m) => m.code === '1883')?.name).toBe('Karlskoga');
  });

  it('gives every row an id with the bench prefix and unique slugs', () => {
    const ids = [...dataset.organizations, ...dataset.users, ...dataset.locations, ...services, ...posts, ...issues].map((r) => r.id);
    expect(ids.every((id) => id.startsWith(BENCH_ID_PREFIX))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(services.map((s) => s.slug)).size).toBe(services.length);
    expect(new Set(posts.map((p) => p.slug)).size).toBe(posts.length);
    expect(new Set(dataset.organizations.map((o) => o.slug)).size).toBe(dataset.organizations.length);
  });

  it('writes services that the service editor accepts as they are', () => {
    for (const s of services) {
      const input = asServiceInput(dataset, s);
      expect(() => parseServiceInput(input), s.id).not.toThrow();
    }
  });

  it('writes Swedish text and opening hours with periods past midnight, protected places without an address', () => {
    const big = createDataset({ seed: 42, scale: 0.02, now: NOW });
    const many = all(big.counts.services, big.service);
    expect(many.some((s) => s.schedules.some((p) => p.closesMinute > 1440))).toBe(true);
    expect(many.some((s) => s.translations.some((t) => t.locale === 'ar'))).toBe(true);
    expect(many.some((s) => /våld/i.test(s.description))).toBe(true);
    const hidden = big.locations.filter((l) => l.isProtected);
    expect(hidden.length).toBeGreaterThan(0);
    expect(hidden.every((l) => l.addressLine1 === null && l.latitude === null && l.postalCode === null)).toBe(true);
    expect(many.some((s) => hidden.some((l) => l.id === s.locationId))).toBe(true);
  });

  it('writes news bodies that pass the allow-list unchanged', () => {
    for (const p of posts) {
      const checked = checkDocument(p.body);
      expect(checked.ok, p.id).toBe(true);
      if (checked.ok) expect(checked.document).toEqual(p.body);
    }
  });

  it('reaches every issue state through the transitions of lib/workshop/states.ts', () => {
    const wide = createDataset({ seed: 42, scale: 0.02, now: NOW });
    const many = all(wide.counts.issues, wide.issue);
    expect(new Set(many.map((i) => i.state))).toEqual(new Set(ALL_STATES));
    for (const issue of many) {
      const [created, ...steps] = issue.events;
      expect(created).toMatchObject({ type: 'CREATED', toState: 'DRAFT' });
      let state: IssueState = 'DRAFT';
      for (const event of steps) {
        const transition = Object.values(TRANSITIONS).find((t) => t.event === event.type && t.to === event.toState && t.from.includes(state));
        expect(transition, `${issue.id}: ${event.type} ${state} -> ${event.toState}`).toBeDefined();
        expect(event.fromState).toBe(state);
        state = event.toState;
      }
      expect(state).toBe(issue.state);
      const times = issue.events.map((e) => e.createdAt);
      expect([...times].sort()).toEqual(times);
      if (issue.answers.length > 0) expect(issue.firstAnsweredAt).not.toBeNull();
    }
  });
});

describe('loadBenchDataset', () => {
  const db = useTestDatabase();
  const dataset = createDataset({ seed: 42, scale: SCALE, now: NOW });
  let report: LoadReport;

  beforeAll(async () => {
    await seedDatabase(db.prisma, { now: NOW });
    report = await loadBenchDataset(db.prisma, dataset);
  }, 120_000);

  it('writes every generated entity on top of the demo data', async () => {
    const bench = { id: { startsWith: BENCH_ID_PREFIX } };
    expect(await db.prisma.service.count({ where: bench })).toBe(100);
    expect(await db.prisma.organization.count({ where: bench })).toBe(16);
    expect(await db.prisma.newsPost.count({ where: bench })).toBe(40);
    expect(await db.prisma.workshopIssue.count({ where: bench })).toBe(10);
    expect(await db.prisma.workshopEvent.count({ where: { issueId: { startsWith: BENCH_ID_PREFIX } } })).toBe(
      all(dataset.counts.issues, dataset.issue).reduce((n, i) => n + i.events.length, 0),
    );
    // The demo's Karlskoga and Degerfors are reused: every Swedish municipality exactly once.
    expect(await db.prisma.municipality.count()).toBe(290);
    expect(report.reusedMunicipalities.sort()).toEqual(['1862 Degerfors', '1883 Karlskoga']);
    expect(await db.prisma.service.count({ where: { id: { not: { startsWith: BENCH_ID_PREFIX } } } })).toBeGreaterThan(0);
  });

  it('projects every active bench service for search, as writeSearchProjection would', async () => {
    const active = all(dataset.counts.services, dataset.service).filter((s) => s.status === 'ACTIVE').map((s) => s.id);
    expect(await db.prisma.serviceSearchDocument.count({ where: { serviceId: { startsWith: BENCH_ID_PREFIX } } })).toBe(active.length);
    const sample = active.slice(0, 5);
    const read = () =>
      db.prisma.$queryRawUnsafe<unknown[]>(
        `SELECT "serviceId", "slug", "name", "searchText", "searchVector"::text AS v, "categories", "municipalities", "targetGroups",
           "languages", "attributes", "openSlots", "freshness", "document" FROM "ServiceSearchDocument" WHERE "serviceId" = ANY($1::text[]) ORDER BY "serviceId"`,
        sample,
      );
    const batched = await read();
    await writeSearchProjection(db.prisma, sample, NOW);
    expect(await read()).toEqual(batched);
  });

  it('makes bench services findable by the fallback engine\'s full-text vector', async () => {
    const [hit] = await db.prisma.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM "ServiceSearchDocument" WHERE "serviceId" LIKE 'bench-%' AND "searchVector" @@ to_tsquery('swedish', 'samtal')`,
    );
    expect(Number(hit?.n)).toBeGreaterThan(0);
  });

  it('replaces its earlier data when run again instead of doubling it', async () => {
    const second = await loadBenchDataset(db.prisma, dataset);
    expect(second.cleared.service).toBe(100);
    expect(await db.prisma.service.count({ where: { id: { startsWith: BENCH_ID_PREFIX } } })).toBe(100);
    expect(await db.prisma.newsPost.count({ where: { id: { startsWith: BENCH_ID_PREFIX } } })).toBe(40);
  });
});

describe('Progress', () => {
  it('writes plain lines without cursor control when stderr is not a terminal, at most every interval', () => {
    const written: string[] = [];
    let t = 0;
    const progress = new Progress({ isTTY: false, write: (s) => written.push(s) }, () => t, 5_000);
    progress.update('services', 0, 100);
    t = 1_000;
    progress.update('services', 10, 100);
    t = 6_000;
    progress.update('services', 60, 100);
    t = 8_000;
    progress.update('services', 100, 100);
    const output = written.join('');
    expect(output.includes('\r') || output.includes('\u001b')).toBe(false);
    expect(written).toEqual(['services 0/100  -/s  ETA -\n', 'services 60/100  10/s  ETA 4 s\n', 'services 100/100  13/s  done in 8 s\n']);
  });

  it('redraws one line on a terminal', () => {
    const written: string[] = [];
    const progress = new Progress({ isTTY: true, write: (s) => written.push(s) }, () => 0);
    progress.update('posts', 1, 2);
    expect(written[0]?.startsWith('\r\u001b[2Kposts 1/2')).toBe(true);
  });
});
