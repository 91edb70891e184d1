import { afterEach, vi } from 'vitest';

// Tests share a worker per file; a spy or fake timer left behind would leak into the next test.
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});
