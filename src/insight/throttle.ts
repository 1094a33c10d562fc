// At most one call every `ms`: the first of a burst at once, the last when its turn comes, so a stroke
// being drawn asks the worker a few times a second and its final shape is always asked about.

export class Throttle {
  private last = -Infinity;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly ms: number,
    private readonly fn: () => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Calls now if the last call is `ms` old, else once when it will be (however often asked meanwhile). */
  request(): void {
    if (this.timer) return;
    const wait = this.last + this.ms - this.now();
    if (wait <= 0) this.run();
    else this.timer = setTimeout(() => this.run(), wait);
  }

  /** Calls now, dropping a pending call (a stroke just ended). */
  flush(): void {
    this.run();
  }

  /** Milliseconds since the last call. */
  get sinceLast(): number {
    return this.now() - this.last;
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private run(): void {
    this.cancel();
    this.last = this.now();
    this.fn();
  }
}
