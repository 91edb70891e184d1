/**
 * `npm run bench -- [--scale 1] [--repeat 3] [--duration 10] [--skip-data] [--only a,b]
 * [--seed 1] [--database-url postgresql://...] [--out bench]`: measures the production build
 * against the bars of QUALITY.md (Performance) in one run and writes `bench/results.json` and
 * `bench/RESULTS.md`. docs/decisions/0022-benchmark.md says what is measured how.
 *
 * Sections (--only): reindex, search, fallback, pages, lag, js, lighthouse. Exit code 0 when
 * every step ran, whether or not the bars were met (the results say which); 1 when a step
 * failed. Everything it starts (Meilisearch, app servers) is stopped on the way out.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Meilisearch } from 'meilisearch';
import { connectDb, type DbHandle } from '../lib/db/client';
import { resolveOpenNow } from '../lib/directory/open-now';
import { formatDuration, Progress } from '../lib/bench/progress';
import { getEnv } from '../lib/env';
import { analyzeSearchQuery } from '../lib/search/analyze';
import { createMeiliClient } from '../lib/search/client';
import { startEmbeddedMeili, findFreePort, type EmbeddedMeili } from '../lib/search/embedded-server';
import { createMeiliEngine, textQueries } from '../lib/search/engines/meilisearch';
import { reindexServices, servicesIndexName } from '../lib/search/meili-index';
import { recordServiceChanges } from '../lib/search/projection';
import { parseSearchQuery } from '../lib/search/query';
import { MEILI_SEARCH_TIMEOUT_MS } from '../lib/search/service';
import type { EngineRequest } from '../lib/search/types';
import { ensureBuilt, startNext, type NextServer } from '../scripts/lib/next-app';
import { httpStatus } from '../scripts/lib/processes';
import { datasetMarker, ensureBenchDatabase, loadDataset, readMarker, writeMarker } from './lib/database';
import { measureJsBytes } from './lib/js-bytes';
import { runLighthouse } from './lib/lighthouse';
import { runHttpAtRate, runOpenLoop, runThroughput, type LoadResult } from './lib/load';
import { machineInfo } from './lib/machine';
import { OptionsError, parseBenchOptions, type BenchOptions, type Section } from './lib/options';
import { queryMix } from './lib/queries';
import { figure, renderMarkdown, type BenchResults, type Figure } from './lib/results';
import { signIn } from './lib/sign-in';
import { percentile } from './lib/stats';

/** Queries in the mix; a step at 50 req/s for 10 s sends 500, so the mix comes round again. */
const MIX_SIZE = 250;
const SEARCH_RATE = 50;
/** A rate well within what one core serves, for the cost of a search without queueing. */
const LIGHT_RATE = 5;
const FALLBACK_RATE = 20;
const PAGE_CONNECTIONS = 10;
const LAG_CHANGES_PER_ROUND = 20;
const LAG_TIMEOUT_MS = 30_000;
const MAX_LAG_TIMEOUTS = 3;
const DEMO_PASSWORD = 'demo-lisa-2026';
const WORKSHOP_USER = 'samordnare@lisa.example';
const PUBLIC_JS_ROUTES = ['/', '/sok?q=stod', '/nyheter'];

const progress = new Progress(process.stderr);
const say = (message: string) => progress.note(message);

/** Everything started, stopped in reverse order on the way out (also on Ctrl-C). */
const cleanups: (() => Promise<unknown>)[] = [];
async function cleanUp(): Promise<void> {
  while (cleanups.length > 0) {
    const cleanup = cleanups.pop()!;
    await cleanup().catch((error: unknown) => console.error(`cleanup failed: ${(error as Error).message}`));
  }
}

interface Context {
  options: BenchOptions;
  benchUrl: string;
  db: DbHandle;
  meili: EmbeddedMeili;
  client: Meilisearch;
  figures: Figure[];
  notes: string[];
  extra: Record<string, unknown>;
  logDir: string;
  dataDir: string;
}

const runs = <T>(count: number, fn: (round: number) => Promise<T>) =>
  (async () => {
    const out: T[] = [];
    for (let round = 0; round < count; round++) out.push(await fn(round));
    return out;
  })();

const loadLine = (what: string, r: LoadResult) =>
  `${what}: p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, ${r.requestsPerSecond.toFixed(1)} req/s, ${r.non2xx} non-2xx, ${r.errors} errors${r.lateStarts ? `, ${r.lateStarts} late starts` : ''}${r.firstError ? ` (first error: ${r.firstError})` : ''}`;

