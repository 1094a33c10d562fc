// What the page section observes inside the app: an init script of PerformanceObservers (long tasks,
// long animation frames, Event Timing, the page's live-change measures) and the readback that turns
// their entries into the figures the report compares with goals.
import { readFileSync } from 'node:fs';
import { median, quantile } from './lib.mjs';

// The page names its measures in src/shared/perfMarks.ts; Node cannot import TypeScript, so read it there.
const PERF_MARKS = readFileSync(new URL('../../src/shared/perfMarks.ts', import.meta.url), 'utf8');
function measureName(constant) {
  const m = new RegExp(`${constant} = '([^']+)'`).exec(PERF_MARKS);
  if (!m) throw new Error(`bench: ${constant} not found in src/shared/perfMarks.ts`);
  return m[1];
}
const LIVE_CHANGE_MEASURE = measureName('LIVE_CHANGE_MEASURE');
const SLIDER_COMMIT_MEASURE = measureName('SLIDER_COMMIT_MEASURE');

/** Event Timing reports only events at least this long (16 ms is the smallest the API allows). */
export const EVENT_THRESHOLD_MS = 16;

// Each observer stays optional (null when the browser lacks the entry type), except the live-change
// one, which the page's own measures always feed. The page clears its measures, hence observers.
export const OBSERVERS = `
  const LIVE_CHANGE_MEASURE = ${JSON.stringify(LIVE_CHANGE_MEASURE)};
  const SLIDER_COMMIT_MEASURE = ${JSON.stringify(SLIDER_COMMIT_MEASURE)};
  const observe = (name, options, pick) => {
    window[name] = [];
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window[name].push(pick(e));
      }).observe(options);
    } catch (e) {
      window[name] = null;
    }
  };
  observe('__benchLongTasks', { type: 'longtask', buffered: true }, (e) => ({
    start: e.startTime,
    duration: e.duration,
  }));
  observe('__benchFrames', { type: 'long-animation-frame', buffered: true }, (e) => ({
    start: e.startTime,
    duration: e.duration,
    blocking: e.blockingDuration,
  }));
  observe('__benchEvents', { type: 'event', durationThreshold: ${EVENT_THRESHOLD_MS}, buffered: true }, (e) => ({
    name: e.name,
    start: e.startTime,
    duration: e.duration,
    interactionId: e.interactionId,
    inputDelay: e.processingStart - e.startTime,
    processing: e.processingEnd - e.processingStart,
  }));
  window.__benchLiveChanges = [];
  window.__benchSliderCommits = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      if (e.name === LIVE_CHANGE_MEASURE) window.__benchLiveChanges.push(e.duration);
      else if (e.name === SLIDER_COMMIT_MEASURE)
        window.__benchSliderCommits.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'measure' });
`;

/** The raw entries from `from` (page clock, ms) on. */
export function readProbes(page, from) {
  return page.evaluate((t) => {
    const since = (xs) => (xs === null ? null : xs.filter((x) => x.start >= t));
    return {
      longTasks: since(window.__benchLongTasks),
      frames: since(window.__benchFrames),
      events: since(window.__benchEvents),
      liveChanges: window.__benchLiveChanges,
      sliderCommits: since(window.__benchSliderCommits),
    };
  }, from);
}

const KIND_BY_PREFIX = [
  ['key', 'keyboard'],
  ['pointer', 'pointer'],
  ['mouse', 'pointer'],
  ['click', 'pointer'],
  ['touch', 'pointer'],
];
const kindOf = (name) => KIND_BY_PREFIX.find(([p]) => name.startsWith(p))?.[1] ?? 'other';
const round1 = (x) => (typeof x === 'number' ? Math.round(x * 10) / 10 : x);

/**
 * Interaction latency as INP counts it: one interaction per interactionId, its longest event. The
 * `performed` interactions that never crossed the threshold count as EVENT_THRESHOLD_MS (an upper
 * bound), so p98 is over everything the bench did, not only over the slow ones.
 */
