// The training rate a user is shown: samples trained over a window of wall time, never over the gap
// between two reports (two reports arriving together once made the status read 48,941 samples/s).

/** Wall time the shown rate covers once training has run this long. */
export const RATE_WINDOW_MS = 5000;
/** No rate is shown over less time than this: one report alone says nothing about speed. */
export const MIN_RATE_SPAN_MS = 500;

interface Mark {
  t: number;
  /** Samples trained from the window's start to time t. */
  total: number;
}

export class RateWindow {
  private marks: Mark[] = [];
  private total = 0;

  constructor(
    private readonly windowMs = RATE_WINDOW_MS,
    private readonly minSpanMs = MIN_RATE_SPAN_MS,
  ) {}

  /** Training (re)starts at `t`: time before it (paused, idle) counts for nothing. */
  start(t: number): void {
    this.total = 0;
    this.marks = [{ t, total: 0 }];
  }

  /** `samples` were trained by time `t` (a report arrived). Ignored before `start`. */
  add(t: number, samples: number): void {
    if (this.marks.length === 0) return;
    this.total += samples;
    this.marks.push({ t, total: this.total });
    // Keep one mark at or before the window's start, as the base the rate is measured from.
    while (this.marks.length > 2 && this.marks[1]!.t <= t - this.windowMs) this.marks.shift();
  }

  /** Samples per second over the window, as of the last report; null until it spans MIN_RATE_SPAN_MS. */
  rate(): number | null {
    const first = this.marks[0];
    const last = this.marks.at(-1);
    if (!first || !last || last === first) return null;
    const span = last.t - first.t;
    return span < this.minSpanMs ? null : ((last.total - first.total) * 1000) / span;
  }
}
