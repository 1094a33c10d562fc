// The page section in the bench summary: each scenario's figures against the goals of issue 19
// ("Training and the page share the GPU well") and its lines in the human-readable table, with the
// page's samples/s beside the worker-only figure of the same runs measured in the same bench run.

/** No main-thread task longer than this while training (a long task is by definition one over 50 ms). */
const LONG_TASK_GOAL_MS = 50;
/** Interaction p98 goal by scenario: several runs may take longer than one, never past 200 ms. */
const interactionGoalMs = (runs) => (runs > 1 ? 200 : 100);
const LIVE_CHANGE_GOAL_MS = 100;
/** React's render and commit of one slider input (key or drag step), p95, with four runs training. */
const SLIDER_COMMIT_GOAL_MS = 4;
/** The page, nobody touching it, trains at least this share of the worker-only samples/s. */
const PAGE_SHARE_GOAL = 0.75;

/** The worker-only samples/s of a scenario's runs (all lanes together), or null when not measured. */
export function workerFigure(page, s) {
  const w = page?.worker?.[s.runs];
  return typeof w === 'number' ? w : null;
}

/** Adds the page targets through `target(name, value, ok, want)` (report.mjs's collector). */
export function pageTargets(page, target) {
  for (const s of page?.scenarios ?? []) {
    const goal = interactionGoalMs(s.runs);
    const p = `page ${s.id}:`;
    for (const [what, l] of [
      ['pointer-drag', s.pointer],
      ['keyboard burst', s.keyboard],
      ['single keys a second apart', s.singleKeys],
    ])
      if (l) target(`${p} ${what} interaction p98 (ms)`, l.p98Ms, l.p98Ms <= goal, `≤ ${goal}`);
    const commit = s.sliderCommit?.p95Ms;
    if (s.runs > 1 && commit !== null && commit !== undefined)
      target(
        `${p} slider input, React render and commit p95 (ms)`,
        commit,
        commit <= SLIDER_COMMIT_GOAL_MS,
        `≤ ${SLIDER_COMMIT_GOAL_MS}`,
      );
    if (!s.trains) continue;
    target(
      `${p} longest main-thread task (ms)`,
      s.longTasks?.maxMs,
      s.longTasks?.maxMs <= LONG_TASK_GOAL_MS,
      `≤ ${LONG_TASK_GOAL_MS}`,
    );
    target(
      `${p} live-change p95 (ms)`,
      s.liveChanges.p95Ms,
      s.liveChanges.p95Ms <= LIVE_CHANGE_GOAL_MS,
      `≤ ${LIVE_CHANGE_GOAL_MS}`,
    );
    const worker = workerFigure(page, s);
    if (worker)
      target(
        `${p} samples/s nobody touching, share of the worker's ${Math.round(worker)}`,
        Math.round((100 * s.samplesPerSecQuiet) / worker) / 100,
        s.samplesPerSecQuiet >= PAGE_SHARE_GOAL * worker,
        `≥ ${PAGE_SHARE_GOAL}`,
      );
  }
}

const ms = (x) => (x === null || x === undefined ? '–' : `${x} ms`);
const latency = (l) =>
  l ? `p98 ${ms(l.p98Ms)}, max ${ms(l.maxMs)} (${l.over16} of ${l.n} over 16 ms)` : 'not measured';
const tasks = (t) => (t === null ? 'not reported' : `${t.count}, p95 ${ms(t.p95Ms)}, max ${ms(t.maxMs)}`);

/** The table's lines for the page section. */
export function pageLines(page) {
  if (!page) return [];
  const lines = [`page (${page.seconds} s per scenario; worker-only samples/s measured in the same run):`];
  for (const s of page.scenarios) {
    const worker = workerFigure(page, s);
    const cost =
      s.samplesPerSecQuiet > 0
        ? ` (${Math.round((100 * s.samplesPerSecInteracting) / s.samplesPerSecQuiet)} % of quiet)`
        : '';
    const share = worker
      ? `; worker-only ${Math.round(worker)}: the page trains at ${Math.round((100 * s.samplesPerSecQuiet) / worker)} %`
      : '';
    const worst = [s.pointer.worst, s.keyboard.worst, s.singleKeys?.worst]
      .filter(Boolean)
      .sort((a, b) => b.durationMs - a.durationMs)[0];
    lines.push(
      `  ${s.id} (${s.viewport?.width ?? '?'}×${s.viewport?.height ?? '?'}): ${s.drags} drags, ${s.keyPresses} keys in bursts, ${s.singles ?? 0} single keys in ${s.interactS} s`,
      `    interaction pointer ${latency(s.pointer)}; keyboard bursts ${latency(s.keyboard)}; single keys ${latency(s.singleKeys)}`,
      worst
        ? `    worst interaction ${worst.name} ${worst.durationMs} ms = input delay ${worst.inputDelayMs} + handlers ${worst.processingMs} + to next frame ${worst.presentationMs}`
        : '    no interaction over 16 ms',
      `    long tasks ${tasks(s.longTasks)}; long animation frames ${tasks(s.longFrames)}`,
      s.sliderCommit?.n
        ? `    slider inputs, React render and commit: p50 ${ms(s.sliderCommit.p50Ms)}, p95 ${ms(s.sliderCommit.p95Ms)}, max ${ms(s.sliderCommit.maxMs)} (${s.sliderCommit.n})`
        : '    slider inputs, React render and commit: none measured',
      s.trains
        ? `    samples/s quiet ${s.samplesPerSecQuiet}, interacting ${s.samplesPerSecInteracting}${cost}${share}; ` +
            `live-change p50 ${ms(s.liveChanges.p50Ms)}, p95 ${ms(s.liveChanges.p95Ms)} (${s.liveChanges.acked} acked)`
        : '    nothing training: the latency the page has on its own',
    );
  }
  const at = Object.entries(page.series ?? {});
  if (at.length)
    lines.push(
      '  chart rows of a four-run race after one more report (loss and accuracy, in Node):',
      ...at.map(
        ([step, c]) =>
          `    at step ${Number(step).toLocaleString('en')}: ${c.incrementalMs} ms kept up to date, ${c.rebuiltMs} ms rebuilt from every point`,
      ),
    );
  return lines;
}