export function interactionLatency(events, kind, performed) {
  const byId = new Map();
  for (const e of events)
    if (e.interactionId > 0 && kindOf(e.name) === kind) {
      const prev = byId.get(e.interactionId);
      if (!prev || e.duration > prev.duration) byId.set(e.interactionId, e);
    }
  const seen = [...byId.values()];
  const fill = Math.max(0, performed - seen.length);
  const all = [...seen.map((e) => e.duration), ...Array(fill).fill(EVENT_THRESHOLD_MS)];
  const worst = seen.sort((a, b) => b.duration - a.duration)[0];
  return {
    n: all.length,
    over16: seen.length,
    p98Ms: all.length ? quantile(all, 0.98) : null,
    maxMs: all.length ? Math.max(...all) : null,
    // Where the worst one's time went: waiting for the main thread, handlers, or the next frame.
    worst: worst
      ? {
          name: worst.name,
          durationMs: worst.duration,
          inputDelayMs: round1(worst.inputDelay),
          processingMs: round1(worst.processing),
          presentationMs: round1(worst.duration - worst.inputDelay - worst.processing),
        }
      : null,
  };
}

/** Count, p95 and max of durations (null when the browser does not report the entry type). */
export function durations(entries) {
  if (entries === null) return null;
  const d = entries.map((e) => e.duration);
  return {
    count: d.length,
    p95Ms: d.length ? round1(quantile(d, 0.95)) : 0,
    maxMs: d.length ? round1(Math.max(...d)) : 0,
  };
}

/** The figures of one scenario window from its raw entries and what the bench did in it. */
export function summarizeProbes(
  raw,
  { drags, keyPresses, singles = 0, singlesFrom = Infinity, interactFrom },
) {
  const inWindow = raw.events ?? [];
  const during = inWindow.filter((e) => e.start >= interactFrom);
  const bursts = during.filter((e) => e.start < singlesFrom);
  // Events outside any interaction (the `input` events of a drag's moves): their count and worst.
  const loose = during.filter((e) => !(e.interactionId > 0));
  const live = raw.liveChanges;
  return {
    eventTiming: raw.events !== null,
    pointer: interactionLatency(bursts, 'pointer', drags),
    keyboard: interactionLatency(bursts, 'keyboard', keyPresses),
    singleKeys: interactionLatency(
      during.filter((e) => e.start >= singlesFrom),
      'keyboard',
      singles,
    ),
    startClick: interactionLatency(
      inWindow.filter((e) => e.start < interactFrom),
      'pointer',
      1,
    ).maxMs,
    otherEventsOver16: loose.length,
    otherEventMaxMs: loose.length ? Math.max(...loose.map((e) => e.duration)) : null,
    longTasks: durations(raw.longTasks),
    longFrames:
      raw.frames === null ? null : { ...durations(raw.frames), maxBlockingMs: maxOf(raw.frames, 'blocking') },
    // Handler to commit of each slider input (keys and drag steps): what one input costs React.
    sliderCommit: spread(raw.sliderCommits.filter((e) => e.start >= interactFrom).map((e) => e.duration)),
    liveChanges: {
      acked: live.length,
      p50Ms: round1(median(live)),
      p95Ms: round1(quantile(live, 0.95)),
      maxMs: live.length ? round1(Math.max(...live)) : null,
    },
  };
}

const maxOf = (xs, key) => (xs.length ? round1(Math.max(...xs.map((x) => x[key]))) : 0);

/** Count, median, p95 and max of `ms`. */
function spread(ms) {
  return {
    n: ms.length,
    p50Ms: ms.length ? round1(median(ms)) : null,
    p95Ms: ms.length ? round1(quantile(ms, 0.95)) : null,
    maxMs: ms.length ? round1(Math.max(...ms)) : null,
  };
}
