// The optimizer's update as the origin article writes it (θ_{t+1} = θ_t − η·m̂_t/(√v̂_t + ε) and the
// moment equations), each line once in symbols and once with one traced weight's numbers substituted.
// Pure: TeX strings out, so tests check the arithmetic and the page only typesets.
import type { TracePoint } from '../shared/trace';

export interface EquationLine {
  /** What the line defines, for keys and tests: `g`, `m`, `v`, `mHat`, `vHat`, `theta`. */
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
function term(x: number): string {
  const t = texNumber(x);
  return x < 0 ? `\\left(${t}\\right)` : t;
}

/** x² as TeX: in parentheses when negative or written with a power of ten (a double superscript otherwise). */
function squared(x: number): string {
  const t = texNumber(x);
  return x < 0 || t.includes('\\times') ? `\\left(${t}\\right)^2` : `${t}^2`;
}

const line = (id: string, rule: string, substituted: string, value: number): EquationLine => ({
  id,
  rule,
  numbers: `${substituted} = ${texNumber(value)}`,
  value,
});

/** g_t: the gradient of the loss with respect to the traced weight. */
function gradientLine(t: TracePoint): EquationLine {
  return {
    id: 'g',
    rule: 'g_t = \\nabla_{\\theta} J(\\theta_t)',
    numbers: `g_{${t.step}} = ${texNumber(t.g)}`,
    value: t.g,
  };
}

function adamLines(t: TracePoint): EquationLine[] {
  const { beta1: b1, beta2: b2, epsilon: eps, learningRate: lr, biasCorrection } = t.hyper;
  const [m0 = 0, v0 = 0] = t.slotsBefore;
  const m = b1 * m0 + (1 - b1) * t.g;
  const v = b2 * v0 + (1 - b2) * t.g * t.g;
  // 1 − β^t with the β values actually used: the products P1, P2 (equal to β^t while β is constant).
  const c1 = biasCorrection ? 1 - (t.products[0] ?? 0) : 1;
  const c2 = biasCorrection ? 1 - (t.products[1] ?? 0) : 1;
  const mHat = m / c1;
  const vHat = v / c2;
  const theta = t.thetaBefore - (lr * mHat) / (Math.sqrt(vHat) + eps);
  const hatRule = (x: string, n: number) =>
    biasCorrection ? `\\hat{${x}}_t = \\dfrac{${x}_t}{1 - \\beta_${n}^t}` : `\\hat{${x}}_t = ${x}_t`;
  const hatNumbers = (val: number, c: number) =>
    biasCorrection ? `\\dfrac{${texNumber(val)}}{${texNumber(c)}}` : texNumber(val);
  return [
    gradientLine(t),
    line(
      'm',
      'm_t = \\beta_1 m_{t-1} + (1 - \\beta_1)\\, g_t',
      `${texNumber(b1)} \\cdot ${term(m0)} + ${texNumber(1 - b1)} \\cdot ${term(t.g)}`,
      m,
    ),
    line(
      'v',
      'v_t = \\beta_2 v_{t-1} + (1 - \\beta_2)\\, g_t^2',
      `${texNumber(b2)} \\cdot ${term(v0)} + ${texNumber(1 - b2)} \\cdot ${squared(t.g)}`,
      v,
    ),
    line('mHat', hatRule('m', 1), hatNumbers(m, c1), mHat),
    line('vHat', hatRule('v', 2), hatNumbers(v, c2), vHat),
    line(
      'theta',
      '\\theta_{t+1} = \\theta_t - \\eta\\, \\dfrac{\\hat{m}_t}{\\sqrt{\\hat{v}_t} + \\epsilon}',
      `${term(t.thetaBefore)} - ${texNumber(lr)} \\cdot \\dfrac{${texNumber(mHat)}}{\\sqrt{${texNumber(vHat)}} + ${texNumber(eps)}}`,
      theta,
    ),
  ];
}

function momentumLines(t: TracePoint): EquationLine[] {
  const { momentum: mu, learningRate: lr, nesterov } = t.hyper;
  const [v0 = 0] = t.slotsBefore;
  const v = mu * v0 + t.g;
  const dir = nesterov ? t.g + mu * v : v;
  const thetaRule = nesterov
    ? '\\theta_{t+1} = \\theta_t - \\eta\\, (g_t + \\mu v_t)'
    : '\\theta_{t+1} = \\theta_t - \\eta\\, v_t';
  const thetaNumbers = nesterov
    ? `${term(t.thetaBefore)} - ${texNumber(lr)} \\cdot (${texNumber(t.g)} + ${texNumber(mu)} \\cdot ${term(v)})`
    : `${term(t.thetaBefore)} - ${texNumber(lr)} \\cdot ${term(v)}`;
  return [
    gradientLine(t),
    line('v', 'v_t = \\mu v_{t-1} + g_t', `${texNumber(mu)} \\cdot ${term(v0)} + ${term(t.g)}`, v),
    line('theta', thetaRule, thetaNumbers, t.thetaBefore - lr * dir),
  ];
}

function sgdLines(t: TracePoint): EquationLine[] {
  const lr = t.hyper.learningRate;
  return [
    gradientLine(t),
    line(
      'theta',
      '\\theta_{t+1} = \\theta_t - \\eta\\, g_t',
      `${term(t.thetaBefore)} - ${texNumber(lr)} \\cdot ${term(t.g)}`,
      t.thetaBefore - lr * t.g,
    ),
  ];
}

/** The update of the traced weight at its step, line by line, for the optimizer that made it. */
export function updateLines(t: TracePoint): EquationLine[] {
  switch (t.optimizer) {
    case 'adam':
    case 'adamw':
      return adamLines(t);
    case 'rmsprop':
    case 'adagrad':
    case 'momentum':
      return momentumLines(t);
    case 'sgd':
      return sgdLines(t);
  }
}
