// The optimizer's update as the origin article writes it (θ_{t+1} = θ_t − η·m̂_t/(√v̂_t + ε) and the
// moment equations), each line once in symbols and once with one traced weight's numbers substituted.
// Pure: TeX strings out, so tests check the arithmetic and the page only typesets. SGD and momentum
// are here; the rules that divide by √(average of g²) are in adaptiveLines.ts.
import type { TracePoint } from '../shared/trace';
import { adagradLines, adamLines, rmspropLines } from './adaptiveLines';
import { line, prelude, term, texNumber, type EquationLine } from './texLine';

export { texNumber, type EquationLine } from './texLine';

function momentumLines(t: TracePoint): EquationLine[] {
  const p = prelude(t);
  const { momentum: mu, nesterov } = t.hyper;
  const [v0 = 0] = t.slotsBefore;
  const v = mu * v0 + p.g;
  const dir = nesterov ? p.g + mu * v : v;
  const thetaRule = nesterov
    ? `\\theta_{t+1} = \\theta_t - ${p.eta}\\, (${p.gSym} + \\mu v_t)`
    : `\\theta_{t+1} = \\theta_t - ${p.eta}\\, v_t`;
  const thetaNumbers = nesterov
    ? `${term(t.thetaBefore)} - ${texNumber(p.rate)} \\cdot (${texNumber(p.g)} + ${texNumber(mu)} \\cdot ${term(v)})`
    : `${term(t.thetaBefore)} - ${texNumber(p.rate)} \\cdot ${term(v)}`;
  return [
    ...p.lines,
    line('v', `v_t = \\mu v_{t-1} + ${p.gSym}`, `${texNumber(mu)} \\cdot ${term(v0)} + ${term(p.g)}`, v),
    line('theta', thetaRule, thetaNumbers, t.thetaBefore - p.rate * dir),
  ];
}

function sgdLines(t: TracePoint): EquationLine[] {
  const p = prelude(t);
  return [
    ...p.lines,
    line(
      'theta',
      `\\theta_{t+1} = \\theta_t - ${p.eta}\\, ${p.gSym}`,
      `${term(t.thetaBefore)} - ${texNumber(p.rate)} \\cdot ${term(p.g)}`,
      t.thetaBefore - p.rate * p.g,
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
      return rmspropLines(t);
    case 'adagrad':
      return adagradLines(t);
    case 'momentum':
      return momentumLines(t);
    case 'sgd':
      return sgdLines(t);
  }
}
