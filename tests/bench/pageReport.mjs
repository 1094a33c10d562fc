// The page section in the bench summary: each scenario's figures against the goals of "Smooth while it
// trains" (targets) and its lines in the human-readable table.

/** No main-thread task longer than this (a long task is by definition one over 50 ms). */
const LONG_TASK_GOAL_MS = 50;
/** Interaction p98 goal by scenario: several runs may take longer than one, never past 200 ms. */
const interactionGoalMs = (runs) => (runs > 1 ? 200 : 100);
const LIVE_CHANGE_GOAL_MS = 100;

/** Adds the page targets through `target(name, value, ok, want)` (report.mjs's collector). */
export function pageTargets(page, target) {
  for (const s of page?.scenarios ?? []) {
    const goal = interactionGoalMs(s.runs);
    const p = `page ${s.id}:`;
    target(`${p} pointer-drag interaction p98 (ms)`, s.pointer.p98Ms, s.pointer.p98Ms <= goal, `≤ ${goal}`);
    target(`${p} keyboard interaction p98 (ms)`, s.keyboard.p98Ms, s.keyboard.p98Ms <= goal, `≤ ${goal}`);
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
  }
}

const ms = (x) => (x === null || x === undefined ? '–' : `${x} ms`);
const latency = (l) => `p98 ${ms(l.p98Ms)}, max ${ms(l.maxMs)} (${l.over16} of ${l.n} over 16 ms)`;
const tasks = (t) => (t === null ? 'not reported' : `${t.count}, p95 ${ms(t.p95Ms)}, max ${ms(t.maxMs)}`);

/** The table's lines for the page section. */
export function pageLines(page) {
  if (!page) return [];
  const lines = [`page (${page.viewport.width}×${page.viewport.height}, ${page.seconds} s per scenario):`];
  for (const s of page.scenarios) {
    const cost =
      s.samplesPerSecQuiet > 0
        ? ` (${Math.round((100 * s.samplesPerSecInteracting) / s.samplesPerSecQuiet)} % of quiet)`
        : '';
    const worst = [s.pointer.worst, s.keyboard.worst]
      .filter(Boolean)
      .sort((a, b) => b.durationMs - a.durationMs)[0];
    lines.push(
      `  ${s.id}: ${s.drags} drags, ${s.keyPresses} key presses in ${s.interactS} s; Start click ${s.startClick <= 16 ? '≤ 16 ms' : ms(s.startClick)}`,
      `    interaction pointer ${latency(s.pointer)}; keyboard ${latency(s.keyboard)}`,
      worst
        ? `    worst interaction ${worst.name} ${worst.durationMs} ms = input delay ${worst.inputDelayMs} + handlers ${worst.processingMs} + to next frame ${worst.presentationMs}`
        : '    no interaction over 16 ms',
      `    events outside interactions (a drag's input events) over 16 ms: ${s.otherEventsOver16}, max ${ms(s.otherEventMaxMs)}`,
      `    long tasks ${tasks(s.longTasks)}; long animation frames ${tasks(s.longFrames)}`,
      `    samples/s quiet ${s.samplesPerSecQuiet}, interacting ${s.samplesPerSecInteracting}${cost}; ` +
        `live-change p50 ${ms(s.liveChanges.p50Ms)}, p95 ${ms(s.liveChanges.p95Ms)} (${s.liveChanges.acked} acked)`,
    );
  }
  return lines;
}
