// The lessons as data: stable ids, every language filled, and links that open exactly as written
// (no notices, and the page would write the same link back).
import { describe, expect, it } from 'vitest';
import { experimentToHash, parseExperimentHash } from '../../src/experiment/link';
import { splitLabKeys, withLabKeys } from '../../src/lab/link';
import { isRunName } from '../../src/experiment/runs';
import { inEnglish } from '../../src/i18n/text';
import { LANGS } from '../../src/i18n/lang';
import { LESSONS, lessonById } from '../../src/lessons/lessons';
import { WHOLE_TRAINING_EVAL_MAX } from '../../src/shared/metrics';
import { TRAIN_COUNT } from '../../src/shared/mnist';
import { foreignWords } from '../i18n/allowed';

/** A part's link as the page reads it: the 2-D lab's keys, then the experiment. */
function parseLink(link: string) {
  const lab = splitLabKeys(`#${link}`);
  const parsed = parseExperimentHash(lab.rest);
  const written = withLabKeys(experimentToHash(parsed.experiment, parsed.webgl), lab.lab);
  return { ...parsed, notices: [...lab.notices, ...parsed.notices], written };
}

/** The lessons the page promises, in the course's order (more may follow, the lab's among them). */
const REQUIRED = [
  'lr-too-large',
  'momentum',
  'nesterov',
  'adagrad-rmsprop',
  'rmsprop-adam',
  'bias-correction',
  'beta2-small',
  'large-epsilon',
  'adamw',
  'warmup',
  'preprocessing',
  'batch-size',
];

const parts = LESSONS.flatMap((lesson) => lesson.parts.map((part, i) => ({ lesson, part, i })));

/** Sentences end in . ! ? (followed by a space or the end) or in 。！？. */
const sentences = (s: string) => (s.match(/[.!?](?=\s|$)|[。！？]/g) ?? []).length;

describe('the lessons', () => {
  it('include the twelve promised ones, with unique URL-safe ids', () => {
    const ids = LESSONS.map((l) => l.id);
    expect(LESSONS.length).toBeGreaterThanOrEqual(REQUIRED.length);
    expect(ids).toEqual(expect.arrayContaining(REQUIRED));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9-]+$/);
  });

  it('are listed in the course’s order: SGD and momentum, AdaGrad → RMSProp → Adam, decay and warmup, the data', () => {
    expect(LESSONS.map((l) => l.id).filter((id) => REQUIRED.includes(id))).toEqual(REQUIRED);
  });

  it('are found by id, and nothing else is', () => {
    for (const lesson of LESSONS) expect(lessonById(lesson.id)).toBe(lesson);
    expect(lessonById('no-such-lesson')).toBeUndefined();
    expect(lessonById('')).toBeUndefined();
  });

  it('have every text in every language: a title, 2–3 sentences, what to watch, one question', () => {
    for (const lesson of LESSONS)
      for (const lang of LANGS) {
        const w = lesson.words[lang];
        for (const text of [w.title, w.explanation, w.watch, w.question])
          expect(text.trim(), `${lesson.id} ${lang}`).not.toBe('');
        expect(sentences(w.explanation), `${lesson.id} ${lang}`).toBeGreaterThanOrEqual(2);
        expect(sentences(w.explanation), `${lesson.id} ${lang}`).toBeLessThanOrEqual(3);
        expect(w.question, `${lesson.id} ${lang}`).toMatch(/[?？]$/);
      }
  });

  it('are written in Chinese in Chinese, keeping only the names and symbols the page keeps', () => {
    for (const lesson of LESSONS) {
      const w = lesson.words.zh;
      const labels = lesson.parts.map((p) => p.label.zh);
      for (const text of [w.title, w.explanation, w.watch, w.question, ...labels]) {
        if (text !== w.title) expect(text, lesson.id).toMatch(/[\u4e00-\u9fff]/);
        expect(foreignWords(text), `${lesson.id}: ${text}`).toEqual([]);
      }
    }
  });

  it('label every part in every language, differently where a lesson has several', () => {
    for (const lesson of LESSONS) {
      expect(lesson.parts.length, lesson.id).toBeGreaterThanOrEqual(1);
      for (const lang of LANGS) {
        const labels = lesson.parts.map((p) => p.label[lang]);
        for (const label of labels) expect(label.trim(), lesson.id).not.toBe('');
        expect(new Set(labels).size, lesson.id).toBe(labels.length);
      }
    }
  });
});

describe('lesson links', () => {
  it.each(parts.map((p) => [`${p.lesson.id} part ${p.i + 1}`, p.part.link] as const))(
    '%s opens without notices and is written back exactly',
    (_, link) => {
      const parsed = parseLink(link);
      expect(parsed.notices.map(inEnglish)).toEqual([]);
      expect(parsed.written).toBe(`#${link}`);
    },
  );

  it('name every run, differently within a part, in names that read in any language', () => {
    for (const { lesson, part } of parts) {
      const names = parseLink(part.link).experiment.runs.map((r) => r.name);
      expect(new Set(names).size, lesson.id).toBe(names.length);
      for (const name of names) {
        expect(isRunName(name), name).toBe(true);
        expect(foreignWords(name), name).toEqual([]);
      }
    }
  });

  it('keep a lesson short enough for a class: 1–3 epochs’ worth of the training split, 2–4 runs side by side or one per part', () => {
    for (const { lesson, part } of parts) {
      const { shared, runs } = parseLink(part.link).experiment;
      expect(shared.epochs, lesson.id).toBeGreaterThanOrEqual(1);
      // A small training set's epochs are short: 20 epochs of 1,000 images see fewer than one of 55,000.
      expect(shared.epochs * shared.trainImages, lesson.id).toBeLessThanOrEqual(3 * TRAIN_COUNT);
      expect(runs.length, lesson.id).toBeLessThanOrEqual(4);
      // One run is a comparison too where the page scores its whole training set beside validation.
      if (lesson.parts.length === 1 && shared.trainImages > WHOLE_TRAINING_EVAL_MAX)
        expect(runs.length, lesson.id).toBeGreaterThanOrEqual(2);
      expect(
        runs.every((r) => !r.hidden && r.timeline.length === 0),
        lesson.id,
      ).toBe(true);
    }
  });

  it('differ between the parts of a lesson only in the shared setting the lesson is about', () => {
    for (const lesson of LESSONS.filter((l) => l.parts.length > 1)) {
      const experiments = lesson.parts.map((p) => parseLink(p.link).experiment);
      const settings = experiments.map((e) => e.runs.map((r) => r.initial));
      for (const s of settings) expect(s, lesson.id).toEqual(settings[0]);
      const changed = (
        ['batchSize', 'epochs', 'preprocessing', 'seed', 'trainImages', 'labelNoise', 'dropout'] as const
      ).filter((k) => new Set(experiments.map((e) => e.shared[k])).size > 1);
      expect(changed, lesson.id).toHaveLength(1);
    }
  });
});
