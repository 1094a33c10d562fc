// The whole experiment in the page's hash, so one link reproduces every run and its live changes.
// Parsing never throws: any link opens as a valid experiment plus notices saying what was changed.
//
// Format. A single visible run with no changes, its default name and the first palette colour is
// written exactly as configToHash writes it, so old links and new one-run links are the same:
//   #opt=adam&lr=0.001&b1=0.9&b2=0.999&eps=1e-7&mom=0.9&nesterov=0&bs=32&epochs=10&prep=scale&seed=1
// Anything else is the shared keys (bs, epochs, prep, seed; webgl only when software) followed by
// one `run=` item per run, in order:
//   run=<name>~<colour>~<opt>~<lr>~<b1>~<b2>~<eps>~<mom>~<nesterov>~<timeline>[~<flags>[~<items>]]
//   name      percent-encoded UTF-8 (`~` too); empty means the default name ("Adam")
//   colour    6 hex digits without '#'; empty means the palette colour for the run's position
//   settings  as in single-run links: shortest round-tripping decimal, nesterov 0/1, optimizer name
//   timeline  changes `<step>.<urlKey>.<value>` joined by `_`, e.g. `120.b2.0.9_300.opt.sgd`;
//             step and key contain no dot, so the value is everything after the second one
//   flags     letters: h when the run is hidden, u when Adam's bias correction is off (settings added
//             after the positional order was frozen get a letter, so old links read as before)
//   items     settings added later still, only where not default: `<urlKey>.<value>` joined by `_`,
//             e.g. `wd.0.01_sched.cosine_warmup.500` (weight decay, schedule, warmup, γ)
// Values in the schema ranges are written with [0-9.e-] only, so `~`, `_`, `&` never occur inside.
import { configToHash, parseHash } from '../config/url';
import { DEFAULT_CONFIG, FIELDS } from '../config/schema';
import { decode, encodeValue, linkBody, noticeList, show } from '../config/linkText';
import { LIVE_KEYS, SHARED_KEYS, type RunConfig, type WebglMode } from '../shared/settings';
import { encodeRun, parseRun } from './linkRun';
import {
  defaultRunColor,
  defaultRunName,
  defaultSettings,
  runFromSettings,
  settingsOf,
  sharedOf,
} from './runs';
import { MAX_RUNS, type Experiment, type RunSpec } from './types';
import type { Text } from '../i18n/text';

export interface ParsedExperiment {
  experiment: Experiment;
  webgl: WebglMode;
  /** Short sentences for the page to show, in the order the problems were found. */
  notices: Text[];
}

const RUN_KEY = 'run';
const LIVE_URL_KEYS = new Set(LIVE_KEYS.map((k) => FIELDS[k].urlKey));

/** Whether the experiment can use the old single-run form without losing anything. */
function isPlainSingleRun(e: Experiment): boolean {
  const run = e.runs[0];
  return (
    e.runs.length === 1 &&
    run !== undefined &&
    !run.hidden &&
    run.timeline.length === 0 &&
    run.name === defaultRunName(run.initial.optimizer) &&
    run.color === defaultRunColor(0)
  );
}

export function experimentToHash(e: Experiment, webgl: WebglMode = 'default'): string {
  const first = e.runs[0];
  if (first !== undefined && isPlainSingleRun(e)) {
    return configToHash({ ...e.shared, ...first.initial, webgl });
  }
  const parts: string[] = [];
  for (const key of SHARED_KEYS) {
    const spec = FIELDS[key];
    if (spec.omitWhenDefault && e.shared[key] === spec.default) continue;
    parts.push(`${spec.urlKey}=${encodeValue(e.shared[key])}`);
  }
  if (webgl !== FIELDS.webgl.default) parts.push(`${FIELDS.webgl.urlKey}=${webgl}`);
  for (const run of e.runs) parts.push(`${RUN_KEY}=${encodeRun(run)}`);
  return `#${parts.join('&')}`;
}

function decodeKey(item: string): string | null {
  const eq = item.indexOf('=');
  return decode(eq < 0 ? item : item.slice(0, eq));
}

function fromConfig(config: RunConfig, runs: RunSpec[]): Experiment {
  return { shared: sharedOf(config), runs };
}

function parseInner(hash: string): ParsedExperiment {
  const runValues: string[] = [];
  const others: string[] = [];
  for (const item of linkBody(hash).split('&')) {
    const eq = item.indexOf('=');
    if (decodeKey(item) === RUN_KEY) runValues.push(eq < 0 ? '' : item.slice(eq + 1));
    else others.push(item);
  }

  if (runValues.length === 0) {
    // An old single-run link: the existing parser already validates and reports everything.
    const { config, notices: old } = parseHash(hash);
    return {
      experiment: fromConfig(config, [runFromSettings(settingsOf(config), 0, 'r1')]),
      webgl: config.webgl,
      notices: old,
    };
  }

  // With runs, the optimizer settings belong to each run; top-level ones are left over from edits.
  const notices = noticeList();
  const shared = others.filter((item) => {
    const key = decodeKey(item);
    if (key === null || !LIVE_URL_KEYS.has(key)) return true;
    const shown = show(key);
    notices.add((m) => m.links.liveOutside(shown));
    return false;
  });
  const { config, notices: sharedNotices } = parseHash(`#${shared.join('&')}`);
  sharedNotices.forEach(notices.add);

  const runs = runValues.slice(0, MAX_RUNS).map((value, i) => parseRun(value, i, notices.add));
  if (runValues.length > MAX_RUNS) {
    const extra = runValues.length - MAX_RUNS;
    notices.add((m) => m.links.extraRuns(extra, MAX_RUNS));
  }
  return { experiment: fromConfig(config, runs), webgl: config.webgl, notices: notices.done() };
}

/** Reads a hash (`#…`) or query (`?…`), old single-run or experiment form, into an experiment. */
export function parseExperimentHash(hash: string): ParsedExperiment {
  try {
    return parseInner(typeof hash === 'string' ? hash : '');
  } catch {
    // Nothing above is expected to throw; this only keeps the promise that opening a link works.
    const run = runFromSettings(defaultSettings(), 0, 'r1');
    return {
      experiment: { shared: sharedOf(DEFAULT_CONFIG), runs: [run] },
      webgl: DEFAULT_CONFIG.webgl,
      notices: [(m) => m.links.unreadable],
    };
  }
}
