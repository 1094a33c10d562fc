// The rules that divide by a root of averaged g², line by line with one traced weight's numbers: Adam
// and AdamW (m_t, v_t, m̂_t, v̂_t, θ_{t+1} as the origin article writes them), RMSProp and AdaGrad.
// Each follows shared/updateRules.ts, so a line's value is what the float64 reference computes.
import type { TracePoint } from '../shared/trace';
import { line, prelude, squared, term, texNumber, type EquationLine, type Prelude } from './texLine';

/** θ_{t+1} = from − η_t·num/(√den + ε): the step every rule here ends with. */
function rootStep(
  t: TracePoint,
  p: Prelude,
  from: { sym: string; value: number },
  num: { sym: string; value: number },
  den: { sym: string; value: number },
): EquationLine {
  const eps = t.hyper.epsilon;
  return line(
    'theta',
    `\\theta_{t+1} = ${from.sym} - ${p.eta}\\, \\dfrac{${num.sym}}{\\sqrt{${den.sym}} + \\epsilon}`,
    `${term(from.value)} - ${texNumber(p.rate)} \\cdot \\dfrac{${texNumber(num.value)}}{\\sqrt{${texNumber(den.value)}} + ${texNumber(eps)}}`,
    from.value - (p.rate * num.value) / (Math.sqrt(den.value) + eps),
  );
}

/**
 * Adam, and AdamW: θ'_t = θ_t − η_t·λ·θ_t first (decoupled decay, torch.optim.AdamW), then Adam's
 * step from θ'_t with the raw g_t. Adam with λ > 0 steps along g̃_t = g_t + λ·θ_t (the prelude's).
 */
export function adamLines(t: TracePoint): EquationLine[] {
  const p = prelude(t);
  const { beta1: b1, beta2: b2, weightDecay: lambda, biasCorrection } = t.hyper;
  const [m0 = 0, v0 = 0] = t.slotsBefore;
  const lines = [...p.lines];
  let from = { sym: '\\theta_t', value: t.thetaBefore };
  if (t.optimizer === 'adamw') {
    const decayed = t.thetaBefore - p.rate * lambda * t.thetaBefore;
    lines.push(
      line(
        'decay',
        `\\theta'_t = \\theta_t - ${p.eta}\\, \\lambda\\, \\theta_t`,
        `${term(t.thetaBefore)} - ${texNumber(p.rate)} \\cdot ${texNumber(lambda)} \\cdot ${term(t.thetaBefore)}`,
        decayed,
      ),
    );
    from = { sym: "\\theta'_t", value: decayed };
  }
  const m = b1 * m0 + (1 - b1) * p.g;
  const v = b2 * v0 + (1 - b2) * p.g * p.g;
  // 1 − β^t with the β values actually used: the products P1, P2 (equal to β^t while β is constant).
  const c1 = biasCorrection ? 1 - (t.products[0] ?? 0) : 1;
  const c2 = biasCorrection ? 1 - (t.products[1] ?? 0) : 1;
  const mHat = m / c1;
  const vHat = v / c2;
  const hatRule = (x: string, n: number) =>
    biasCorrection ? `\\hat{${x}}_t = \\dfrac{${x}_t}{1 - \\beta_${n}^t}` : `\\hat{${x}}_t = ${x}_t`;
  const hatNumbers = (val: number, c: number) =>
    biasCorrection ? `\\dfrac{${texNumber(val)}}{${texNumber(c)}}` : texNumber(val);
  return [
    ...lines,
    line(
      'm',
      `m_t = \\beta_1 m_{t-1} + (1 - \\beta_1)\\, ${p.gSym}`,
      `${texNumber(b1)} \\cdot ${term(m0)} + ${texNumber(1 - b1)} \\cdot ${term(p.g)}`,
      m,
    ),
    line(
      'v',
      `v_t = \\beta_2 v_{t-1} + (1 - \\beta_2)\\, ${p.gSym}^2`,
      `${texNumber(b2)} \\cdot ${term(v0)} + ${texNumber(1 - b2)} \\cdot ${squared(p.g)}`,
      v,
    ),
    line('mHat', hatRule('m', 1), hatNumbers(m, c1), mHat),
    line('vHat', hatRule('v', 2), hatNumbers(v, c2), vHat),
    rootStep(t, p, from, { sym: '\\hat{m}_t', value: mHat }, { sym: '\\hat{v}_t', value: vHat }),
  ];
}

/** RMSProp (torch.optim.RMSprop, α = β2): v_t = β2·v_{t−1} + (1 − β2)·g_t²; θ_{t+1} = θ_t − η·g_t/(√v_t + ε). */
export function rmspropLines(t: TracePoint): EquationLine[] {
  const p = prelude(t);
  const b2 = t.hyper.beta2;
  const [v0 = 0] = t.slotsBefore;
  const v = b2 * v0 + (1 - b2) * p.g * p.g;
  return [
    ...p.lines,
    line(
      'v',
      `v_t = \\beta_2 v_{t-1} + (1 - \\beta_2)\\, ${p.gSym}^2`,
      `${texNumber(b2)} \\cdot ${term(v0)} + ${texNumber(1 - b2)} \\cdot ${squared(p.g)}`,
      v,
    ),
    rootStep(
      t,
      p,
      { sym: '\\theta_t', value: t.thetaBefore },
      { sym: p.gSym, value: p.g },
      { sym: 'v_t', value: v },
    ),
  ];
}

/** AdaGrad (torch.optim.Adagrad, s_0 = 0): s_t = s_{t−1} + g_t²; θ_{t+1} = θ_t − η·g_t/(√s_t + ε). */
export function adagradLines(t: TracePoint): EquationLine[] {
  const p = prelude(t);
  const [s0 = 0] = t.slotsBefore;
  const s = s0 + p.g * p.g;
  return [
    ...p.lines,
    line('s', `s_t = s_{t-1} + ${p.gSym}^2`, `${term(s0)} + ${squared(p.g)}`, s),
    rootStep(
      t,
      p,
      { sym: '\\theta_t', value: t.thetaBefore },
      { sym: p.gSym, value: p.g },
      { sym: 's_t', value: s },
    ),
  ];
}
