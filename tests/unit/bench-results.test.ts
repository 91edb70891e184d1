import { describe, expect, it } from 'vitest';
import { parseBenchOptions, withDatabase, DEFAULT_DATABASE_URL } from '@/bench/lib/options';
import { figure, formatBar, meetsBar, renderMarkdown, type BenchResults } from '@/bench/lib/results';

const machine = {
  cpuModel: 'Test CPU | fast',
  cores: 2,
  memoryGb: 8,
  loadAverage: [1, 0.5, 0.25],
  os: 'Linux 6 x64',
  node: 'v22.23.3',
  next: '16.4.6',
  postgres: '15.20',
  meilisearch: '1.21.0',
  date: '2026-12-05T22:00:00.000Z',
  commit: 'abc1234',
};

describe('a figure against its bar', () => {
  it('is held to the bar by its median, not by its best or worst run', () => {
    const f = figure({ id: 'x', section: 'S', label: 'p95', unit: 'ms', runs: [40, 70, 55], bar: { op: '<', value: 60 } });
    expect(f).toMatchObject({ median: 55, min: 40, max: 70, pass: true });
    expect(figure({ id: 'x', section: 'S', label: 'p95', unit: 'ms', runs: [40, 70, 65], bar: { op: '<', value: 60 } }).pass).toBe(false);
  });

  it('has no verdict when it has no bar', () => {
    expect(figure({ id: 'x', section: 'S', label: 'direct p95', unit: 'ms', runs: [5] }).pass).toBeNull();
  });

  it('reads each kind of bar as QUALITY.md writes it', () => {
    expect(meetsBar(60, { op: '<', value: 60 })).toBe(false);
    expect(meetsBar(2, { op: '<=', value: 2 })).toBe(true);
    expect(meetsBar(40, { op: '>=', value: 40 })).toBe(true);
    expect(meetsBar(1, { op: '=', value: 0 })).toBe(false);
    expect(meetsBar(Number.NaN, { op: '>=', value: 0 })).toBe(false);
    expect(formatBar({ op: '<=', value: 2 }, 'ratio')).toBe('≤ 2×');
    expect(formatBar({ op: '>=', value: 40 }, '%')).toBe('≥ 40 %');
  });
});

describe('RESULTS.md', () => {
  const results: BenchResults = {
    machine,
    options: { scale: 1, repeat: 3 },
    dataset: { services: 50_000 },
    figures: [
      figure({ id: 'a', section: 'Search', label: 'Portal p95', unit: 'ms', runs: [41.5, 44.25, 39], bar: { op: '<', value: 60 } }),
      figure({ id: 'b', section: 'Search', label: 'Direct p95', unit: 'ms', runs: [20, 21, 22] }),
      figure({ id: 'c', section: 'Reindex', label: 'Full reindex', unit: 's', runs: [70, 75], bar: { op: '<', value: 60 } }),
    ],
    notes: ['Measured on a shared machine.'],
    extra: {},
  };
  const markdown = renderMarkdown(results);

  it('names the machine and software the figures were measured on', () => {
    expect(markdown).toContain('| CPU | Test CPU \\| fast, 2 cores |');
    expect(markdown).toContain('| PostgreSQL | 15.20 |');
    expect(markdown).toContain('| Commit | abc1234 |');
    expect(markdown).toContain('50,000 services');
  });

  it('gives each figure its median, range, runs, bar and result in its section', () => {
    expect(markdown).toContain('## Search');
    expect(markdown).toContain('| Portal p95 | 41.5 ms | 39–44.3 | 3 | < 60 ms | pass |');
    expect(markdown).toContain('| Direct p95 | 21 ms | 20–22 | 3 |  |  |');
    expect(markdown).toContain('| Full reindex | 72.5 s | 70–75 | 2 | < 60 s | **miss** |');
  });

  it('says up front how many bars were met and which were missed', () => {
    expect(markdown).toContain('**1 of 2 bars met.** Missed: Full reindex.');
    expect(markdown).toContain('- Measured on a shared machine.');
  });
});

describe('bench options', () => {
  it('defaults to the full dataset, three runs of ten seconds and every section', () => {
    const options = parseBenchOptions([], {});
    expect(options).toMatchObject({ scale: 1, repeat: 3, duration: 10, skipData: false, databaseUrl: DEFAULT_DATABASE_URL });
    expect(options.only).toContain('search');
  });

  it('takes the PostgreSQL server from the flag, then DATABASE_URL, then TEST_DATABASE_URL', () => {
    const flag = 'postgresql://a@h:1/x';
    expect(parseBenchOptions(['--database-url', flag], { DATABASE_URL: 'postgresql://b@h/y' }).databaseUrl).toBe(flag);
    expect(parseBenchOptions([], { DATABASE_URL: 'pglite:./.data', TEST_DATABASE_URL: 'postgresql://t@h/z' }).databaseUrl).toBe('postgresql://t@h/z');
    expect(parseBenchOptions([], { DATABASE_URL: 'postgresql://b@h/y' }).databaseUrl).toBe('postgresql://b@h/y');
  });

  it('runs a subset in the order of the run, whatever order it was asked in', () => {
    expect(parseBenchOptions(['--only', 'lag,search'], {}).only).toEqual(['search', 'lag']);
  });

  it.each([
    [['--scale', '2'], /--scale must be/],
    [['--scale', 'x'], /--scale must be/],
    [['--repeat', '0'], /--repeat must be/],
    [['--duration', '0.5'], /--duration must be/],
    [['--only', 'search,bogus'], /unknown: bogus/],
    [['--database-url', 'pglite:memory'], /needs PostgreSQL/],
    [['--fast'], /Unknown option '--fast'/],
  ])('refuses %j with a clear message', (args, message) => {
    expect(() => parseBenchOptions(args as string[], {})).toThrow(message);
  });

  it('works in another database of the same server', () => {
    expect(withDatabase('postgresql://postgres@127.0.0.1:5432/postgres', 'lisa_bench')).toBe('postgresql://postgres@127.0.0.1:5432/lisa_bench');
  });
});