async function prepareData(options: BenchOptions): Promise<{ benchUrl: string; postgresVersion: string }> {
  const { url: benchUrl, version, created } = await ensureBenchDatabase(options.databaseUrl);
  say(`PostgreSQL ${version}: ${created ? 'created' : 'using'} database lisa_bench`);
  const day = new Date().toISOString().slice(0, 10);
  const marker = datasetMarker(options.seed, options.scale, day);
  if (options.skipData) {
    say(`--skip-data: keeping the data in lisa_bench (${(await readMarker(benchUrl)) ?? 'no marker'})`);
  } else if ((await readMarker(benchUrl)) === marker) {
    say(`Dataset already loaded today (${marker}); not reloading.`);
  } else {
    say(`Loading the dataset (scale ${options.scale}, seed ${options.seed}) with bench:data...`);
    const started = Date.now();
    // A load that stops halfway must not be taken for a complete one next time.
    await writeMarker(benchUrl, null);
    await loadDataset(benchUrl, { seed: options.seed, scale: options.scale, day });
    await writeMarker(benchUrl, marker);
    say(`Dataset loaded in ${formatDuration(Date.now() - started)}`);
  }
  return { benchUrl, postgresVersion: version };
}

async function datasetCounts(ctx: Pick<Context, 'db'>): Promise<Record<string, number>> {
  const p = ctx.db.prisma;
  const [municipalities, organizations, services, searchable, posts, issues] = await Promise.all([
    p.municipality.count(),
    p.organization.count(),
    p.service.count(),
    p.serviceSearchDocument.count(),
    p.newsPost.count(),
    p.workshopIssue.count(),
  ]);
  return { municipalities, organizations, services, 'searchable services': searchable, 'news posts': posts, 'workshop issues': issues };
}

async function reindexSection(ctx: Context, measured: boolean): Promise<void> {
  const rounds = measured ? Math.max(2, ctx.options.repeat) : 1;
  const seconds = await runs(rounds, async (round) => {
    const report = await reindexServices(ctx.client, ctx.db.prisma);
    say(`Full reindex ${round + 1}/${rounds}: ${report.documents} services in ${formatDuration(report.milliseconds)}`);
    return report.milliseconds / 1000;
  });
  if (measured) {
    ctx.figures.push(figure({ id: 'reindex.seconds', section: 'Reindex', label: 'Full reindex of every service', unit: 's', runs: seconds, bar: { op: '<', value: 60 } }));
  }
}

/**
 * Waits (up to a minute) until the app answers its health check quickly again: a step that
 * overloaded it leaves work behind that would be counted against the next one.
 */
async function settle(app: NextServer): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const begin = performance.now();
    if ((await httpStatus(`${app.url}/api/health`, 5000)) !== undefined && performance.now() - begin < 500) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  say('The app is still slow to answer a minute after the last step; going on.');
}

/** Sends every path once, one at a time: caches and connections warm, and nothing fails. */
async function warmUp(baseUrl: string, paths: string[], headers?: Record<string, string>): Promise<void> {
  for (const p of paths) {
    const response = await fetch(`${baseUrl}${p}`, { headers, redirect: 'manual', signal: AbortSignal.timeout(30_000) });
    await response.arrayBuffer();
    if (response.status >= 400) throw new Error(`Warm-up: GET ${p} answered ${response.status}`);
  }
}

