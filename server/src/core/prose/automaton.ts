// Aho–Corasick automaton over UTF-16 code units: built once from a word list, then one linear pass per text.
// Transitions live in one Map keyed by node * 65536 + code unit (a Map per node would cost far more memory).

export interface AcMatch { start: number; end: number; id: number }

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
    this.built = true;
  }

  /** Every occurrence of every pattern in text[start, end), in order of end offset. */
  scan(text: string, start: number, end: number, onMatch: (m: AcMatch) => void): void {
    let s = 0;
    const next = this.next, fail = this.fail, out = this.out, outLink = this.outLink, depth = this.depthOf;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      for (;;) {
        const t = next.get(s * 65536 + c);
        if (t !== undefined) { s = t; break; }
        if (s === 0) break;
        s = fail[s];
      }
      let o = out[s] >= 0 ? s : outLink[s];
      while (o >= 0) {
        onMatch({ start: i + 1 - depth[o], end: i + 1, id: out[o] });
        o = outLink[o];
      }
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
