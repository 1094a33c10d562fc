// Dropout's step time in the bench summary: Adam at batch 32 with dropout against the same network
// without it in the same rounds, the goal of the issue that added dropout, and the table's lines.
import { median, quantile } from './lib.mjs';

/** A step with dropout at most this multiple of the same network's step without. */
const STEP_OVER_PLAIN_GOAL = 1.15;

const round = (x, d) => (x === null ? null : Number(x.toFixed(d)));

/**
 * From the 'dropout' job's result: per network and rate the median ms/step over the rounds and the
 * median of its per-round ratios to the same network's p = 0 block of that round (paired, as the
 * optimizers' ratios to SGD are). Beside it the ratio of the fastest quarters (lower quartiles of
 * ms/step): on a shared machine other jobs only add time, so the quartiles come nearer to each variant's
 * own cost when bursts of other work spoil many blocks.
 */
export function dropoutSummary(result) {
  const rows = result?.dropoutSteps;
  if (!rows?.length) return null;
  const plainOf = (r) => rows.find((p) => p.model === r.model && p.dropout === 0);
  return {
    batchSize: result.batchSize,
    optimizer: result.optimizer,
    rounds: rows[0].roundsMs.length,
    stepsPerRound: result.steps / rows[0].roundsMs.length,
    goal: STEP_OVER_PLAIN_GOAL,
    rows: rows.map((r) => {
      const plain = plainOf(r);
      const rs = r.roundsMs.map((ms, i) => ms / plain.roundsMs[i]);
      const bs = r.backwardMs.map((ms, i) => ms / plain.backwardMs[i]);
      const overPlain = round(median(rs), 3);
      const q1 = quantile(r.roundsMs, 0.25) / quantile(plain.roundsMs, 0.25);
      return {
        label: r.label,
        model: r.model,
        dropout: r.dropout,
        msPerStep: round(median(r.roundsMs), 2),
        overPlain,
        overPlainRange: [round(Math.min(...rs), 2), round(Math.max(...rs), 2)],
        meetsGoal: overPlain <= STEP_OVER_PLAIN_GOAL,
        fastestQuarterOverPlain: round(q1, 3),
        backwardMs: round(median(r.backwardMs), 2),
        backwardOverPlain: round(median(bs), 3),
        programsPerStep: r.programsPerStep,
        extraPrograms: r.programsPerStep - plain.programsPerStep,
        ownProgramsPerStep: r.ownProgramsPerStep,
        programsPerInstrumentStep: r.programsPerInstrumentStep,
      };
    }),
  };
}

/** Adds one target per network and rate p > 0 through `target(name, value, ok, want)` (report.mjs's). */
export function dropoutTargets(s, target) {
  for (const r of s?.rows ?? [])
    if (r.dropout > 0)
      target(
        `step with dropout / without, interleaved: ${r.label} (ours, ${s.optimizer}, batch ${s.batchSize})`,
        r.overPlain,
        r.meetsGoal,
        `≤ ${STEP_OVER_PLAIN_GOAL}`,
      );
}

/** The table's lines for dropout's step times. */
export function dropoutLines(s) {
  if (!s) return [];
  const pad = (v, n) => String(v ?? '–').padStart(n);
  const fixed = (x, d) => (x === null ? null : x.toFixed(d));
  const lines = [
    `step time with dropout (${s.optimizer}, batch ${s.batchSize}; medians of ${s.rounds} interleaved ` +
      `rounds of ${s.stepsPerRound} steps, instruments on their cadence; goal ≤ ${s.goal}× p 0):`,
    `  ${'network, p'.padEnd(18)}${pad('ms/step', 8)}${pad('× p 0', 7)}${pad('rounds', 12)}${pad('q1 ×', 7)}${pad('bwd', 7)}${pad('× p 0', 7)}${pad('GL progs', 10)}${pad('+', 4)}${pad('ours', 6)}${pad('instr.', 8)}  goal`,
  ];
  for (const r of s.rows)
    lines.push(
      `  ${r.label.padEnd(18)}${pad(fixed(r.msPerStep, 2), 8)}${pad(fixed(r.overPlain, 3), 7)}${pad(r.overPlainRange.join('–'), 12)}${pad(fixed(r.fastestQuarterOverPlain, 3), 7)}` +
        `${pad(fixed(r.backwardMs, 2), 7)}${pad(fixed(r.backwardOverPlain, 3), 7)}` +
        `${pad(r.programsPerStep, 10)}${pad(r.extraPrograms, 4)}${pad(r.ownProgramsPerStep, 6)}${pad(r.programsPerInstrumentStep, 8)}  ` +
        `${r.dropout === 0 ? '' : r.meetsGoal ? 'PASS' : 'FAIL'}`,
    );
  lines.push(
    '  (× p 0: median of the per-round ratios to the same network without dropout, `rounds` their range;',
    "  q1 ×: the ratio of the lower quartiles of ms/step, the blocks least slowed by the machine's other",
    '  work; bwd: ms of the backward pass alone (forward, masks, gradients; no update) and its ratio; GL',
    '  progs: WebGL programs of a step without instruments, `+` more than p 0, `ours` of them our own;',
    '  instr.: of a step with them, 1 in 10)',
  );
  return lines;
}

/** `--dropout-only`: the BENCH json line, then the table and its targets. */
export function printDropoutOnly(s, failures) {
  const targets = [];
  dropoutTargets(s, (name, value, pass, want) => targets.push({ name, value, want, pass }));
  console.log(`BENCH ${JSON.stringify({ dropoutSteps: s, targets, failures })}`);
  const lines = ['', ...(s ? dropoutLines(s) : ['step time with dropout: not measured'])];
  const passed = targets.filter((t) => t.pass).length;
  if (targets.length) lines.push(`goal met by ${passed} of ${targets.length}`);
  if (failures.length) lines.push(`failed runs: ${failures.length}`, ...failures.map((f) => `  ${f}`));
  console.log(lines.join('\n'));
}