async function searchSection(ctx: Context, app: NextServer): Promise<void> {
  const { repeat, duration, seed } = ctx.options;
  const mix = queryMix(seed, MIX_SIZE);
  const apiPaths = mix.map((m) => `/api/search?${m.params}${m.params ? '&' : ''}live=1`);
  const pagePaths = mix.map((m) => `/sok?${m.params}`);

  // The portal must answer from Meilisearch, and the mix must find something.
  const probe = (await (await fetch(`${app.url}${apiPaths[0]}`)).json()) as { engine?: string };
  if (probe.engine !== 'meilisearch') throw new Error(`The portal answered from ${probe.engine ?? 'nothing'}, not Meilisearch`);
  let nonEmpty = 0;
  for (const p of apiPaths.slice(0, 100)) {
    const body = (await (await fetch(`${app.url}${p}`)).json()) as { total?: number };
    if ((body.total ?? 0) > 0) nonEmpty++;
  }
  ctx.notes.push(`Search mix: ${mix.length} queries from seed ${seed}; ${nonEmpty} of the first 100 find services.`);
  await warmUp(app.url, pagePaths.slice(0, 20));

  // The same searches straight to Meilisearch: the requests the portal's engine builds
  // (lib/search/engines/meilisearch.ts), from the same analysis and open-now state, with the
  // same client settings; only the HTTP hop to the portal and its work around it are missing.
  say('Preparing the same searches for Meilisearch (query analysis, open-now state)...');
  const now = new Date();
  const openNow = await resolveOpenNow(ctx.db.prisma, now);
  const requests: EngineRequest[] = [];
  for (const m of mix) {
    const query = parseSearchQuery(new URLSearchParams(m.params));
    requests.push({ query, analysis: await analyzeSearchQuery(ctx.db.prisma, query.q), locale: 'sv', openNow });
  }
  // How much one search asks of Meilisearch: the requests its engine sends and the queries in them.
  const perSearch = requests.map((r) => ({ requests: meiliRequestsOf(r), queries: meiliQueriesOf(r) }));
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  ctx.notes.push(
    `One portal search sends Meilisearch ${mean(perSearch.map((p) => p.requests)).toFixed(1)} multi-search requests holding ${mean(perSearch.map((p) => p.queries)).toFixed(1)} queries on average over the mix (max ${Math.max(...perSearch.map((p) => p.queries))}).`,
  );
  const engine = createMeiliEngine(createMeiliClient(ctx.meili.host, ctx.meili.masterKey, MEILI_SEARCH_TIMEOUT_MS), servicesIndexName());
  for (const request of requests.slice(0, 20)) await engine.search(request);

  // Meilisearch keeps working through searches whose callers gave up; the next step must not
  // start behind that backlog.
  const settleSearch = async () => {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const begin = performance.now();
      const answered = await engine.search(requests[0]!).then(() => true, () => false);
      if (answered && performance.now() - begin < 500) return;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    say('Meilisearch is still slow a minute after the last step; going on.');
  };

  const portal: LoadResult[] = [];
  const direct: LoadResult[] = [];
  const page: LoadResult[] = [];
  const lightPortal: LoadResult[] = [];
  const lightDirect: LoadResult[] = [];
  for (let round = 0; round < repeat; round++) {
    // What one search costs without queueing: the same mix at a rate the machine keeps up with.
    await settleSearch();
    lightPortal.push(await runHttpAtRate({ baseUrl: app.url, paths: apiPaths, rate: LIGHT_RATE, durationSeconds: duration }));
    say(loadLine(`Search ${round + 1}/${repeat}, portal /api/search at ${LIGHT_RATE} req/s`, lightPortal.at(-1)!));
    lightDirect.push(
      await runOpenLoop({ rate: LIGHT_RATE, durationSeconds: duration, task: (i) => engine.search(requests[i % requests.length]!).then(() => 'ok' as const) }),
    );
    say(loadLine(`Search ${round + 1}/${repeat}, straight to Meilisearch at ${LIGHT_RATE} req/s`, lightDirect.at(-1)!));
    // Side by side in each round, so a busy moment on the machine hits both.
    await settleSearch();
    portal.push(await runHttpAtRate({ baseUrl: app.url, paths: apiPaths, rate: SEARCH_RATE, durationSeconds: duration }));
    say(loadLine(`Search ${round + 1}/${repeat}, portal /api/search`, portal.at(-1)!));
    await settleSearch();
    direct.push(
      await runOpenLoop({
        rate: SEARCH_RATE,
        durationSeconds: duration,
        task: (i) => engine.search(requests[i % requests.length]!).then(() => 'ok' as const),
      }),
    );
    say(loadLine(`Search ${round + 1}/${repeat}, straight to Meilisearch`, direct.at(-1)!));
    await settleSearch();
    page.push(await runHttpAtRate({ baseUrl: app.url, paths: pagePaths, rate: SEARCH_RATE, durationSeconds: duration }));
    say(loadLine(`Search ${round + 1}/${repeat}, /sok HTML`, page.at(-1)!));
  }
  const section = 'Search (Meilisearch, 50 req/s)';
  ctx.figures.push(
    figure({ id: 'search.portal.p95', section, label: 'Portal /api/search p95', unit: 'ms', runs: portal.map((r) => r.p95), bar: { op: '<', value: 60 } }),
    figure({ id: 'search.portal.p50', section, label: 'Portal /api/search p50', unit: 'ms', runs: portal.map((r) => r.p50) }),
    figure({ id: 'search.portal.p99', section, label: 'Portal /api/search p99', unit: 'ms', runs: portal.map((r) => r.p99) }),
    figure({ id: 'search.direct.p95', section, label: 'Same searches straight to Meilisearch p95', unit: 'ms', runs: direct.map((r) => r.p95) }),
    figure({ id: 'search.direct.p50', section, label: 'Same searches straight to Meilisearch p50', unit: 'ms', runs: direct.map((r) => r.p50) }),
    figure({
      id: 'search.ratio',
      section,
      label: 'Portal p95 / direct p95',
      unit: 'ratio',
      runs: portal.map((r, i) => r.p95 / direct[i]!.p95),
      bar: { op: '<=', value: 2 },
    }),
    figure({ id: 'search.portal.failures', section, label: 'Portal /api/search non-2xx and errors', unit: '', runs: portal.map((r) => r.non2xx + r.errors), bar: { op: '=', value: 0 } }),
    figure({ id: 'search.page.p95', section, label: 'Search page /sok HTML p95', unit: 'ms', runs: page.map((r) => r.p95), bar: { op: '<', value: 150 } }),
    figure({ id: 'search.page.p50', section, label: 'Search page /sok HTML p50', unit: 'ms', runs: page.map((r) => r.p50) }),
    figure({ id: 'search.page.failures', section, label: 'Search page /sok non-2xx and errors', unit: '', runs: page.map((r) => r.non2xx + r.errors), bar: { op: '=', value: 0 } }),
  );
  const light = `Search at ${LIGHT_RATE} req/s (context: the cost of one search without queueing)`;
  ctx.figures.push(
    figure({ id: 'search.light.portal.p50', section: light, label: 'Portal /api/search p50', unit: 'ms', runs: lightPortal.map((r) => r.p50) }),
    figure({ id: 'search.light.portal.p95', section: light, label: 'Portal /api/search p95', unit: 'ms', runs: lightPortal.map((r) => r.p95) }),
    figure({ id: 'search.light.direct.p50', section: light, label: 'Straight to Meilisearch p50', unit: 'ms', runs: lightDirect.map((r) => r.p50) }),
    figure({ id: 'search.light.direct.p95', section: light, label: 'Straight to Meilisearch p95', unit: 'ms', runs: lightDirect.map((r) => r.p95) }),
    figure({ id: 'search.light.failures', section: light, label: 'Non-2xx and errors (portal and direct)', unit: '', runs: lightPortal.map((r, i) => r.non2xx + r.errors + lightDirect[i]!.non2xx + lightDirect[i]!.errors) }),
  );
}

