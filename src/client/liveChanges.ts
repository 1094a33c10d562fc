// Turns edits of live settings into worker changes. Slider drags are coalesced per run and setting
// (trailing DEBOUNCE_MS) so one drag becomes one timeline entry "β2 0.999 → 0.9", not a hundred.
import type { LiveChange, LiveKey, RunSettings } from '../shared/settings';

const DEBOUNCE_MS = 250;

type Send = (lane: string, change: LiveChange) => void;

interface Pending {
  lane: string;
  /** The value before the first edit of this drag: a drag back to it sends nothing. */
  from: RunSettings[LiveKey];
  change: LiveChange;
  timer: ReturnType<typeof setTimeout>;
}

export class LiveChanges {
  private pending = new Map<string, Pending>();

  constructor(
    private readonly send: Send,
    private readonly debounceMs = DEBOUNCE_MS,
  ) {}

  /** An edit on run `lane`: its setting was `from`, the user chose `change`. Optimizer switches go out at once. */
  edit(lane: string, from: RunSettings[LiveKey], change: LiveChange): void {
    if (change.key === 'optimizer') {
      this.flush();
      if (from !== change.value) this.send(lane, change);
      return;
    }
    const id = `${lane}\u0000${change.key}`;
    const prev = this.pending.get(id);
    if (prev) clearTimeout(prev.timer);
    const timer = setTimeout(() => this.flushOne(id), this.debounceMs);
    this.pending.set(id, { lane, from: prev ? prev.from : from, change, timer });
  }

  /** Sends everything waiting now (before a Step, or when a run starts). */
  flush(): void {
    for (const id of [...this.pending.keys()]) this.flushOne(id);
  }

  /** Forgets waiting changes: a Reset starts from the form's values anyway. */
  cancel(): void {
    for (const p of this.pending.values()) clearTimeout(p.timer);
    this.pending.clear();
  }

  private flushOne(id: string): void {
    const p = this.pending.get(id);
    if (!p) return;
    clearTimeout(p.timer);
    this.pending.delete(id);
    if (p.from !== p.change.value) this.send(p.lane, p.change);
  }
}
