// Bench summary: medians per (impl, batch), ours/peer ratios, targets passed/failed, the BENCH json line
// and a short human-readable table.
import { median } from './lib.mjs';

const keyOf = (r) => (r.impl === 'peer' ? `peer/${r.batchSize}` : `ours-${r.optimizer}/${r.batchSize}`);
const round = (x, d = 2) =>
  typeof x === 'number' && Number.isFinite(x) ? Number(x.toFixed(d)) : (x ?? null);

export function summarize(runs, { page, full, failures, durationS, batchSizes }) {
  const groups = {};
  for (const r of runs) (groups[keyOf(r)] ??= []).push(r);
  const medians = {};
  for (const [k, rs] of Object.entries(groups)) {
    medians[k] = {
      n: rs.length,
      samplesPerSec: round(median(rs.map((r) => r.samplesPerSec)), 1),
      msPerStep: round(median(rs.map((r) => r.msPerStep)), 3),
      kernelsPerStep: median(rs.map((r) => r.kernelsPerStep)),
      glProgramsPerStep: round(median(rs.map((r) => r.glProgramsPerStep)), 2),
      readSyncsPerStep: round(median(rs.map((r) => r.readSyncsPerStep)), 3),
      maxTensorGrowth: Math.max(...rs.map((r) => r.tensorGrowth)),
    };
  }
  const ratio = (a, b) => (a && b ? round(a / b, 3) : null);
  const oursOverPeerSamplesPerSec = {};
  const kernelsPerStep = { oursAdam: {}, oursSgd: {}, peer: {} };
  for (const b of batchSizes) {
    oursOverPeerSamplesPerSec[b] = ratio(
      medians[`ours-adam/${b}`]?.samplesPerSec,
      medians[`peer/${b}`]?.samplesPerSec,
    );
    kernelsPerStep.oursAdam[b] = medians[`ours-adam/${b}`]?.kernelsPerStep ?? null;
    kernelsPerStep.oursSgd[b] = medians[`ours-sgd/${b}`]?.kernelsPerStep ?? null;
    kernelsPerStep.peer[b] = medians[`peer/${b}`]?.kernelsPerStep ?? null;
  }
  const adamOverSgdStepTime = ratio(medians['ours-adam/32']?.msPerStep, medians['ours-sgd/32']?.msPerStep);
  const leakRun = runs.filter((r) => r.impl === 'ours').sort((a, b) => b.tensorSteps - a.tensorSteps)[0];
  const tensorGrowth = leakRun
    ? { steps: leakRun.tensorSteps, growth: leakRun.tensorGrowth, run: leakRun.id }
    : null;
  const acc = (pred) => runs.find((r) => pred(r) && r.testAccuracy !== null)?.testAccuracy ?? null;
  const testAccuracy = {
    oursOneEpoch: acc((r) => r.impl === 'ours' && r.epochsTrained === 1 && r.batchSize === 32),
    peerOneEpoch: acc((r) => r.impl === 'peer' && r.epochsTrained === 1 && r.batchSize === 32),
  };
  if (full) testAccuracy.oursTenEpochs = full.testAccuracy;
  const oursReads = runs.filter((r) => r.impl === 'ours').reduce((s, r) => s + r.readSyncs, 0);

  const targets = [];
  const target = (name, value, ok, want) =>
    targets.push({
      name,
      value,
      want,
      pass: value === null || value === undefined || ok === undefined ? null : ok,
    });
  target(
    'adam step ≤ 1.2 × sgd step (ours, batch 32)',
    adamOverSgdStepTime,
    adamOverSgdStepTime <= 1.2,
    '≤ 1.2',
  );
  const oursRuns = runs.some((r) => r.impl === 'ours');
  target('blocking reads in ours windows', oursRuns ? oursReads : null, oursReads === 0, '0');
  target(
    `tensor growth over ${tensorGrowth?.steps ?? '?'} steps of ours`,
    tensorGrowth?.growth,
    tensorGrowth?.steps >= 2000 ? tensorGrowth.growth === 0 : undefined,
    '0 over ≥ 2000 steps',
  );
  target('live-change p95 (ms)', round(page?.liveChangeP95Ms, 1), page?.liveChangeP95Ms <= 100, '≤ 100');
  target(
    'longest main-thread task while training (ms)',
    round(page?.longestTaskMs, 1),
    page?.longestTaskMs <= 50,
    '≤ 50',
  );
  if (full)
    target(
      'test accuracy after 10 epochs (ours, batch 32)',
      full.testAccuracy,
      full.testAccuracy >= 0.977,
      '≥ 0.977',
    );

  return {
    renderer: runs[0]?.renderer ?? null,
    durationS: round(durationS, 0),
    medians,
    oursOverPeerSamplesPerSec,
    kernelsPerStep,
    adamOverSgdStepTime,
    tensorGrowth,
    testAccuracy,
    page,
    full: full
      ? { steps: full.steps, samplesPerSec: round(full.samplesPerSec, 1), testAccuracy: full.testAccuracy }
      : null,
    targets,
    failures,
  };
}

export function printTable(s) {
  const pad = (v, n) => String(v ?? '–').padStart(n);
  const lines = [
    '',
    `Renderer: ${s.renderer}`,
    `${'run'.padEnd(14)}${pad('n', 3)}${pad('samples/s', 11)}${pad('ms/step', 9)}${pad('kernels', 9)}${pad('GL progs', 10)}${pad('reads/step', 12)}${pad('tensor +', 10)}`,
  ];
  for (const [k, m] of Object.entries(s.medians).sort())
    lines.push(
      `${k.padEnd(14)}${pad(m.n, 3)}${pad(m.samplesPerSec, 11)}${pad(m.msPerStep, 9)}${pad(m.kernelsPerStep, 9)}${pad(m.glProgramsPerStep, 10)}${pad(m.readSyncsPerStep, 12)}${pad(m.maxTensorGrowth, 10)}`,
    );
  lines.push(
    `ours/peer samples/s: ${Object.entries(s.oursOverPeerSamplesPerSec)
      .map(([b, r]) => `batch ${b}: ${r ?? '–'}`)
      .join(', ')}`,
  );
  lines.push(
    `test accuracy after one epoch (batch 32): ours ${s.testAccuracy.oursOneEpoch ?? '–'}, peer ${s.testAccuracy.peerOneEpoch ?? '–'}`,
  );
  if (s.page)
    lines.push(
      `page: live-change p50 ${round(s.page.liveChangeP50Ms, 1)} ms, p95 ${round(s.page.liveChangeP95Ms, 1)} ms (${s.page.changesAcked} acked of ${s.page.editsCommitted} edits; the app debounces 250 ms), longest task ${round(s.page.longestTaskMs, 1)} ms`,
    );
  lines.push('targets:');
  for (const t of s.targets)
    lines.push(
      `  ${t.pass === null ? 'N/A ' : t.pass ? 'PASS' : 'FAIL'}  ${t.name}: ${t.value ?? '–'} (want ${t.want})`,
    );
  if (s.failures.length) lines.push(`failed runs: ${s.failures.length}`, ...s.failures.map((f) => `  ${f}`));
  console.log(lines.join('\n'));
}