/** Multi-search requests the engine sends for one search: the main pass, one per chosen disjunctive facet, the open-now count. */
function meiliRequestsOf(request: EngineRequest): number {
  const q = request.query;
  const chosen = [q.categories, q.municipalities, q.targetGroups, q.languages].filter((v) => v.length > 0).length;
  return 1 + chosen + (q.openNow ? 0 : 1);
}

/** Queries inside those requests: a browse has one per request, a text search all its text queries in each. */
function meiliQueriesOf(request: EngineRequest): number {
  const text = textQueries(request.analysis).length;
  return meiliRequestsOf(request) * Math.max(1, text);
}

async function fallbackSection(ctx: Context, app: NextServer): Promise<void> {
  const { repeat, duration, seed } = ctx.options;
  const apiPaths = queryMix(seed, MIX_SIZE).map((m) => `/api/search?${m.params}${m.params ? '&' : ''}live=1`);
  const probe = (await (await fetch(`${app.url}${apiPaths[0]}`)).json()) as { engine?: string };
  if (probe.engine !== 'postgres') throw new Error(`The fallback instance answered from ${probe.engine ?? 'nothing'}, not PostgreSQL`);
  await warmUp(app.url, apiPaths.slice(0, 20));
  const results = await runs(repeat, async (round) => {
    const r = await runHttpAtRate({ baseUrl: app.url, paths: apiPaths, rate: FALLBACK_RATE, durationSeconds: duration });
    say(loadLine(`Fallback ${round + 1}/${repeat}, /api/search on PostgreSQL`, r));
    return r;
  });
  const section = 'Fallback search (PostgreSQL, 20 req/s)';
  ctx.figures.push(
    figure({ id: 'fallback.p95', section, label: 'Portal /api/search on PostgreSQL p95', unit: 'ms', runs: results.map((r) => r.p95), bar: { op: '<', value: 150 } }),
    figure({ id: 'fallback.p50', section, label: 'Portal /api/search on PostgreSQL p50', unit: 'ms', runs: results.map((r) => r.p50) }),
    figure({ id: 'fallback.failures', section, label: 'Non-2xx and errors', unit: '', runs: results.map((r) => r.non2xx + r.errors), bar: { op: '=', value: 0 } }),
  );
}

