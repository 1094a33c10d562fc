// `#lesson=<id>`: alone it opens the lesson's first experiment exactly as that experiment's link would;
// beside an experiment it only shows the lesson; an unknown or malformed id is reported, never thrown.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseLocation } from '../../src/client/urlState';
import { experimentToHash } from '../../src/experiment/link';
import { inEnglish } from '../../src/i18n/text';
import { LESSONS } from '../../src/lessons/lessons';
import { partHash } from '../../src/lessons/navigate';
import { withLabKeys } from '../../src/lab/link';

const hashOf = (hash: string) => experimentToHash(parseLocation(hash).experiment);

describe('a lesson link', () => {
  it.each(LESSONS.map((l) => [l.id, l] as const))('#lesson=%s opens its first part', (id, lesson) => {
    const first = lesson.parts[0]!;
    const parsed = parseLocation(`#lesson=${id}`);
    expect(parsed.notices).toEqual([]);
    expect(parsed.page.lesson).toBe(id);
    expect(parsed.page.view).toBe(first.view ?? 'default');
    expect(withLabKeys(experimentToHash(parsed.experiment), parsed.lab)).toBe(`#${first.link}`);
  });

  it('keeps the startup `webgl` key and the experiment of a link that has one', () => {
    const id = LESSONS[0]!.id;
    const withGl = parseLocation(`#lesson=${id}&webgl=software`);
    expect(withGl.webgl).toBe('software');
    expect(hashOf(`#lesson=${id}&webgl=software`)).toBe(hashOf(`#lesson=${id}`));
    const beside = parseLocation(`#opt=sgd&lr=0.5&lesson=${id}`);
    expect(beside.page.lesson).toBe(id);
    expect(beside.experiment.runs[0]!.initial.optimizer).toBe('sgd');
    expect(beside.experiment.runs[0]!.initial.learningRate).toBe(0.5);
  });

  it('reports an unknown or malformed lesson and opens the default experiment', () => {
    for (const bad of ['no-such-lesson', '%3Cscript%3E', '']) {
      const parsed = parseLocation(`#lesson=${bad}`);
      expect(parsed.page.lesson).toBeNull();
      expect(parsed.notices.map(inEnglish).join(' ')).toMatch(/Ignored "lesson=/);
      expect(hashOf(`#lesson=${bad}`)).toBe(hashOf(''));
    }
  });

  it('every part opens through its button link, in the view the page is in (the lab’s in the lab)', () => {
    for (const lesson of LESSONS)
      for (const part of lesson.parts)
        for (const view of ['default', 'projector'] as const) {
          const parsed = parseLocation(partHash(lesson, part, view));
          expect(parsed.notices).toEqual([]);
          expect(parsed.page).toMatchObject({ lesson: lesson.id, view: part.view ?? view });
          expect(withLabKeys(experimentToHash(parsed.experiment), parsed.lab)).toBe(`#${part.link}`);
        }
  });

  it('never throws on anything after lesson=', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (id, rest) => {
        const parsed = parseLocation(`#lesson=${encodeURIComponent(id)}&${rest}`);
        expect(parsed.experiment.runs.length).toBeGreaterThan(0);
      }),
    );
  });
});
