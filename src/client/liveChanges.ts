// Turns edits of live settings into worker changes. Slider drags are coalesced per run and setting
// (trailing DEBOUNCE_MS) so one drag becomes one timeline entry "β2 0.999 → 0.9", not a hundred.
import type { LiveKey, RunSettings } from '../experiment/types';

const DEBOUNCE_MS = 250;

type Value = RunSettings[LiveKey];
type Send = (lane: string, key: LiveKey, value: Value) => void;

export class LiveChanges {
  private pending = new Map<
    string,
    { lane: string; key: LiveKey; from: Value; to: Value; timer: ReturnType<typeof setTimeout> }
  >();

  constructor(
    private readonly send: Send,
    private readonly debounceMs = DEBOUNCE_MS,
  ) {}

  /** An edit of `key` on run `lane` from `from` to `to`; optimizer switches go out at once. */
  edit(lane: string, key: LiveKey, from: Value, to: Value): void {
    if (key === 'optimizer') {
      this.flush();
      if (from !== to) this.send(lane, key, to);
      return;
    }
    const id = `${lane}\u0000${key}`;
    const prev = this.pending.get(id);
    if (prev) clearTimeout(prev.timer);
    const timer = setTimeout(() => this.flushOne(id), this.debounceMs);
    this.pending.set(id, { lane, key, from: prev ? prev.from : from, to, timer });
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
    if (p.from !== p.to) this.send(p.lane, p.key, p.to);
  }
}