interface PageRoute {
  id: string;
  label: string;
  path: string;
  /** Held to the bar (public pages); the workshop queue is reported for context. */
  public: boolean;
  headers?: Record<string, string>;
}

const BASELINE_PATH = '/bench-baseline.html';

async function pagesSection(ctx: Context, app: NextServer, variant: { id: string; label: string; bars: boolean }): Promise<void> {
  const { repeat, duration } = ctx.options;
  const service = await ctx.db.prisma.serviceSearchDocument.findFirst({ where: { serviceId: { startsWith: 'bench-' } }, orderBy: { serviceId: 'asc' }, select: { slug: true } });
  if (!service) throw new Error('No searchable bench service for /tjanster/[slug]');
  const cookie = await signIn(app.url, WORKSHOP_USER, DEMO_PASSWORD);
  const routes: PageRoute[] = [
    { id: 'home', label: '/', path: '/', public: true },
    { id: 'service', label: '/tjanster/[slug]', path: `/tjanster/${service.slug}`, public: true },
    { id: 'news', label: '/nyheter', path: '/nyheter', public: true },
    { id: 'workshop', label: '/verkstad (signed in)', path: '/verkstad', public: false, headers: { Cookie: cookie } },
  ];
  const baselineHead = await fetch(`${app.url}${BASELINE_PATH}`);
  await baselineHead.arrayBuffer();
  if (baselineHead.status !== 200) throw new Error(`The static baseline ${BASELINE_PATH} answered ${baselineHead.status}`);
  for (const route of routes) {
    await warmUp(app.url, [route.path, route.path, route.path], route.headers);
  }
  await warmUp(app.url, [BASELINE_PATH, BASELINE_PATH]);

  const baseline: LoadResult[] = [];
  const measured = new Map<string, LoadResult[]>(routes.map((r) => [r.id, []]));
  const ratios = new Map<string, number[]>(routes.map((r) => [r.id, []]));
  for (let round = 0; round < repeat; round++) {
    // The baseline before and after the pages of the round: their mean is what each page is
    // compared with, so a load swing on the machine during the round cancels out.
    const before = await runThroughput({ url: `${app.url}${BASELINE_PATH}`, connections: PAGE_CONNECTIONS, durationSeconds: duration });
    for (const route of routes) {
      const r = await runThroughput({ url: `${app.url}${route.path}`, connections: PAGE_CONNECTIONS, durationSeconds: duration, headers: route.headers });
      measured.get(route.id)!.push(r);
      say(loadLine(`Pages${variant.label} ${round + 1}/${repeat}, ${route.label}`, r));
    }
    const after = await runThroughput({ url: `${app.url}${BASELINE_PATH}`, connections: PAGE_CONNECTIONS, durationSeconds: duration });
    const reference = (before.requestsPerSecond + after.requestsPerSecond) / 2;
    baseline.push({ ...before, requestsPerSecond: reference, non2xx: before.non2xx + after.non2xx, errors: before.errors + after.errors });
    say(`Pages${variant.label} ${round + 1}/${repeat}, static baseline: ${before.requestsPerSecond.toFixed(0)} and ${after.requestsPerSecond.toFixed(0)} req/s`);
    for (const route of routes) ratios.get(route.id)!.push((measured.get(route.id)!.at(-1)!.requestsPerSecond / reference) * 100);
  }

  const section = `Page throughput${variant.label} (${PAGE_CONNECTIONS} connections)`;
  ctx.figures.push(figure({ id: `pages${variant.id}.baseline.rps`, section, label: `Static baseline ${BASELINE_PATH}`, unit: 'req/s', runs: baseline.map((r) => r.requestsPerSecond) }));
  for (const route of routes) {
    const results = measured.get(route.id)!;
    const bars = variant.bars && route.public;
    ctx.figures.push(
      figure({ id: `pages${variant.id}.${route.id}.rps`, section, label: `${route.label} throughput`, unit: 'req/s', runs: results.map((r) => r.requestsPerSecond) }),
      figure({ id: `pages${variant.id}.${route.id}.ratio`, section, label: `${route.label} vs static baseline`, unit: '%', runs: ratios.get(route.id)!, bar: bars ? { op: '>=', value: 40 } : null }),
      figure({ id: `pages${variant.id}.${route.id}.p95`, section, label: `${route.label} p95 under full load`, unit: 'ms', runs: results.map((r) => r.p95) }),
      figure({ id: `pages${variant.id}.${route.id}.failures`, section, label: `${route.label} non-2xx and errors`, unit: '', runs: results.map((r) => r.non2xx + r.errors), bar: bars ? { op: '=', value: 0 } : null }),
    );
  }
}

