// What every optimizer's lines share: numbers as TeX, one line's shape, and the lines before the rule
// itself: g_t, the L2 term's g̃_t = g_t + λ·θ_t, and a schedule's η_t. Pure: TeX strings out.
import type { HyperParams, ScheduleName } from '../shared/settings';
import type { TracePoint } from '../shared/trace';

export interface EquationLine {
  /**
   * What the line defines, for keys and tests: `g`, `gTilde` (g + λθ), `eta` (η_t), `decay` (AdamW's
   * θ'_t), `m`, `v`, `s` (AdaGrad's sum), `mHat`, `vHat`, `theta`.
   */
  id: string;
  /** The rule in symbols. */
  rule: string;
  /** The same with the step's numbers, ending in `= result`. */
  numbers: string;
  /** The line's result in float64 from the traced values (what `numbers` ends with). */
  value: number;
}

/** A number as TeX: 4 significant digits, `a \times 10^{k}` outside 1e-3 … 1e4. */
export function texNumber(x: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? '\\text{NaN}' : `${x < 0 ? '-' : ''}\\infty`;
  if (x === 0) return '0';
  const e = Math.floor(Math.log10(Math.abs(x)));
  if (e >= -3 && e < 4) return String(Number(x.toPrecision(4)));
  const mantissa = Number((x / 10 ** e).toPrecision(4));
  // Rounding can carry the mantissa to 10 (9.9996e-5 → 10.00): write it as 1 × 10^{e+1}.
  if (Math.abs(mantissa) >= 10) return `${mantissa < 0 ? '-' : ''}1 \\times 10^{${e + 1}}`;
  return `${mantissa} \\times 10^{${e}}`;
}

/** A number inside a product or sum: negative ones in parentheses. */
export function term(x: number): string {
  const t = texNumber(x);
  return x < 0 ? `\\left(${t}\\right)` : t;
}

/** x² as TeX: in parentheses when negative or written with a power of ten (a double superscript otherwise). */
export function squared(x: number): string {
  const t = texNumber(x);
  return x < 0 || t.includes('\\times') ? `\\left(${t}\\right)^2` : `${t}^2`;
}

export const line = (id: string, rule: string, substituted: string, value: number): EquationLine => ({
  id,
  rule,
  numbers: `${substituted} = ${texNumber(value)}`,
  value,
});

/** The lines before an optimizer's own rule, and the gradient and rate that rule steps with. */
export interface Prelude {
  lines: EquationLine[];
  /** The gradient the rule uses: g̃_t = g_t + λ·θ_t with L2 weight decay, else g_t; and its symbol. */
  g: number;
  gSym: string;
  /** η_t, the rate this step used; its symbol is η_t under a schedule and η without one. */
  rate: number;
  eta: string;
}

/**
 * The factor on η at step t as shared/schedule.ts defines it, w_t·d_t: the warmup min(1, t/W) times the
 * decay (E steps per epoch, T steps in the run).
 */
const DECAY_TEX: Record<ScheduleName, string> = {
  constant: '',
  step: '\\gamma^{\\lfloor (t-1)/E \\rfloor}',
  cosine: '\\tfrac{1}{2}\\left(1 + \\cos \\dfrac{\\pi\\, (t-1)}{T}\\right)',
  cyclic: '\\left(0.1 + 0.9 \\left(1 - \\left| \\dfrac{(t-1) \\bmod 2E}{E} - 1 \\right|\\right)\\right)',
};
function scheduleFactorTex({ schedule, warmup }: HyperParams): string {
  const w = warmup > 0 ? `\\min\\left(1, \\dfrac{t}{${warmup}}\\right)` : '';
  return [w, DECAY_TEX[schedule]].filter(Boolean).join('\\, ') || '1';
}

/**
 * g_t; then g̃_t = g_t + λ·θ_t when weight decay is L2 on the gradient (λ > 0 and not AdamW, which
 * decays θ itself; torch.optim's `weight_decay`); then η_t = η·w_t·d_t when a schedule or warmup
 * scales the base η this step (the factor is η_t/η, which is what the engine multiplied by).
 */
export function prelude(t: TracePoint): Prelude {
  const lines: EquationLine[] = [
    {
      id: 'g',
      rule: 'g_t = \\nabla_{\\theta} J(\\theta_t)',
      numbers: `g_{${t.step}} = ${texNumber(t.g)}`,
      value: t.g,
    },
  ];
  const lambda = t.hyper.weightDecay;
  let g = t.g;
  let gSym = 'g_t';
  if (lambda > 0 && t.optimizer !== 'adamw') {
    g = t.g + lambda * t.thetaBefore;
    gSym = '\\tilde{g}_t';
    lines.push(
      line(
        'gTilde',
        '\\tilde{g}_t = g_t + \\lambda\\, \\theta_t',
        `${texNumber(t.g)} + ${texNumber(lambda)} \\cdot ${term(t.thetaBefore)}`,
        g,
      ),
    );
  }
  const base = t.hyper.learningRate;
  const scheduled = t.rate !== base && base !== 0;
  if (scheduled)
    lines.push(
      line(
        'eta',
        `\\eta_t = \\eta \\cdot ${scheduleFactorTex(t.hyper)}`,
        `${texNumber(base)} \\cdot ${texNumber(t.rate / base)}`,
        t.rate,
      ),
    );
  return { lines, g, gSym, rate: t.rate, eta: scheduled ? '\\eta_t' : '\\eta' };
}
