/**
 * What a benchmark run produces: every figure with its runs, median and range, the bar it is
 * held to (QUALITY.md) and whether the median meets it; `bench/results.json` is this object
 * and `bench/RESULTS.md` is renderMarkdown() of it.
 */
import { spread, type Spread } from './stats';

export type BarOp = '<' | '<=' | '>=' | '=';

export interface Bar {
  op: BarOp;
  value: number;
}

export interface Figure extends Spread {
  id: string;
  section: string;
  label: string;
  unit: string;
  /** null: reported for context (e.g. the direct Meilisearch p95 a ratio is built from). */
  bar: Bar | null;
  pass: boolean | null;
  note?: string;
}

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGb: number;
  loadAverage: number[];
  os: string;
  node: string;
  next: string;
  postgres: string;
  meilisearch: string;
  date: string;
  commit: string;
}

export interface BenchResults {
  machine: MachineInfo;
  options: Record<string, unknown>;
  dataset: Record<string, number>;
  figures: Figure[];
  /** Free-form observations (what was measured how, steps that were skipped). */
  notes: string[];
  /** Sections whose raw output is kept as the module returned it (JavaScript bytes, Lighthouse). */
  extra: Record<string, unknown>;
}

export function meetsBar(value: number, bar: Bar): boolean {
  if (!Number.isFinite(value)) return false;
  switch (bar.op) {
    case '<':
      return value < bar.value;
    case '<=':
      return value <= bar.value;
    case '>=':
      return value >= bar.value;
    case '=':
      return value === bar.value;
  }
}

/** A figure from its runs; the median is what is held to the bar. */
export function figure(fields: { id: string; section: string; label: string; unit: string; runs: number[]; bar?: Bar | null; note?: string }): Figure {
  const s = spread(fields.runs);
  const bar = fields.bar ?? null;
  return { id: fields.id, section: fields.section, label: fields.label, unit: fields.unit, ...s, bar, pass: bar ? meetsBar(s.median, bar) : null, ...(fields.note ? { note: fields.note } : {}) };
}

/** Numbers as people read them: whole numbers above 100, else up to two significant decimals. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return '–';
  if (Math.abs(value) >= 100 || Number.isInteger(value)) return String(Math.round(value));
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

const withUnit = (value: string, unit: string) => (unit === 'ratio' ? `${value}×` : unit === '%' ? `${value} %` : unit ? `${value} ${unit}` : value);

export function formatBar(bar: Bar | null, unit: string): string {
  if (!bar) return '';
  const op = { '<': '<', '<=': '≤', '>=': '≥', '=': '=' }[bar.op];
  return `${op} ${withUnit(formatNumber(bar.value), unit)}`;
}

const escapeCell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

export function renderMarkdown(results: BenchResults): string {
  const m = results.machine;
  const lines: string[] = [
    '# Benchmark results',
    '',
    'Produced by `npm run bench` (docs/decisions/0022-benchmark.md); bars from QUALITY.md. Each figure is the',
    'median of its runs, with the range (min–max) beside it; the median is what meets or misses the bar.',
    '',
    '## Machine',
    '',
    '| | |',
    '|---|---|',
    `| Date | ${m.date} |`,
    `| Commit | ${m.commit} |`,
    `| CPU | ${escapeCell(m.cpuModel)}, ${m.cores} cores |`,
    `| Memory | ${m.memoryGb} GB |`,
    `| Load average at start | ${m.loadAverage.map((l) => l.toFixed(2)).join(', ')} |`,
    `| OS | ${escapeCell(m.os)} |`,
    `| Node.js | ${m.node} |`,
    `| Next.js | ${m.next} |`,
    `| PostgreSQL | ${escapeCell(m.postgres)} |`,
    `| Meilisearch | ${m.meilisearch} |`,
    '',
    `Options: ${Object.entries(results.options).map(([k, v]) => `${k} ${JSON.stringify(v)}`).join(', ')}.`,
    `Dataset: ${Object.entries(results.dataset).map(([k, v]) => `${v.toLocaleString('en-US')} ${k}`).join(', ')}.`,
    '',
  ];
  const barred = results.figures.filter((f) => f.bar);
  const passed = barred.filter((f) => f.pass).length;
  lines.push(`**${passed} of ${barred.length} bars met.**${barred.some((f) => !f.pass) ? ` Missed: ${barred.filter((f) => !f.pass).map((f) => f.label).join('; ')}.` : ''}`, '');
  const sections = [...new Set(results.figures.map((f) => f.section))];
  for (const section of sections) {
    lines.push(`## ${section}`, '', '| Figure | Median | Range (min–max) | Runs | Bar | Result |', '|---|---|---|---|---|---|');
    for (const f of results.figures.filter((x) => x.section === section)) {
      const result = f.pass === null ? '' : f.pass ? 'pass' : '**miss**';
      const label = f.note ? `${f.label} (${f.note})` : f.label;
      lines.push(
        `| ${escapeCell(label)} | ${withUnit(formatNumber(f.median), f.unit)} | ${formatNumber(f.min)}–${formatNumber(f.max)} | ${f.runs.length} | ${formatBar(f.bar, f.unit)} | ${result} |`,
      );
    }
    lines.push('');
  }
  if (results.notes.length > 0) {
    lines.push('## Notes', '', ...results.notes.map((n) => `- ${n}`), '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
