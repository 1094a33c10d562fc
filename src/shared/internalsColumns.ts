// A run's instruments as columns (typed arrays that grow by doubling) rather than one object per step:
// each point was a `layers` record of objects, about 0.9 KB for mlp-128, and a ten-epoch four-run race
// keeps 7,000 of them; as columns a point costs 8 bytes per number. Readers see InternalsPoints, which
// a plain array of points also is (tests, exports).
import { LAYER_FIELDS, type InternalsPoint, type LayerInternals } from './internals';

/** What the page reads of a run's instruments: a plain array of points, or InternalsColumns. */
export interface InternalsPoints extends Iterable<InternalsPoint> {
  readonly length: number;
  /** The point at `i` (negative: from the end), as arrays' `at`. */
  at(i: number): InternalsPoint | undefined;
}

const STEP_FIELDS = ['biasCorrection1', 'biasCorrection2', 'lr'] as const;

const INITIAL = 64;

export class InternalsColumns implements InternalsPoints {
  private steps = new Uint32Array(INITIAL);
  /** Per layer and field (LAYER_FIELDS), then the step-wide fields: one column each. */
  private columns: Float64Array[] = [];
  /** The layer tensors' names, from the first point (a run's model never changes). */
  private layers: string[] = [];
  private n = 0;

  get length(): number {
    return this.n;
  }

  at(i: number): InternalsPoint | undefined {
    const k = i < 0 ? this.n + i : i;
    if (!(k >= 0 && k < this.n)) return undefined;
    const layers: Record<string, LayerInternals> = {};
    let c = 0;
    for (const name of this.layers) {
      const l: Partial<LayerInternals> = {};
      for (const f of LAYER_FIELDS) {
        const v = this.columns[c++]![k]!;
        if (!Number.isNaN(v)) l[f] = v;
      }
      layers[name] = l as LayerInternals;
    }
    const point: InternalsPoint = { step: this.steps[k]!, layers };
    for (const f of STEP_FIELDS) {
      const v = this.columns[c++]![k]!;
      if (!Number.isNaN(v)) point[f] = v;
    }
    return point;
  }

  push(...points: readonly InternalsPoint[]): void {
    for (const p of points) {
      if (this.n === 0 && this.columns.length === 0) this.start(Object.keys(p.layers));
      this.reserve(this.n + 1);
      const k = this.n++;
      this.steps[k] = p.step;
      let c = 0;
      for (const name of this.layers) {
        const l = p.layers[name];
        for (const f of LAYER_FIELDS) this.columns[c++]![k] = l?.[f] ?? NaN;
      }
      for (const f of STEP_FIELDS) this.columns[c++]![k] = p[f] ?? NaN;
    }
  }

  *[Symbol.iterator](): Iterator<InternalsPoint> {
    for (let k = 0; k < this.n; k++) yield this.at(k)!;
  }

  private start(layers: string[]): void {
    this.layers = layers;
    const count = layers.length * LAYER_FIELDS.length + STEP_FIELDS.length;
    this.columns = Array.from({ length: count }, () => new Float64Array(this.steps.length));
  }

  private reserve(size: number): void {
    if (size <= this.steps.length) return;
    const cap = Math.max(size, 2 * this.steps.length);
    const steps = new Uint32Array(cap);
    steps.set(this.steps);
    this.steps = steps;
    this.columns = this.columns.map((col) => {
      const grown = new Float64Array(cap);
      grown.set(col);
      return grown;
    });
  }
}

/** The points up to step `step`, as columns (a run resumed from a checkpoint drops the rest). */
export function internalsUpTo(points: InternalsPoints, step: number): InternalsColumns {
  const out = new InternalsColumns();
  for (const p of points) if (p.step <= step) out.push(p);
  return out;
}
