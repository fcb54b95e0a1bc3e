// Per-key debouncing (one timer per document URI, never a global one) with injectable timers for tests.

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

export const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
  now: () => performance.now(),
};

export class KeyedDebouncer {
  private readonly pending = new Map<string, unknown>();
  constructor(private readonly timers: Timers = realTimers) {}

  /** Run fn for key after ms; a later call for the same key replaces the earlier one. ms <= 0 runs at once. */
  schedule(key: string, ms: number, fn: () => void): void {
    this.cancel(key);
    if (ms <= 0) { fn(); return; }
    const h = this.timers.setTimeout(() => {
      this.pending.delete(key);
      fn();
    }, ms);
    this.pending.set(key, h);
  }

  cancel(key: string): void {
    const h = this.pending.get(key);
    if (h !== undefined) {
      this.timers.clearTimeout(h);
      this.pending.delete(key);
    }
  }

  has(key: string): boolean { return this.pending.has(key); }

  dispose(): void {
    for (const h of this.pending.values()) this.timers.clearTimeout(h);
    this.pending.clear();
  }
}
