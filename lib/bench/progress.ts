/**
 * Progress of a long command on stderr: entity, done/total, rate and time left. On a terminal
 * the line is redrawn in place; anywhere else (CI logs, a file) a plain line is written when
 * an entity finishes or at most every few seconds, so logs stay short and readable.
 */
export interface ProgressWriter {
  isTTY?: boolean;
  write(text: string): unknown;
}

export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return s >= 60 ? `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s` : `${s} s`;
}

export class Progress {
  private started = new Map<string, number>();
  private lastLine = Number.NEGATIVE_INFINITY;
  private drawn = false;

  constructor(
    private readonly out: ProgressWriter,
    private readonly clock: () => number = Date.now,
    private readonly intervalMs = 5_000,
  ) {}

  /** The line for an entity, e.g. "services 12000/50000  2400/s  ETA 16 s". */
  line(entity: string, done: number, total: number): string {
    const now = this.clock();
    const start = this.started.get(entity) ?? now;
    const seconds = (now - start) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const eta = rate > 0 && done < total ? `ETA ${formatDuration(((total - done) / rate) * 1000)}` : done >= total ? `done in ${formatDuration(now - start)}` : 'ETA -';
    return `${entity} ${done}/${total}  ${rate > 0 ? `${Math.round(rate)}/s` : '-/s'}  ${eta}`;
  }

  update(entity: string, done: number, total: number): void {
    const now = this.clock();
    if (!this.started.has(entity)) this.started.set(entity, now);
    const finished = done >= total;
    const text = this.line(entity, done, total);
    if (this.out.isTTY) {
      this.out.write(`\r\x1b[2K${text}${finished ? '\n' : ''}`);
      this.drawn = !finished;
      return;
    }
    if (finished || now - this.lastLine >= this.intervalMs) {
      this.out.write(`${text}\n`);
      this.lastLine = now;
    }
  }

  /** A message on its own line (ends a redrawn line first). */
  note(text: string): void {
    if (this.drawn) this.out.write('\n');
    this.drawn = false;
    this.out.write(`${text}\n`);
  }
}