/**
 * Outbox to searchable: changes services one at a time through the write path every service
 * change takes (recordServiceChanges in the change's transaction), each with a word nothing
 * else contains, and asks Meilisearch until the word finds the service. The app's worker
 * does the rest, as it would for an edit in the portal. The words are taken out afterwards.
 */
async function lagSection(ctx: Context): Promise<void> {
  const { repeat } = ctx.options;
  const prisma = ctx.db.prisma;
  const services = await prisma.serviceSearchDocument.findMany({
    where: { serviceId: { startsWith: 'bench-' } },
    orderBy: { serviceId: 'asc' },
    take: LAG_CHANGES_PER_ROUND * repeat,
    select: { serviceId: true },
  });
  if (services.length < LAG_CHANGES_PER_ROUND * repeat) throw new Error(`Index lag needs ${LAG_CHANGES_PER_ROUND * repeat} searchable bench services, found ${services.length}`);
  const index = ctx.client.index(servicesIndexName());
  const runId = Date.now().toString(36);
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const changeKeywords = (id: string, change: (keywords: string[]) => string[]) =>
    prisma.$transaction(async (tx) => {
      const { keywords } = await tx.service.findUniqueOrThrow({ where: { id }, select: { keywords: true } });
      await tx.service.update({ where: { id }, data: { keywords: change(keywords) } });
      await recordServiceChanges(tx, [id]);
    });

  const p50s: number[] = [];
  const p95s: number[] = [];
  const changed: { id: string; word: string }[] = [];
  let timeouts = 0;
  try {
    for (let round = 0; round < repeat; round++) {
      const lags: number[] = [];
      for (let i = 0; i < LAG_CHANGES_PER_ROUND; i++) {
        // A worker that cannot keep up would make every further change wait the full timeout.
        if (timeouts >= MAX_LAG_TIMEOUTS) break;
        const id = services[round * LAG_CHANGES_PER_ROUND + i]!.serviceId;
        const word = `benchlag${runId}x${round}x${i}`;
        await changeKeywords(id, (k) => [...k, word]);
        changed.push({ id, word });
        const committed = performance.now();
        let lag: number | undefined;
        while (lag === undefined) {
          const { hits } = await index.search(word, { limit: 1, attributesToRetrieve: ['id'] });
          if (hits[0]?.id === id) lag = performance.now() - committed;
          else if (performance.now() - committed > LAG_TIMEOUT_MS) {
            // A miss, not a failed step: counted at the timeout, and said in the notes.
            lag = LAG_TIMEOUT_MS;
            timeouts++;
          } else await sleep(10);
        }
        lags.push(lag);
        // Apart, as edits are: each change is measured on its own.
        await sleep(50);
      }
      if (lags.length === 0) break;
      p50s.push(percentile(lags, 50));
      p95s.push(percentile(lags, 95));
      say(`Index lag ${round + 1}/${repeat}: p50 ${percentile(lags, 50).toFixed(0)} ms, p95 ${percentile(lags, 95).toFixed(0)} ms, max ${Math.max(...lags).toFixed(0)} ms over ${lags.length} changes`);
    }
  } finally {
    for (const { id, word } of changed) await changeKeywords(id, (k) => k.filter((w) => w !== word));
  }
  if (timeouts > 0) {
    ctx.notes.push(
      `Index lag: ${timeouts} change(s) were not searchable within ${LAG_TIMEOUT_MS / 1000} s and count as ${LAG_TIMEOUT_MS / 1000} s${timeouts >= MAX_LAG_TIMEOUTS ? `; the section stopped after ${MAX_LAG_TIMEOUTS}` : ''}.`,
    );
  }
  const section = 'Index lag (outbox to searchable)';
  ctx.figures.push(
    figure({ id: 'lag.p95', section, label: `Change to searchable p95 (${LAG_CHANGES_PER_ROUND} changes a run)`, unit: 'ms', runs: p95s, bar: { op: '<', value: 2000 } }),
    figure({ id: 'lag.p50', section, label: 'Change to searchable p50', unit: 'ms', runs: p50s }),
  );
}

