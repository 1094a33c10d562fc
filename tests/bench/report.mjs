// Bench summary: medians per (impl, batch), ours/peer ratios, targets passed/failed (the page's come
// from pageReport.mjs), the BENCH json line and a short human-readable table.
import { median } from './lib.mjs';
import { labLines, labTargets } from './labReport.mjs';
import { optimizerLines, optimizerSummary, optimizerTargets } from './optimizersReport.mjs';
import { dropoutLines, dropoutSummary, dropoutTargets } from './dropoutReport.mjs';
import { pageLines, pageTargets } from './pageReport.mjs';

/** The reference network's runs keep their keys; another network's carry its name: `peer[cnn]/32`. */
const netOf = (r) => (r.model && r.model !== 'mlp-128' ? `[${r.model}]` : '');
const keyOf = (r) =>
  r.impl === 'peer'
    ? `peer${netOf(r)}/${r.batchSize}`
    : `ours-${r.optimizer}${(r.lanes ?? 1) > 1 ? `×${r.lanes}` : ''}${r.ablation ? `-${r.ablation}` : ''}${netOf(r)}/${r.batchSize}`;
const round = (x, d = 2) =>
  typeof x === 'number' && Number.isFinite(x) ? Number(x.toFixed(d)) : (x ?? null);

export function summarize(
  runs,
  { page, lab, full, optimizers, dropout, failures, durationS, batchSizes, models = [] },
) {
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
  // Other networks at batch 32: samples/s of ours and of the peer built the same way.
  const modelsSamplesPerSec = {};
  for (const model of models) {
    const ours = medians[`ours-adam[${model}]/32`]?.samplesPerSec ?? null;
    const peer = medians[`peer[${model}]/32`]?.samplesPerSec ?? null;
    modelsSamplesPerSec[model] = { ours, peer, oursOverPeer: ratio(ours, peer) };
  }
  // Samples/s of each run in a three-run comparison over a single run's: a third means no overhead.
  const comparisonPerRun = {};
  for (const b of batchSizes)
    comparisonPerRun[b] = ratio(
      medians[`ours-adam×3/${b}`]?.samplesPerSec,
      medians[`ours-adam/${b}`]?.samplesPerSec,
    );
  const gpuDataBytes = runs.find((r) => r.impl === 'ours' && r.gpuDataBytes > 0)?.gpuDataBytes ?? null;
  const adamOverSgdStepTime = ratio(medians['ours-adam/32']?.msPerStep, medians['ours-sgd/32']?.msPerStep);
  const internalsCost = instrumentsCost(runs);
  const optimizerSteps = optimizerSummary(optimizers);
  const dropoutSteps = dropoutSummary(dropout);
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
  target(
    "optimizer's instruments: extra step time (ours, adam, batch 32)",
    internalsCost?.share,
    internalsCost ? internalsCost.share <= 0.1 : undefined,
    '≤ 0.1',
  );
  const oursRuns = runs.some((r) => r.impl === 'ours');
  target('blocking reads in ours windows', oursRuns ? oursReads : null, oursReads === 0, '0');
  target(
    `tensor growth over ${tensorGrowth?.steps ?? '?'} steps of ours`,
    tensorGrowth?.growth,
    tensorGrowth?.steps >= 2000 ? tensorGrowth.growth === 0 : undefined,
    '0 over ≥ 2000 steps',
  );
  for (const b of batchSizes) {
    const want = b === 32 ? 2 : b === 128 ? 1.5 : undefined;
    if (want !== undefined)
      target(
        `ours/peer samples/s at batch ${b}`,
        oursOverPeerSamplesPerSec[b],
        oursOverPeerSamplesPerSec[b] >= want,
        `≥ ${want}`,
      );
    target(
      `three-run comparison, samples/s per run / single run (batch ${b})`,
      comparisonPerRun[b],
      comparisonPerRun[b] >= 1 / 3,
      '≥ 0.333',
    );
  }
  optimizerTargets(optimizerSteps, target);
  dropoutTargets(dropoutSteps, target);
  pageTargets(page, target);
  labTargets(lab, target);
  if (full)
    target(
      'test accuracy after 10 epochs (ours, batch 32)',
      full.testAccuracy,
      full.testAccuracy >= 0.977,
      '≥ 0.977',
    );

  return {
    renderer: runs[0]?.renderer ?? page?.scenarios[0]?.renderer ?? null,
    durationS: round(durationS, 0),
    medians,
    oursOverPeerSamplesPerSec,
    modelsSamplesPerSec,
    comparisonPerRun,
    gpuDataBytes,
    kernelsPerStep,
    adamOverSgdStepTime,
    internalsCost,
    optimizerSteps,
    dropoutSteps,
    tensorGrowth,
    testAccuracy,
    page,
    lab,
    full: full
      ? { steps: full.steps, samplesPerSec: round(full.samplesPerSec, 1), testAccuracy: full.testAccuracy }
      : null,
    targets,
    failures,
  };
}

