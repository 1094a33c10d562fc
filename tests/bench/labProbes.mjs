// What the lab section observes inside the app, beside pageProbes.mjs's observers: per `input` event of a
// range slider, when the user's move behind it arrived, when React committed the new path (a
// MutationObserver on the `.lab-line` paths' d), when the next frame began (requestAnimationFrame) and
// when that frame had been painted; plus long animation frames with the split of their time.
import { median, quantile } from './lib.mjs';

// A message posted from a requestAnimationFrame callback runs once that frame's style, layout and paint
// are done, so `painted` is the end of the main thread's part of the frame that shows the new path.
// An input still waiting for its commit when the next one arrives changed no path (React commits a
// discrete event's update before the next task), so it is marked `superseded` and left out.
export const LAB_PROBE = `
  (() => {
    const inputs = (window.__labInputs = []);
    let origin = null;
    for (const type of ['pointerdown', 'pointermove', 'keydown'])
      addEventListener(type, (e) => (origin = { type, at: e.timeStamp }), { capture: true, passive: true });
    let open = [];
    let committed = [];
    let frameAsked = false;
    const afterTask = (fn) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = fn;
      channel.port2.postMessage(0);
    };
    addEventListener('input', (e) => {
      const el = e.target;
      if (!(el instanceof HTMLInputElement) || el.type !== 'range') return;
      for (const r of open) r.superseded = true;
      const handled = performance.now();
      const fresh = origin !== null && handled - origin.at < 1000;
      const r = {
        label: el.labels?.[0]?.textContent ?? '',
        origin: fresh ? origin.type : 'input',
        at: fresh ? origin.at : e.timeStamp,
        handled,
        committed: null,
        frame: null,
        painted: null,
        superseded: false,
        ownTask: null,
      };
      open = [r];
      inputs.push(r);
      afterTask(() => (r.ownTask = r.committed !== null));
    }, true);
    new MutationObserver((records) => {
      if (!records.some((m) => m.target.classList?.contains('lab-line'))) return;
      const now = performance.now();
      for (const r of open) r.committed = now;
      committed.push(...open);
      open = [];
      if (frameAsked) return;
      frameAsked = true;
      requestAnimationFrame(() => {
        const frame = performance.now();
        afterTask(() => {
          const painted = performance.now();
          for (const r of committed) Object.assign(r, { frame, painted });
          committed = [];
          frameAsked = false;
        });
      });
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['d'] });
    window.__labFrames = [];
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries())
          window.__labFrames.push({
            start: e.startTime,
            end: e.startTime + e.duration,
            renderStart: e.renderStart,
            styleStart: e.styleAndLayoutStart,
            scripts: e.scripts.map((s) => ({ invoker: s.invoker, duration: s.duration })),
          });
      }).observe({ type: 'long-animation-frame', buffered: true });
    } catch (e) {
      window.__labFrames = null;
    }
  })();
`;

/** The probe's inputs and long frames from `from` (page clock, ms) on. */
export function readLabProbes(page, from) {
  return page.evaluate((t) => {
    const frames = window.__labFrames;
    return {
      inputs: window.__labInputs.filter((r) => r.handled >= t),
      frames: frames === null ? null : frames.filter((f) => f.start >= t),
    };
  }, from);
}

const round1 = (x) => (typeof x === 'number' && Number.isFinite(x) ? Math.round(x * 10) / 10 : null);
const stats = (xs) => ({
  p50Ms: round1(median(xs)),
  p95Ms: round1(quantile(xs, 0.95)),
  maxMs: xs.length ? round1(Math.max(...xs)) : null,
});

/** Where one input's time went: waiting for the main thread, React's render and commit, the frame. */
const partsOf = (r) => ({
  waitMs: r.handled - r.at,
  renderMs: r.committed - r.handled,
  toFrameMs: r.frame - r.committed,
  paintMs: r.painted - r.frame,
});

/** The median of each part over `inputs`. */
function medianParts(inputs) {
  const parts = inputs.map(partsOf);
  const out = {};
  for (const k of ['waitMs', 'renderMs', 'toFrameMs', 'paintMs'])
    out[k] = round1(median(parts.map((p) => p[k])));
  return out;
}

/**
 * Input→paint per drawn input; the median of each part over all of them and over those past
 * `budgetMs`, where the budget is lost; and the parts of the slowest input.
 */
export function summarizeInputs(inputs, budgetMs) {
  const drawn = inputs.filter((r) => !r.superseded && r.painted !== null);
  const over = drawn.filter((r) => r.painted - r.at > budgetMs);
  const worst = drawn.reduce((a, r) => (a && a.painted - a.at >= r.painted - r.at ? a : r), null);
  return {
    inputs: inputs.length,
    drawn: drawn.length,
    superseded: inputs.filter((r) => r.superseded).length,
    committedInOwnTask: drawn.filter((r) => r.ownTask).length,
    inputToPaint: stats(drawn.map((r) => r.painted - r.at)),
    medianParts: medianParts(drawn),
    overBudget: over.length,
    overBudgetParts: over.length ? medianParts(over) : null,
    worst: worst && {
      totalMs: round1(worst.painted - worst.at),
      origin: worst.origin,
      ...Object.fromEntries(Object.entries(partsOf(worst)).map(([k, v]) => [k, round1(v)])),
    },
  };
}

/**
 * Long animation frames split as the API does: scripts before rendering, then rendering callbacks
 * (requestAnimationFrame, observers), then style, layout and paint; and the script invokers that
 * took longest in all.
 */
export function summarizeFrames(frames) {
  if (frames === null) return null;
  let scriptMs = 0;
  let callbacksMs = 0;
  let stylePaintMs = 0;
  const byInvoker = new Map();
  for (const f of frames) {
    const render = f.renderStart > 0 ? f.renderStart : f.end;
    const style = f.styleStart > 0 ? f.styleStart : f.end;
    scriptMs += render - f.start;
    callbacksMs += style - render;
    stylePaintMs += f.end - style;
    for (const s of f.scripts) byInvoker.set(s.invoker, (byInvoker.get(s.invoker) ?? 0) + s.duration);
  }
  const top = [...byInvoker].sort((a, b) => b[1] - a[1]).slice(0, 3);
  return {
    count: frames.length,
    scriptMs: round1(scriptMs),
    callbacksMs: round1(callbacksMs),
    stylePaintMs: round1(stylePaintMs),
    topScripts: top.map(([invoker, ms]) => ({ invoker, ms: round1(ms) })),
  };
}

/** Event Timing entries of a drag's own events (pointermove, input, …) at or over the threshold. */
export function dragEvents(events) {
  if (events === null) return null;
  const loose = events.filter((e) => !(e.interactionId > 0));
  return { over16: loose.length, ...stats(loose.map((e) => e.duration)) };
}
