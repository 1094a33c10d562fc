// What the Tune panel writes about its numbers and jobs, as pure functions of the catalogue: η as the
// settings write it, a suggested η as a run's setting, and each job's progress or outcome line.
import { FIELDS } from '../config/schema';
import { formatValue } from '../config/sliders';
import type { Messages } from '../i18n/messages';
import type { JobRecord, RangeRecord, SearchRecord } from './store';

/** η to two significant digits, written as the settings panel writes it (0.0032, 3.2e-7). */
export function rateText(lr: number): string {
  return formatValue('learningRate', Number(lr.toPrecision(2)));
}

/** A suggested η as a run's setting: two significant digits, within the setting's own range. */
export function settingRate(lr: number): number {
  const { min, max } = FIELDS.learningRate;
  return Math.min(max, Math.max(min, Number(lr.toPrecision(2))));
}

/** The range test's line: its progress, or how it ended. */
export function rangeLine(r: RangeRecord, m: Messages): string {
  const f = m.format;
  const last = r.points.at(-1);
  switch (r.status) {
    case 'running':
      return last
        ? m.tune.rangeProgress(f.int(last.step), f.int(r.steps), rateText(last.learningRate))
        : m.tune.rangeStarting;
    case 'cancelled':
      return m.tune.cancelled;
    case 'error':
      return m.tune.failed(r.message?.(m) ?? '');
    case 'done':
      return last && last.step < r.steps
        ? m.tune.rangeStopped(f.int(last.step), rateText(last.learningRate))
        : m.tune.rangeFinished(f.int(r.steps));
  }
}

/** The search's line: the trials training and their step, or how it ended. */
export function searchLine(s: SearchRecord, m: Messages): string {
  const f = m.format;
  const count = s.trials.length;
  switch (s.status) {
    case 'running': {
      const p = s.progress;
      if (!p) return m.tune.searchDone(f.int(s.results.length), f.int(count));
      const last = p.firstTrial + p.trialCount;
      return m.tune.searchProgress(
        f.int(p.firstTrial + 1),
        f.int(last),
        f.int(count),
        f.int(p.step),
        f.int(s.steps),
      );
    }
    case 'cancelled':
      return `${m.tune.cancelled} ${m.tune.searchDone(f.int(s.results.length), f.int(count))}`;
    case 'error':
      return m.tune.failed(s.message?.(m) ?? '');
    case 'done':
      return m.tune.searchDone(f.int(s.results.length), f.int(count));
  }
}

/** The worker's tensor counts around a job, as data attributes for leak checks (shown nowhere). */
export function tensorData(r: JobRecord | null): Record<string, number> {
  if (!r?.tensors) return {};
  return { 'data-tensors-before': r.tensors.before, 'data-tensors-after': r.tensors.after };
}