async function jsSection(ctx: Context, app: NextServer, serviceSlug: string): Promise<void> {
  const routes = [...PUBLIC_JS_ROUTES, `/tjanster/${serviceSlug}`];
  const measured = await measureJsBytes(app.url, routes);
  ctx.extra.javascript = measured;
  const section = 'JavaScript on public pages (gzip)';
  for (const route of measured) {
    ctx.figures.push(
      figure({ id: `js.${route.route}`, section, label: `${route.route} scripts`, unit: 'KB', runs: [route.totalGzipBytes / 1024], bar: { op: '<=', value: 185 } }),
      figure({ id: `js.${route.route}.editor`, section, label: `${route.route} editor code (Tiptap/ProseMirror) present`, unit: '', runs: [route.editorCode ? 1 : 0], bar: { op: '=', value: 0 } }),
    );
  }
}

async function lighthouseSection(ctx: Context, app: NextServer, serviceSlug: string): Promise<void> {
  const urls = [...PUBLIC_JS_ROUTES, `/tjanster/${serviceSlug}`].map((r) => `${app.url}${r}`);
  const reports = await runLighthouse(urls, 5);
  ctx.extra.lighthouse = reports;
  const section = 'Lighthouse mobile (median of 5 runs)';
  const bars = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 } as const;
  for (const report of reports) {
    const route = report.url.slice(app.url.length);
    for (const [category, bar] of Object.entries(bars) as [keyof typeof bars, number][]) {
      const scores = report.categories[category].runs.map((s) => s ?? Number.NaN);
      ctx.figures.push(figure({ id: `lighthouse.${route}.${category}`, section, label: `${route} ${category}`, unit: '', runs: scores, bar: { op: '>=', value: bar } }));
    }
    if (report.failingAudits.length > 0) ctx.notes.push(`Lighthouse ${route}: failing audits in the median run: ${report.failingAudits.map((a) => a.id).join(', ')}.`);
  }
}

