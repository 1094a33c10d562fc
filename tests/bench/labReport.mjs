// The lab part of the page section in the bench summary: each row's input→paint latency against issue
// 10's budget ("a live change recomputes 4 paths × 2,000 steps and redraws in at most 100 ms") and its
// lines in the human-readable table.

export const LAB_BUDGET_MS = 100;

/** Adds the lab targets through `target(name, value, ok, want)` (report.mjs's collector). */
export function labTargets(lab, target) {
  for (const r of lab?.rows ?? []) {
    const { p95Ms } = r.inputToPaint;
    target(`lab ${r.id}: input→paint p95 (ms)`, p95Ms, p95Ms <= LAB_BUDGET_MS, `≤ ${LAB_BUDGET_MS}`);
  }
}

const ms = (x) => (x === null || x === undefined ? '–' : `${x} ms`);
const tasks = (t) => (t === null ? 'not reported' : `${t.count}, p95 ${ms(t.p95Ms)}, max ${ms(t.maxMs)}`);
const parts = (p) =>
  `wait ${ms(p.waitMs)} + render & commit ${ms(p.renderMs)} + to frame ${ms(p.toFrameMs)} + ` +
  `frame & paint ${ms(p.paintMs)}`;

function frames(f) {
  if (f === null) return 'long animation frames not reported';
  const top = f.topScripts.map((s) => `${s.invoker} ${ms(s.ms)}`).join('; ');
  return (
    `long animation frames ${f.count}: scripts ${ms(f.scriptMs)}, rendering callbacks ${ms(f.callbacksMs)}, ` +
    `style, layout & paint ${ms(f.stylePaintMs)}${top ? `; longest scripts: ${top}` : ''}`
  );
}

/** The table's lines for the lab. */
export function labLines(lab) {
  if (!lab) return [];
  const lines = [
    `lab (${lab.viewport.width}×${lab.viewport.height}, ${lab.runs} runs × ${lab.steps} steps, ` +
      `${lab.seconds} s of drags per slider; budget ${LAB_BUDGET_MS} ms input→paint):`,
    `  ${'surface · slider'.padEnd(22)}${'inputs'.padStart(7)}${'p50'.padStart(9)}${'p95'.padStart(9)}${'max'.padStart(9)}${'long tasks'.padStart(12)}  budget`,
  ];
  for (const r of lab.rows) {
    const l = r.inputToPaint;
    const ok = l.p95Ms === null ? 'N/A' : l.p95Ms <= LAB_BUDGET_MS ? 'holds' : 'FAILS';
    lines.push(
      `  ${r.id.padEnd(22)}${String(r.drawn).padStart(7)}${ms(l.p50Ms).padStart(9)}${ms(l.p95Ms).padStart(9)}` +
        `${ms(l.maxMs).padStart(9)}${String(r.longTasks?.count ?? '–').padStart(12)}  ${ok}`,
      `    ${r.drags} drags; ${r.inputs} slider inputs, ${r.superseded} changed no path, ${r.committedInOwnTask} of ` +
        `${r.drawn} committed in their own task; plot ${Math.round(100 * r.plotInView)} % on screen; ` +
        `shortest path ${r.minPoints} points`,
      `    median input: ${parts(r.medianParts)}`,
      r.overBudgetParts
        ? `    ${r.overBudget} over ${LAB_BUDGET_MS} ms, their medians: ${parts(r.overBudgetParts)}`
        : `    none over ${LAB_BUDGET_MS} ms`,
      r.worst
        ? `    slowest (${r.worst.origin}) ${ms(r.worst.totalMs)} = ${parts(r.worst)}`
        : '    none drawn',
      `    Event Timing: drag interactions p98 ${ms(r.pointer.p98Ms)}, max ${ms(r.pointer.maxMs)}; a drag's ` +
        `own events over 16 ms: ${r.dragEvents?.over16 ?? '–'}, p95 ${ms(r.dragEvents?.p95Ms)}, max ${ms(r.dragEvents?.maxMs)}`,
      `    long tasks ${tasks(r.longTasks)}; ${frames(r.longFrames)}`,
      r.nodeMs
        ? `    in Node: 4 paths ${ms(r.nodeMs.computeMs)}, their SVG strings ${ms(r.nodeMs.stringsMs)}` +
            (r.nodeMs.bandsMs === null ? '' : `, contour bands ${ms(r.nodeMs.bandsMs)}`)
        : '    in Node: not timed',
    );
  }
  return lines;
}

/** `npm run bench -- --lab`: the lab alone, with its targets as report.mjs writes them. */
export function labOnlySummary(lab, failures) {
  const targets = [];
  labTargets(lab, (name, value, ok, want) =>
    targets.push({ name, value, want, pass: value === null || value === undefined ? null : ok }),
  );
  return { lab, targets, failures };
}

export function printLabOnly(s) {
  const lines = ['', ...labLines(s.lab), 'targets:'];
  for (const t of s.targets)
    lines.push(
      `  ${t.pass === null ? 'N/A ' : t.pass ? 'PASS' : 'FAIL'}  ${t.name}: ${t.value ?? '–'} (want ${t.want})`,
    );
  if (s.failures.length) lines.push(`failed: ${s.failures.length}`, ...s.failures.map((f) => `  ${f}`));
  console.log(lines.join('\n'));
}
