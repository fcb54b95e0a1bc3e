// Aho–Corasick automaton over UTF-16 code units: built once from a word list, then one linear pass per text.
// Transitions are built in one Map keyed by node * 65536 + code unit, then frozen into an open-addressing hash
// table of typed arrays (a few ns per lookup) plus a dense table for the root, where most characters fail.

import { unitsOf } from '../text';

export interface AcMatch { start: number; end: number; id: number }

/** The hashed bigram and trigram bitmaps of the start filter: 2^17 bits (16 KiB) each. */
/** The start filter's flag of white space (a pattern never starts with it). */
const WS = 4;
const FILTER_SHIFT = 15, FILTER_WORDS = 1 << (32 - FILTER_SHIFT - 5);

export class Automaton {
  private readonly next = new Map<number, number>();
  private fail: Int32Array = new Int32Array(0);
  /** Pattern id ending at the node (-1: none). */
  private out: Int32Array = new Int32Array(0);
  /** Nearest node on the failure chain that has an output (-1: none). */
  private outLink: Int32Array = new Int32Array(0);
  private depthOf: Int32Array = new Int32Array(0);
  private readonly outTmp: number[] = [-1];
  private readonly depthTmp: number[] = [0];
  private nodes = 1;
  /** The character of each depth-1 node. */
  private readonly firstChar = new Map<number, number>();
  private root: Int32Array = new Int32Array(0);
  private hNode: Int32Array = new Int32Array(0);
  private hCode: Uint16Array = new Uint16Array(0);
  private hNext: Int32Array = new Int32Array(0);
  private hMask = 0;
  private built = false;
  readonly size: number;

  /** patterns[i] gets id i; an empty pattern or a duplicate keeps the first id. */
  constructor(patterns: readonly string[]) {
    for (let i = 0; i < patterns.length; i++) this.add(patterns[i], i);
    this.size = patterns.length;
    this.build();
  }

  private add(p: string, id: number): void {
    if (!p) return;
    let s = 0;
    for (let i = 0; i < p.length; i++) {
      const key = s * 65536 + p.charCodeAt(i);
      let t = this.next.get(key);
      if (t === undefined) {
        t = this.nodes++;
        this.next.set(key, t);
        this.outTmp.push(-1);
        this.depthTmp.push(i + 1);
      }
      s = t;
    }
    if (this.outTmp[s] < 0) this.outTmp[s] = id;
  }

  private build(): void {
    const n = this.nodes;
    this.fail = new Int32Array(n);
    this.out = Int32Array.from(this.outTmp);
    this.depthOf = Int32Array.from(this.depthTmp);
    this.outLink = new Int32Array(n).fill(-1);
    // children lists for the breadth-first pass
    const kids: number[][] = Array.from({ length: n }, () => []);
    const codes: number[][] = Array.from({ length: n }, () => []);
    for (const [key, t] of this.next) {
      const s = Math.floor(key / 65536);
      kids[s].push(t);
      codes[s].push(key - s * 65536);
    }
    const queue: number[] = [];
    for (const t of kids[0]) { this.fail[t] = 0; queue.push(t); }
    for (let qi = 0; qi < queue.length; qi++) {
      const s = queue[qi];
      const f = this.fail[s];
      this.outLink[s] = this.out[f] >= 0 ? f : this.outLink[f];
      for (let k = 0; k < kids[s].length; k++) {
        const t = kids[s][k], c = codes[s][k];
        let g = f;
        let target = -1;
        for (;;) {
          const x = this.next.get(g * 65536 + c);
          if (x !== undefined && x !== t) { target = x; break; }
          if (g === 0) { target = 0; break; }
          g = this.fail[g];
        }
        this.fail[t] = target;
        queue.push(t);
      }
    }
    this.outTmp.length = 0;
    this.depthTmp.length = 0;
    // frozen transition tables
    this.root = new Int32Array(65536);
    let cap = 16;
    while (cap < this.next.size * 2) cap <<= 1;
    this.hMask = cap - 1;
    this.hNode = new Int32Array(cap).fill(-1);
    this.hCode = new Uint16Array(cap);
    this.hNext = new Int32Array(cap);
    for (const [key, t] of this.next) {
      const node = Math.floor(key / 65536), code = key - node * 65536;
      if (node === 0) { this.root[code] = t; this.firstChar.set(t, code); continue; }
      let h = Automaton.hash(node, code) & this.hMask;
      while (this.hNode[h] >= 0) h = (h + 1) & this.hMask;
      this.hNode[h] = node; this.hCode[h] = code; this.hNext[h] = t;
    }
    this.next.clear();
    this.built = true;
  }

