// Test helpers: fixture loading and applying fix edits.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { TextEdit } from '../../server/src/core';

export const ROOT = join(__dirname, '..', '..', '..');
export const FIXTURES = join(ROOT, 'test', 'fixtures');

export function reportNames(): string[] {
  return readdirSync(join(FIXTURES, 'reports')).filter((f) => f.endsWith('.txt')).map((f) => f.replace(/\.txt$/, '')).sort();
}

/**
 * A fixture report: a name in test/fixtures/reports, a path under test/fixtures (layouts/huaian-2024-t3-8col), or one
 * with its extension (corpus/shuyang-2025-converted.md).
 */
export function loadReport(name: string): string {
  // a path with its own extension (corpus/shuyang-2025-converted.md) is read as it is
  if (/\.(?:md|txt)$/.test(name)) return readFileSync(join(FIXTURES, name), 'utf8');
  return readFileSync(name.includes('/') ? join(FIXTURES, name + '.txt') : join(FIXTURES, 'reports', name + '.txt'), 'utf8');
}

/** The layout fixtures (test/fixtures/layouts: real reports in the shapes of issue 20), as `layouts/<name>`. */
export function layoutNames(): string[] {
  return readdirSync(join(FIXTURES, 'layouts')).filter((f) => f.endsWith('.txt')).map((f) => 'layouts/' + f.replace(/\.txt$/, '')).sort();
}

/** Apply non-overlapping edits (in any order) to text; throws when they overlap or fall outside it. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  let limit = text.length;
  for (const e of sorted) {
    if (e.start < 0 || e.end > limit || e.start > e.end) throw new Error(`edit ${e.start}-${e.end} out of range or overlapping`);
    out = out.slice(0, e.start) + e.newText + out.slice(e.end);
    limit = e.start;
  }
  return out;
}
