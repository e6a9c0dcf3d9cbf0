/** A progress line on stderr for long batches; drawn only when stderr is a terminal, at most ten times a second. */
export class Progress {
  private readonly started = Date.now();
  private lastDraw = 0;
  private bytes = 0;
  private lines = 0;

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly totalBytes: number | null,
  ) {}

  /** A progress bar when `stream` is a terminal, else nothing. */
  static forStderr(totalBytes: number | null): Progress | null {
    return process.stderr.isTTY ? new Progress(process.stderr, totalBytes) : null;
  }

  tick(line: number, bytes: number): void {
    this.lines = line;
    this.bytes += bytes + 1;
    const now = Date.now();
    if (now - this.lastDraw < 100) return;
    this.lastDraw = now;
    this.draw(now);
  }

  done(): void {
    this.draw(Date.now());
    this.stream.write('\n');
  }

  private draw(now: number): void {
    const seconds = Math.max(0.001, (now - this.started) / 1000);
    const rate = Math.round(this.lines / seconds);
    const width = 24;
    let bar = '';
    if (this.totalBytes) {
      const share = Math.min(1, this.bytes / this.totalBytes);
      const filled = Math.round(share * width);
      bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.round(share * 100)).padStart(3)}% `;
    }
    this.stream.write(`\r${bar}${this.lines.toLocaleString('en')} lines, ${rate.toLocaleString('en')}/s `);
  }
}
