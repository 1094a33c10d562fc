// The optimizers' step times in the bench summary: each one's ms/step at batch 32 against SGD's in the
// same rounds, the goal of the issue that added AdaGrad, RMSProp and AdamW, and the table's lines.
import { dropoutLines, dropoutTargets } from './dropoutReport.mjs';
import { median } from './lib.mjs';

/** No optimizer's step (weight decay included) above this multiple of SGD's. */
const STEP_OVER_SGD_GOAL = 1.25;

const round = (x, d) => (x === null ? null : Number(x.toFixed(d)));

/**
 * From the 'optimizers' job's result: per optimizer the median ms/step over the rounds and the median
 * of its per-round ratios to SGD's block of the same round (a paired ratio: a slow spell of the machine
 * that lasts a round falls on both).
 */
export function optimizerSummary(result) {
  const rows = result?.optimizerSteps;
  if (!rows?.length) return null;
  const sgd = rows.find((r) => r.optimizer === 'sgd' && r.weightDecay === 0);
  const ratios = (r) => r.roundsMs.map((ms, i) => ms / sgd.roundsMs[i]);
  return {
    batchSize: result.batchSize,
    model: result.model,
    rounds: sgd.roundsMs.length,
    stepsPerRound: result.steps / sgd.roundsMs.length,
    goal: STEP_OVER_SGD_GOAL,
    rows: rows.map((r) => {
      const rs = ratios(r);
      const overSgd = round(median(rs), 3);
      return {
        label: r.label,
        msPerStep: round(median(r.roundsMs), 2),
        updateMs: round(median(r.updateMs), 2),
        overSgd,
        overSgdRange: [round(Math.min(...rs), 2), round(Math.max(...rs), 2)],
        meetsGoal: overSgd <= STEP_OVER_SGD_GOAL,
        programsPerStep: r.programsPerStep,
        ownProgramsPerStep: r.ownProgramsPerStep,
        programsPerInstrumentStep: r.programsPerInstrumentStep,
      };
    }),
  };
}

/** Adds one target per optimizer through `target(name, value, ok, want)` (report.mjs's collector). */
export function optimizerTargets(s, target) {
  for (const r of s?.rows ?? [])
    if (r.label !== 'sgd')
      target(
        `step / sgd's, interleaved: ${r.label} (ours, batch ${s.batchSize})`,
        r.overSgd,
        r.meetsGoal,
        `≤ ${STEP_OVER_SGD_GOAL}`,
      );
}

/** The table's lines for the optimizers' step times. */
export function optimizerLines(s) {
  if (!s) return [];
  const pad = (v, n) => String(v ?? '–').padStart(n);
  const fixed = (x, d) => (x === null ? null : x.toFixed(d));
  const lines = [
    `step time by optimizer (${s.model}, batch ${s.batchSize}; medians of ${s.rounds} interleaved ` +
      `rounds of ${s.stepsPerRound} steps, instruments on their cadence; goal ≤ ${s.goal}× sgd):`,
    `  ${'optimizer'.padEnd(18)}${pad('ms/step', 8)}${pad('× sgd', 7)}${pad('rounds', 12)}${pad('update', 8)}${pad('GL progs', 10)}${pad('ours', 6)}${pad('instr.', 8)}  goal`,
  ];
  for (const r of s.rows)
    lines.push(
      `  ${r.label.padEnd(18)}${pad(fixed(r.msPerStep, 2), 8)}${pad(fixed(r.overSgd, 3), 7)}${pad(r.overSgdRange.join('–'), 12)}${pad(fixed(r.updateMs, 2), 8)}` +
        `${pad(r.programsPerStep, 10)}${pad(r.ownProgramsPerStep, 6)}${pad(r.programsPerInstrumentStep, 8)}  ` +
        `${r.label === 'sgd' ? '' : r.meetsGoal ? 'PASS' : 'FAIL'}`,
    );
  lines.push(
    '  (× sgd: median of the per-round ratios to sgd, `rounds` their range; update: ms of the update of all',
    '  weights alone; GL progs: WebGL programs of a step without instruments, `ours` of them our own;',
    '  instr.: of a step with them, 1 in 10)',
  );
  return lines;
}

/**
 * `--optimizers-only`: the BENCH json line, then the tables and their targets; `dropout`: the summary
 * of dropout's step times (dropoutReport.mjs), measured by the same flag.
 */
export function printOptimizersOnly(s, failures, dropout = null) {
  const targets = [];
  const target = (name, value, pass, want) => targets.push({ name, value, want, pass });
  optimizerTargets(s, target);
  dropoutTargets(dropout, target);
  console.log(`BENCH ${JSON.stringify({ optimizerSteps: s, dropoutSteps: dropout, targets, failures })}`);
  const lines = [
    '',
    ...(s ? optimizerLines(s) : ['step time by optimizer: not measured']),
    ...(dropout ? dropoutLines(dropout) : ['step time with dropout: not measured']),
  ];
  const passed = targets.filter((t) => t.pass).length;
  if (targets.length) lines.push(`goal met by ${passed} of ${targets.length}`);
  if (failures.length) lines.push(`failed runs: ${failures.length}`, ...failures.map((f) => `  ${f}`));
  console.log(lines.join('\n'));
}