async function main(): Promise<number> {
  let options: BenchOptions;
  const env = getEnv();
  try {
    options = parseBenchOptions(process.argv.slice(2), { DATABASE_URL: env.DATABASE_URL, TEST_DATABASE_URL: env.TEST_DATABASE_URL });
  } catch (error) {
    if (error instanceof OptionsError) {
      console.error(`bench: ${error.message}`);
      return 2;
    }
    throw error;
  }
  const want = (s: Section) => options.only.includes(s);
  const started = Date.now();
  say(`bench: scale ${options.scale}, ${options.repeat} runs, ${options.duration} s per load step, sections ${options.only.join(', ')}`);

  const { benchUrl, postgresVersion } = await prepareData(options);
  const tmp = mkdtempSync(path.join(tmpdir(), 'lisa-bench-'));
  cleanups.push(async () => rmSync(tmp, { recursive: true, force: true }));
  // Logs outlive the run (the data folder does not), for a look after a failure.
  const logDir = mkdtempSync(path.join(tmpdir(), 'lisa-bench-logs-'));
  say(`Logs of the build and the app servers: ${logDir}`);

  const db = await connectDb(benchUrl);
  cleanups.push(() => db.close());
  const meili = await startEmbeddedMeili({ dataDir: path.join(tmp, 'meili') });
  cleanups.push(() => meili.stop());
  const client = createMeiliClient(meili.host, meili.masterKey, 120_000);
  const meiliVersion = (await client.getVersion()).pkgVersion;
  const machine = machineInfo({ postgres: postgresVersion, meilisearch: meiliVersion });
  const ctx: Context = { options, benchUrl, db, meili, client, figures: [], notes: [], extra: {}, logDir, dataDir: tmp };
  const dataset = await datasetCounts(ctx);
  say(`Dataset: ${Object.entries(dataset).map(([k, v]) => `${v} ${k}`).join(', ')}`);

  // The index must be full before anything searches it; measured or not.
  await reindexSection(ctx, want('reindex'));

  const needsApp = options.only.some((s) => s !== 'reindex');
  if (needsApp) {
    const buildStart = Date.now();
    const built = await ensureBuilt({ logFile: path.join(logDir, 'next-build.log'), onBuild: (reason) => say(`Building the app (${reason})...`) });
    if (built) say(`Built in ${formatDuration(Date.now() - buildStart)}`);
    const appEnv = { DATABASE_URL: benchUrl, APP_MODE: 'production', DATA_DIR: tmp, SMTP_URL: undefined, MAIL_CATCHER_API_URL: undefined, LOG_LEVEL: 'warn' };
    const startApp = async (name: string, extra: Record<string, string | undefined>) => {
      const port = await findFreePort();
      // Canonical links and feeds name the address the pages are measured at (Lighthouse SEO).
      const siteUrl = `http://127.0.0.1:${port}`;
      const server = await startNext({ port, env: { ...appEnv, SITE_URL: siteUrl, ...extra }, logFile: path.join(logDir, `app-${name}.log`), startTimeoutMs: 120_000 });
      cleanups.push(() => server.stop());
      say(`App ${name} at ${server.url}`);
      return server;
    };
    const appA = await startApp('meilisearch', { MEILI_HOST: meili.host, MEILI_MASTER_KEY: meili.masterKey, SEARCH_ENGINE: 'meilisearch', WORKER: 'on' });
    const serviceSlug = (await db.prisma.serviceSearchDocument.findFirst({ where: { serviceId: { startsWith: 'bench-' } }, orderBy: { serviceId: 'asc' }, select: { slug: true } }))?.slug;
    if (!serviceSlug) throw new Error('The dataset has no searchable bench service');

    if (want('lag')) await lagSection(ctx);
    if (want('pages')) {
      await pagesSection(ctx, appA, { id: '', label: '', bars: true });
      await settle(appA);
      // With the page cache of scripts/server.ts in front, also measure rendering without it.
      const cacheHeader = (await fetch(`${appA.url}/`)).headers.get('x-lisa-cache');
      if (cacheHeader) {
        ctx.notes.push(`Pages are served through the HTML page cache (X-Lisa-Cache: ${cacheHeader}); "without page cache" measures the same build with PAGE_CACHE=off.`);
        const appC = await startApp('uncached', { MEILI_HOST: meili.host, MEILI_MASTER_KEY: meili.masterKey, SEARCH_ENGINE: 'meilisearch', WORKER: 'off', PAGE_CACHE: 'off' });
        await pagesSection(ctx, appC, { id: '.uncached', label: ' without page cache', bars: false });
        await appC.stop();
      } else {
        ctx.notes.push('No page cache in front of the app (no X-Lisa-Cache header): every page request is rendered.');
      }
    }
    if (want('fallback')) {
      const appB = await startApp('postgres', { MEILI_HOST: undefined, MEILI_MASTER_KEY: undefined, SEARCH_ENGINE: 'postgres', WORKER: 'off' });
      await fallbackSection(ctx, appB);
      await appB.stop();
    }
    if (want('js')) await jsSection(ctx, appA, serviceSlug);
    if (want('lighthouse')) await lighthouseSection(ctx, appA, serviceSlug);
    // Last: searching at the fixed rates can overload this machine for minutes, which would
    // distort every figure measured after it.
    if (want('search')) {
      await searchSection(ctx, appA);
      await settle(appA);
    }
  }

  const results: BenchResults = {
    machine,
    options: { scale: options.scale, seed: options.seed, repeat: options.repeat, duration: options.duration, sections: options.only },
    dataset,
    figures: ctx.figures,
    notes: ctx.notes,
    extra: ctx.extra,
  };
  mkdirSync(options.out, { recursive: true });
  writeFileSync(path.join(options.out, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(path.join(options.out, 'RESULTS.md'), renderMarkdown(results));
  const missed = ctx.figures.filter((f) => f.pass === false);
  say(`bench done in ${formatDuration(Date.now() - started)}: ${options.out}/results.json, ${options.out}/RESULTS.md`);
  say(missed.length === 0 ? 'Every bar met.' : `Bars missed: ${missed.map((f) => f.label).join('; ')}`);
  return 0;
}

let interrupted = false;
// The servers run in process groups of their own, so a signal to us does not reach them.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    interrupted = true;
    console.error(`bench: ${signal}, stopping what was started...`);
    void cleanUp().then(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  });
}

main()
  .then(async (code) => {
    await cleanUp();
    if (!interrupted) process.exit(code);
  })
  .catch(async (error: unknown) => {
    console.error(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    await cleanUp();
    process.exit(1);
  });