/**
 * Adam at batch 32 with and without the optimizer's instruments, from time-boxed windows only (the
 * first ours-adam run is a full epoch with evaluations, so it would not compare like with like).
 */
function instrumentsCost(runs) {
  const ms = (key) => {
    const rs = runs.filter((r) => keyOf(r) === key && r.mode === 'window');
    return rs.length ? median(rs.map((r) => r.msPerStep)) : null;
  };
  const withMs = ms('ours-adam/32');
  const withoutMs = ms('ours-adam-no-internals/32');
  if (!withMs || !withoutMs) return null;
  return {
    withMs: round(withMs, 3),
    withoutMs: round(withoutMs, 3),
    share: round(withMs / withoutMs - 1, 3),
  };
}

export function printTable(s) {
  const pad = (v, n) => String(v ?? '–').padStart(n);
  const lines = [
    '',
    `Renderer: ${s.renderer}`,
    `${'run'.padEnd(27)}${pad('n', 3)}${pad('samples/s', 11)}${pad('ms/step', 9)}${pad('kernels', 9)}${pad('GL progs', 10)}${pad('reads/step', 12)}${pad('tensor +', 10)}`,
  ];
  for (const [k, m] of Object.entries(s.medians).sort())
    lines.push(
      `${k.padEnd(27)}${pad(m.n, 3)}${pad(m.samplesPerSec, 11)}${pad(m.msPerStep, 9)}${pad(m.kernelsPerStep, 9)}${pad(m.glProgramsPerStep, 10)}${pad(m.readSyncsPerStep, 12)}${pad(m.maxTensorGrowth, 10)}`,
    );
  lines.push(
    `ours/peer samples/s: ${Object.entries(s.oursOverPeerSamplesPerSec)
      .map(([b, r]) => `batch ${b}: ${r ?? '–'}`)
      .join(', ')}`,
  );
  for (const [model, m] of Object.entries(s.modelsSamplesPerSec ?? {}))
    lines.push(
      `${model} at batch 32, samples/s: ours ${m.ours ?? '–'}, peer ${m.peer ?? '–'} (ours/peer ${m.oursOverPeer ?? '–'})`,
    );
  if (s.internalsCost)
    lines.push(
      `optimizer's instruments (adam, batch 32, window medians): ${s.internalsCost.withMs} ms/step with, ` +
        `${s.internalsCost.withoutMs} without (${(100 * s.internalsCost.share).toFixed(1)}%)`,
    );
  lines.push(
    `MNIST held on the GPU for batch gathering: ${s.gpuDataBytes ? `${(s.gpuDataBytes / 1e6).toFixed(1)} MB` : '–'}`,
  );
  lines.push(
    `test accuracy after one epoch (batch 32): ours ${s.testAccuracy.oursOneEpoch ?? '–'}, peer ${s.testAccuracy.peerOneEpoch ?? '–'}`,
  );
  lines.push(
    ...optimizerLines(s.optimizerSteps),
    ...dropoutLines(s.dropoutSteps),
    ...pageLines(s.page),
    ...labLines(s.lab),
  );
  lines.push('targets:');
  for (const t of s.targets)
    lines.push(
      `  ${t.pass === null ? 'N/A ' : t.pass ? 'PASS' : 'FAIL'}  ${t.name}: ${t.value ?? '–'} (want ${t.want})`,
    );
  if (s.failures.length) lines.push(`failed runs: ${s.failures.length}`, ...s.failures.map((f) => `  ${f}`));
  console.log(lines.join('\n'));
}
