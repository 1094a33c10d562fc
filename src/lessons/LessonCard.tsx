// The open lesson beside its experiment: what it shows, what to watch, the question for the class, and
// (for a lesson about a shared setting) a button per experiment, the one on screen marked as current.
import type { View } from '../config/pageKeys';
import { experimentToHash } from '../experiment/link';
import type { Experiment } from '../experiment/types';
import { useI18n } from '../i18n/I18n';
import { lessonById } from './lessons';
import { openPart } from './navigate';

interface Props {
  id: string;
  experiment: Experiment;
  view: View;
  onClose(): void;
}

export function LessonCard({ id, experiment, view, onClose }: Props) {
  const { m, lang } = useI18n();
  const lesson = lessonById(id);
  if (!lesson) return null;
  const words = lesson.words[lang];
  const current = experimentToHash(experiment);
  return (
    <section className="lesson-card" aria-label={m.lessons.card} data-lesson={lesson.id}>
      <div className="lesson-card-head">
        <h2>{words.title}</h2>
        <button type="button" onClick={onClose}>
          {m.lessons.close}
        </button>
      </div>
      <p>{words.explanation}</p>
      <p>
        <strong>{m.lessons.watch}</strong> {words.watch}
      </p>
      <p>
        <strong>{m.lessons.question}</strong> {words.question}
      </p>
      {lesson.parts.length > 1 && (
        <div className="lesson-parts" role="group" aria-label={m.lessons.parts}>
          {lesson.parts.map((part) => (
            <button
              type="button"
              key={part.link}
              aria-pressed={current === `#${part.link}`}
              onClick={() => openPart(lesson, part, view)}
            >
              {part.label[lang]}
            </button>
          ))}
        </div>
      )}
    </section>
  );
}
