// The "Lessons" button and the list it opens: one entry per lesson, in the page's language.
import { useId, useState } from 'react';
import type { View } from '../config/pageKeys';
import { useI18n } from '../i18n/I18n';
import { LESSONS } from './lessons';
import { openPart } from './navigate';

export function LessonList({ view }: { view: View }) {
  const { m, lang } = useI18n();
  const [open, setOpen] = useState(false);
  const listId = useId();
  return (
    <div className="lesson-list">
      <button type="button" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
        {m.lessons.button}
      </button>
      {open && (
        <nav id={listId} aria-label={m.lessons.list} className="lesson-list-panel">
          <ol>
            {LESSONS.map((lesson) => (
              <li key={lesson.id}>
                <button
                  type="button"
                  className="lesson-link"
                  data-lesson={lesson.id}
                  aria-label={m.lessons.open(lesson.words[lang].title)}
                  onClick={() => {
                    setOpen(false);
                    openPart(lesson, lesson.parts[0]!, view);
                  }}
                >
                  {lesson.words[lang].title}
                </button>
              </li>
            ))}
          </ol>
        </nav>
      )}
    </div>
  );
}
