// Turns edits of live settings into worker changes. Slider drags are coalesced per setting (trailing
// DEBOUNCE_MS) so one drag becomes one marker "β2 0.999 → 0.9", not a hundred.
import { FIELDS, type FieldKey, type RunConfig } from '../config/schema';
import { formatValue } from '../config/sliders';
import type { LiveChange } from '../protocol';

const DEBOUNCE_MS = 250;
export const OPTIMIZER_LABELS = { sgd: 'SGD', momentum: 'Momentum', adam: 'Adam' } as const;
type HyperKey = 'learningRate' | 'beta1' | 'beta2' | 'epsilon' | 'momentum' | 'nesterov';
type HyperValue = RunConfig[HyperKey];
const HYPER_KEYS: readonly FieldKey[] = ['learningRate', 'beta1', 'beta2', 'epsilon', 'momentum', 'nesterov'];

export function isHyperKey(k: FieldKey): k is HyperKey {
  return HYPER_KEYS.includes(k);
}

export class LiveChanges {
  private pending = new Map<HyperKey, { from: HyperValue; to: HyperValue; timer: ReturnType<typeof setTimeout> }>();

  constructor(
    private readonly send: (change: LiveChange, label: string) => void,
    private readonly debounceMs = DEBOUNCE_MS,
  ) {}

  hyper(key: HyperKey, from: HyperValue, to: HyperValue): void {
    const prev = this.pending.get(key);
    if (prev) clearTimeout(prev.timer);
    const origin = prev ? prev.from : from;
    const timer = setTimeout(() => this.flushKey(key), this.debounceMs);
    this.pending.set(key, { from: origin, to, timer });
  }

  optimizer(from: RunConfig['optimizer'], to: RunConfig['optimizer']): void {
    this.flush();
    if (from !== to) this.send({ kind: 'optimizer', optimizer: to }, `Optimizer ${OPTIMIZER_LABELS[from]} → ${OPTIMIZER_LABELS[to]}`);
  }

  /** Sends everything waiting now (before a Step, or when a run starts). */
  flush(): void {
    for (const key of [...this.pending.keys()]) this.flushKey(key);
  }

  /** Forgets waiting changes: a Reset starts from the form's values anyway. */
  cancel(): void {
    for (const p of this.pending.values()) clearTimeout(p.timer);
    this.pending.clear();
  }

  private flushKey(key: HyperKey): void {
    const p = this.pending.get(key);
    if (!p) return;
    clearTimeout(p.timer);
    this.pending.delete(key);
    if (p.from === p.to) return;
    const label = `${FIELDS[key].label} ${formatValue(key, p.from as never)} → ${formatValue(key, p.to as never)}`;
    this.send({ kind: 'hyper', changes: { [key]: p.to } }, label);
  }
}
