/**
 * The page cache of one server process: least recently used first out, within a memory
 * budget. An entry answers only for the content version it was rendered at and until the
 * end of the minute it was rendered in, since pages show what is open now.
 */
import type { PageTemplate } from './template';

export const MINUTE_MS = 60_000;

interface Entry {
  version: string;
  expiresAt: number;
  template: PageTemplate;
}

export class PageStore {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;

  constructor(private readonly budgetBytes: number) {}

  get(key: string, version: string, now: number): PageTemplate | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.version !== version || entry.expiresAt <= now) {
      this.remove(key, entry);
      return undefined;
    }
    // Map keeps insertion order: moving the entry to the end marks it recently used.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.template;
  }

  set(key: string, version: string, renderedAt: number, template: PageTemplate): void {
    if (template.bytes > this.budgetBytes) return;
    const previous = this.entries.get(key);
    if (previous) this.remove(key, previous);
    const expiresAt = (Math.floor(renderedAt / MINUTE_MS) + 1) * MINUTE_MS;
    this.entries.set(key, { version, expiresAt, template });
    this.bytes += template.bytes;
    for (const [oldestKey, oldest] of this.entries) {
      if (this.bytes <= this.budgetBytes) break;
      this.remove(oldestKey, oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  get usedBytes(): number {
    return this.bytes;
  }

  private remove(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.bytes -= entry.template.bytes;
  }
}
