// Cell values: classification of a cell's text and exact decimal arithmetic (scaled BigInt, no float drift).
import type { CellValue, Dec } from './types';

const NUMBER_RE = /^[+\-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/** Half-width digits, signs, separators; returns '' for characters that cannot be part of a number. */
function halfWidth(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xff10 && c <= 0xff19) c -= 0xfee0; // ０-９
    else if (c === 0xff0e) c = 46; // ．
    else if (c === 0xff0c) c = 44; // ，
    else if (c === 0xff0b) c = 43; // ＋
    else if (c === 0xff0d || c === 0x2212) c = 45; // － −
    out += String.fromCharCode(c);
  }
  return out;
}

export function isNumberText(s: string): boolean { return NUMBER_RE.test(halfWidth(s)); }

const NA_SLASH = new Set(['/', '／', '\\']);
const NA_DASH = new Set(['-', '－', '—', '——', '–', '−', '--', '─']);

export function isNaText(s: string): boolean { return NA_SLASH.has(s) || NA_DASH.has(s); }

/** Small integers as bigint, made once: most cells hold one, and BigInt(string) costs about 100 ns. */
const SMALL: bigint[] = Array.from({ length: 4096 }, (_, i) => BigInt(i));

/**
 * The values of the cells that read "0" to "999", made on first use and shared by every cell and check that reads
 * one (nearly every cell does): frozen, as a value is never changed.
 */
const SMALL_VALUES: (CellValue | undefined)[] = new Array<CellValue | undefined>(1000);

/** A string of 1 to 15 ASCII digits as bigint. */
function bigOfDigits(s: string): bigint {
  let n = 0;
  for (let i = 0; i < s.length; i++) n = n * 10 + (s.charCodeAt(i) - 48);
  return n < 4096 ? SMALL[n] : BigInt(n);
}

export function parseDec(text: string): Dec | undefined {
  // fast path: a plain ASCII integer
  if (text.length > 0 && text.length < 16) {
    let digits = true;
    for (let i = 0; i < text.length && digits; i++) { const c = text.charCodeAt(i); digits = c >= 48 && c <= 57; }
    if (digits) return { units: bigOfDigits(text), scale: 0 };
  }
  const s = halfWidth(text).replace(/,/g, '');
  if (!/^[+\-]?\d+(?:\.\d+)?$/.test(s)) return undefined;
  const neg = s.startsWith('-');
  const body = s.replace(/^[+\-]/, '');
  const dot = body.indexOf('.');
  const digits = dot < 0 ? body : body.slice(0, dot) + body.slice(dot + 1);
  const scale = dot < 0 ? 0 : body.length - dot - 1;
  const units = BigInt(digits) * (neg ? -1n : 1n);
  return { units, scale };
}

/** Classify a cell's trimmed text. */
export function cellValue(raw: string): CellValue {
  // fast path: a plain ASCII integer, as nearly every cell is
  if (raw.length > 0 && raw.length < 16) {
    let digits = true;
    for (let i = 0; i < raw.length; i++) { const c = raw.charCodeAt(i); if (c < 48 || c > 57) { digits = false; break; } }
    if (digits) {
      // "0" to "999" written plainly (no leading zero): one shared value each
      if (raw.length <= 3 && (raw.length === 1 || raw.charCodeAt(0) !== 48)) {
        let n = 0;
        for (let i = 0; i < raw.length; i++) n = n * 10 + raw.charCodeAt(i) - 48;
        return SMALL_VALUES[n] ??= Object.freeze({ kind: 'integer', raw: String(n), num: Object.freeze({ units: SMALL[n], scale: 0 }) });
      }
      return { kind: 'integer', raw, num: { units: bigOfDigits(raw), scale: 0 } };
    }
  }
  const t = raw.trim();
  if (t === '') return { kind: 'blank', raw: t };
  if (NA_SLASH.has(t)) return { kind: 'slash', raw: t };
  if (NA_DASH.has(t)) return { kind: 'dash', raw: t };
  const num = isNumberText(t) ? parseDec(t) : undefined;
  if (num) return { kind: num.scale > 0 ? 'decimal' : 'integer', raw: t, num };
  return { kind: 'unreadable', raw: t };
}

function rescale(d: Dec, scale: number): bigint { return d.units * 10n ** BigInt(scale - d.scale); }

export function addDec(a: Dec, b: Dec): Dec {
  if (a.scale === b.scale) return { units: a.units + b.units, scale: a.scale };
  const scale = Math.max(a.scale, b.scale);
  return { units: rescale(a, scale) + rescale(b, scale), scale };
}
export function negDec(a: Dec): Dec { return { units: -a.units, scale: a.scale }; }
export function subDec(a: Dec, b: Dec): Dec { return addDec(a, negDec(b)); }
export function cmpDec(a: Dec, b: Dec): number {
  if (a.scale === b.scale) return a.units < b.units ? -1 : a.units > b.units ? 1 : 0;
  const scale = Math.max(a.scale, b.scale);
  const x = rescale(a, scale), y = rescale(b, scale);
  return x < y ? -1 : x > y ? 1 : 0;
}
export const ZERO: Dec = { units: 0n, scale: 0 };

export function formatDec(d: Dec): string {
  const neg = d.units < 0n;
  let s = (neg ? -d.units : d.units).toString();
  if (d.scale > 0) {
    s = s.padStart(d.scale + 1, '0');
    s = s.slice(0, s.length - d.scale) + '.' + s.slice(s.length - d.scale);
  }
  return (neg ? '-' : '') + s;
}