  private static hash(node: number, code: number): number {
    return (Math.imul(node, 0x9e3779b1) ^ Math.imul(code, 0x85ebca6b)) >>> 0;
  }

  private step(s: number, c: number): number {
    if (s === 0) return this.root[c] || -1;
    const mask = this.hMask, hNode = this.hNode;
    let h = Automaton.hash(s, c) & mask;
    for (;;) {
      const n = hNode[h];
      if (n < 0) return -1;
      if (n === s && this.hCode[h] === c) return this.hNext[h];
      h = (h + 1) & mask;
    }
  }

  /** Every occurrence of every pattern in text[start, end), in order of end offset. */
  scan(text: string, start: number, end: number, onMatch: (m: AcMatch) => void): void {
    this.walk(text, start, end, false, onMatch);
  }

  /**
   * Like scan, but white space (spaces, tabs, line breaks, U+3000) is not fed to the automaton, so that a word
   * wrapped by a PDF or web page (显\n着) still matches; start/end are source offsets of the first and last character.
   */
  scanSkippingSpace(text: string, start: number, end: number, onMatch: (m: AcMatch) => void): void {
    this.walk(text, start, end, true, onMatch);
  }

  private walk(text: string, start: number, end: number, skipSpace: boolean, onMatch: (m: AcMatch) => void): void {
    let s = 0;
    // with skipSpace, the source offsets of the last 64 characters fed (a match starts at one of them)
    const ring = this.ring;
    let fed = 0;
    const root = this.root, fail = this.fail, out = this.out, outLink = this.outLink, depth = this.depthOf;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (skipSpace) {
        if (c === 32 || c === 10 || c === 13 || c === 9 || c === 0x3000) continue;
        ring[fed & 63] = i;
        fed++;
      }
      if (s === 0) {
        s = root[c];
        if (s === 0) continue;
      } else {
        for (;;) {
          const t = this.step(s, c);
          if (t >= 0) { s = t; break; }
          s = fail[s];
          if (s === 0) { s = root[c]; break; }
        }
      }
      let o = out[s] >= 0 ? s : outLink[s];
      while (o >= 0) {
        onMatch({ start: skipSpace ? ring[(fed - depth[o]) & 63] : i + 1 - depth[o], end: i + 1, id: out[o] });
        o = outLink[o];
      }
    }
  }

  private readonly ring = new Int32Array(64);

  /**
   * Tables of the start filter, small enough to stay in the first-level cache (a lookup per character): flags per
   * code unit (1: starts a pattern, 2: is a whole pattern, WS: white space, skipped), and bitmaps of hashed bigrams that start a pattern, at
   * which a two-character pattern ends, and of hashed three-character starts of the longer patterns.
   */
  private startFlags: Uint8Array | undefined;
  private startBits: Uint32Array | undefined;
  private ends2Bits: Uint32Array | undefined;
  private triBits: Uint32Array | undefined;

  private buildStarts(): void {
    const flags = new Uint8Array(65536);
    for (let c = 0; c < 65536; c++) {
      const s1 = this.root[c];
      if (s1) flags[c] = this.out[s1] >= 0 ? 3 : 1;
    }
    for (const c of [32, 10, 13, 9, 0x3000]) flags[c] = WS;
    // depth-2 nodes: their two characters; a pattern of two characters ends at one (then the trie is walked on the
    // bigram alone), longer ones go on to depth 3 (walked only when the third character fits too)
    const bits = new Uint32Array(FILTER_WORDS), ends2 = new Uint32Array(FILTER_WORDS), tri = new Uint32Array(FILTER_WORDS);
    const pairOf = new Map<number, [number, number]>();
    for (let h = 0; h <= this.hMask; h++) {
      const node = this.hNode[h];
      if (node < 0 || this.depthOf[node] !== 1) continue;
      const c1 = this.firstChar.get(node)!, c2 = this.hCode[h], n2 = this.hNext[h];
      const b = Automaton.bigram(c1, c2);
      bits[b >>> 5] |= 1 << (b & 31);
      pairOf.set(n2, [c1, c2]);
      if (this.out[n2] >= 0) ends2[b >>> 5] |= 1 << (b & 31);
    }
    for (let h = 0; h <= this.hMask; h++) {
      const node = this.hNode[h];
      if (node < 0 || this.depthOf[node] !== 2) continue;
      const [c1, c2] = pairOf.get(node)!;
      const b = Automaton.trigram(c1, c2, this.hCode[h]);
      tri[b >>> 5] |= 1 << (b & 31);
    }
    this.startFlags = flags;
    this.startBits = bits;
    this.ends2Bits = ends2;
    this.triBits = tri;
  }

  private static trigram(a: number, b: number, c: number): number {
    return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b) ^ Math.imul(c, 0xc2b2ae35)) >>> FILTER_SHIFT;
  }

  private static bigram(a: number, b: number): number {
    return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) >>> FILTER_SHIFT;
  }

  /**
   * Same matches as scanSkippingSpace, found differently: only where the first two characters (white space skipped)
   * are the start of some pattern (a hashed bigram bitmap, one lookup per character) is the trie walked. Much faster
   * than following failure links when most text matches nothing. Each match is passed as (start, end, pattern id):
   * no object per match, the caller keeps what it needs.
   */
  scanStarts(text: string, start: number, end: number, onMatch: (start: number, end: number, id: number) => void): void {
    if (!this.startBits) this.buildStarts();
    this.starts(unitsOf(text), start, end, onMatch);
  }

  private starts(u: Uint16Array, start: number, end: number, onMatch: (start: number, end: number, id: number) => void): void {
    const flags = this.startFlags!, bits = this.startBits!, root = this.root, out = this.out;
    const ends2 = this.ends2Bits!, tri = this.triBits!;
    const isWs = (c: number) => c === 32 || c === 10 || c === 13 || c === 9 || c === 0x3000;
    // the previous character (white space skipped), its offset and flags
    let prev = -1, prevAt = -1, prevFlags = 0;
    for (let i = start; i < end; i++) {
      const c = u[i], f = flags[c];
      if (f === WS) continue;
      if (prevFlags) {
        const b = Automaton.bigram(prev, c);
        let walk = (bits[b >>> 5] & (1 << (b & 31))) !== 0;
        if (walk && !(ends2[b >>> 5] & (1 << (b & 31)))) {
          // no two-character pattern here: the next character (white space skipped) must continue a longer one
          let k = i + 1;
          while (k < end && isWs(u[k])) k++;
          const t3 = k < end ? Automaton.trigram(prev, c, u[k]) : -1;
          walk = t3 >= 0 && (tri[t3 >>> 5] & (1 << (t3 & 31))) !== 0;
        }
        if (walk) {
          // walk the trie from prevAt
          let s = root[prev];
          for (let k = i; k < end; k++) {
            const ck = u[k];
            if (isWs(ck)) continue;
            const t = this.step(s, ck);
            if (t < 0) break;
            s = t;
            if (out[s] >= 0) onMatch(prevAt, k + 1, out[s]);
          }
        }
      }
      if (f & 2) onMatch(i, i + 1, out[root[c]]);
      prev = c; prevAt = i; prevFlags = f;
    }
  }

  /** Longest match starting at each position is usually what a checker wants: matches, leftmost-longest, non-overlapping. */
  scanLongest(text: string, start: number, end: number): AcMatch[] {
    const all: AcMatch[] = [];
    this.scan(text, start, end, (m) => all.push(m));
    all.sort((a, b) => a.start - b.start || b.end - a.end);
    const kept: AcMatch[] = [];
    let limit = -1;
    for (const m of all) {
      if (m.start < limit) continue;
      kept.push(m);
      limit = m.end;
    }
    return kept;
  }

  get nodeCount(): number { return this.built ? this.fail.length : this.nodes; }
}
