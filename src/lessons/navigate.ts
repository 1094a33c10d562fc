// Opening a lesson (or one of its parts) is navigating to its link, so it loads exactly as a shared link
// would: the page's hashchange handling parses it, replaces the experiment and starts over.
import { withPageKeys, type View } from '../config/pageKeys';
import type { Lesson, LessonPart } from './types';

/** The hash of a lesson's part, keeping the page's view (projector stays projector) unless the part is the lab's. */
export function partHash(lesson: Lesson, part: LessonPart, view: View): string {
  const partView = part.view ?? (view === 'lab' ? 'default' : view);
  return withPageKeys(`#${part.link}`, { lang: null, view: partView, lesson: lesson.id });
}

export function openPart(lesson: Lesson, part: LessonPart, view: View): void {
  window.location.hash = partHash(lesson, part, view);
}
