// Reading experiment links: old single-run links, defaults for missing parts, and the notices a
// damaged or hand-edited link produces.
import { describe, it, expect } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/schema';
import { experimentToHash, parseExperimentHash as parseWithTexts } from '../../src/experiment/link';
import { inEnglish } from '../../src/i18n/text';
import { defaultSettings, sharedOf } from '../../src/experiment/runs';
import { expectValidExperiment, withoutIds } from './arbitraries';
import { demoExperiment } from './demo';

/** parseExperimentHash with its notices rendered in English. */
function parseExperimentHash(hash: string) {
  const r = parseWithTexts(hash);
  return { ...r, notices: r.notices.map(inEnglish) };
}

describe('parseExperimentHash', () => {
  it('wraps an old single-run link into one run', () => {
    const { experiment, webgl, notices } = parseExperimentHash('#opt=sgd&lr=0.1&bs=64&webgl=software');
    expect(notices).toEqual([]);
    expect(webgl).toBe('software');
    expect(experiment.shared).toEqual({ ...sharedOf(DEFAULT_CONFIG), batchSize: 64 });
    expect(experiment.runs).toEqual([
      {
        id: 'r1',
        name: 'SGD',
        color: '#0072B2',
        hidden: false,
        initial: { ...defaultSettings(), optimizer: 'sgd', learningRate: 0.1 },
        timeline: [],
      },
    ]);
  });

  it('keeps the old parser notices for old links', () => {
    expect(parseExperimentHash('#lr=99').notices).toEqual(['"lr=99" is above the maximum 10; using 10.']);
    expect(parseExperimentHash('').experiment.runs).toHaveLength(1);
  });

  it('gives fresh ids r1, r2, …', () => {
    const hash = experimentToHash(demoExperiment());
    expect(parseExperimentHash(hash).experiment.runs.map((r) => r.id)).toEqual(['r1', 'r2', 'r3', 'r4']);
  });

  it('drops runs beyond four with a notice', () => {
    const { experiment, notices } = parseExperimentHash(`#${Array(6).fill('run=').join('&')}`);
    expect(experiment.runs).toHaveLength(4);
    expect(notices).toContain('Ignored 2 runs beyond the first 4.');
  });

  it('fills missing run fields with defaults and colours by position', () => {
    const { experiment, notices } = parseExperimentHash('#run=~~sgd&run=Two');
    expect(experiment.runs.map((r) => [r.name, r.color, r.initial.optimizer])).toEqual([
      ['SGD', '#0072B2', 'sgd'],
      ['Two', '#D55E00', 'adam'],
    ]);
    expect(notices[0]).toBe('Run 1 does not give lr, b1, b2, eps, mom, nesterov; using the defaults.');
  });

  it('clamps or defaults bad run values with notices', () => {
    const { experiment, notices } = parseExperimentHash('#run=A~zz~adam~99~abc~0.999~1e-7~0.9~2~');
    const r = experiment.runs[0]!;
    expect(r.initial.learningRate).toBe(10);
    expect(r.initial.beta1).toBe(0.9);
    expect(r.initial.nesterov).toBe(false);
    expect(r.color).toBe('#0072B2');
    expect(notices).toEqual([
      'Run 1: "lr=99" is above the maximum 10; using 10.',
      'Run 1: "b1=abc" is not a number; using the default 0.9.',
      'Run 1: "nesterov=2" is not 0 or 1; using the default 0.',
      'Run 1: the colour "zz" is not 6 hex digits; using #0072B2.',
    ]);
  });

  it('drops bad timeline entries with notices and sorts the rest by step', () => {
    const tl = ['300.lr.0.1', '0.lr.0.1', '5.bs.64', '7.b2.x', 'junk', '120.b2.0.9', '200.mom.5'].join('_');
    const { experiment, notices } = parseExperimentHash(`#run=A~~adam~0.001~0.9~0.999~1e-7~0.9~0~${tl}`);
    expect(experiment.runs[0]!.timeline).toEqual([
      { step: 120, key: 'beta2', value: 0.9 },
      { step: 200, key: 'momentum', value: 0.999 },
      { step: 300, key: 'learningRate', value: 0.1 },
    ]);
    expect(notices).toEqual([
      'Run 1: ignored the change "0.lr.0.1": the step is out of range.',
      'Run 1: ignored the change "5.bs.64": "bs" is not a live setting.',
      'Run 1: ignored the change "7.b2.x": the value is not a number.',
      'Run 1: ignored the change "junk": it is not step.setting.value.',
      'Run 1: the change "200.mom.5" is above the maximum 0.999; using 0.999.',
      'Run 1: the changes were not in step order; sorted them.',
    ]);
  });

  it('ignores top-level optimizer settings next to runs, and unknown flags and fields', () => {
    const { experiment, notices } = parseExperimentHash(
      '#lr=0.5&seed=7&run=A~~sgd~0.1~0.9~0.999~1e-7~0.9~0~~q~extra',
    );
    expect(experiment.shared.seed).toBe(7);
    expect(experiment.runs[0]!.initial.learningRate).toBe(0.1);
    expect(notices).toEqual([
      'Ignored "lr" outside the runs: each run sets its own optimizer settings.',
      'Run 1: ignored the unknown flag "q".',
      'Run 1: Ignored unknown setting "extra".',
    ]);
  });

  it('reads a run whose separators were percent-encoded by another tool', () => {
    const hash = experimentToHash(demoExperiment()).replace(/~/g, '%7E');
    const { experiment, notices } = parseExperimentHash(hash);
    expect(notices).toEqual([]);
    expect(withoutIds(experiment)).toEqual(withoutIds(demoExperiment()));
  });

  it('cleans names with control characters or bad percent-encoding', () => {
    const a = parseExperimentHash('#run=a%00b~~sgd');
    expect(a.experiment.runs[0]!.name).toBe('a\uFFFDb');
    const b = parseExperimentHash('#run=%E0%A4~~sgd');
    expect(b.experiment.runs[0]!.name).toBe('SGD');
    expect(b.notices).toContain('Run 1: the name is not valid percent-encoding; using "SGD".');
    expectValidExperiment(a.experiment);
  });

  it('caps the notices of a very damaged link', () => {
    const { notices } = parseExperimentHash(`#run=A~~adam~1~1~1~1~1~0~${Array(100).fill('x').join('_')}`);
    expect(notices).toHaveLength(20);
    expect(notices[19]).toMatch(/^…and \d+ more problems with the link\.$/);
  });
});
