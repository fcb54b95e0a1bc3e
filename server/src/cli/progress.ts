// A progress bar on stderr for long runs: drawn in place (carriage return), at most ten times a second,
// cleared before any message and at the end. Only where it is wanted (a terminal, or --progress).
export class Progress {
  private done = 0;
  private last = 0;
  private drawn = false;
  private readonly t0 = Date.now();

  constructor(private readonly total: number, private readonly enabled: boolean, private readonly label = '', private readonly out: NodeJS.WriteStream = process.stderr) {}

  tick(n = 1): void {
    this.done += n;
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.last < 100 && this.done < this.total) return;
    this.last = now;
    this.draw();
  }

  /** Print a line of its own above the bar. */
  message(line: string): void {
    this.clear();
    this.out.write(line + '\n');
    if (this.enabled && this.done < this.total) this.draw();
  }

  finish(): void {
    if (!this.enabled) return;
    this.clear();
  }

  private draw(): void {
    const cols = Math.max(40, Math.min(this.out.columns || 80, 120));
    const pct = this.total ? this.done / this.total : 1;
    const secs = (Date.now() - this.t0) / 1000;
    const rate = secs > 0 ? this.done / secs : 0;
    const eta = rate > 0 && this.done < this.total ? ` ETA ${Math.ceil((this.total - this.done) / rate)}s` : '';
    const tail = ` ${this.done}/${this.total} ${Math.floor(pct * 100)}% ${secs.toFixed(1)}s${eta}`;
    const head = this.label ? `${this.label} ` : '';
    const width = Math.max(10, cols - head.length - tail.length - 3);
    const fill = Math.round(pct * width);
    this.out.write(`\r${head}[${'#'.repeat(fill)}${'-'.repeat(width - fill)}]${tail}\x1b[K`);
    this.drawn = true;
  }

  private clear(): void {
    if (this.drawn) this.out.write('\r\x1b[K');
    this.drawn = false;
  }
}
