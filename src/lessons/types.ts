// What a lesson is: a ready-made experiment (one link, as a shared link would carry it) with the words a
// teacher needs around it, in every language the page speaks. The lessons themselves are data
// (lessons.ts); the page renders them and `#lesson=<id>` opens one.
import type { Lang } from '../i18n/lang';

/** The words of one lesson in one language. */
export interface LessonWords {
  title: string;
  /** Two or three sentences: what the experiment shows and why. */
  explanation: string;
  /** What to look at while it trains (which chart, which quantity, which step range). */
  watch: string;
  /** One question to ask the class. */
  question: string;
}

/** One experiment of a lesson: a link body (`opt=…&…` or `bs=…&run=…`) and its label. */
export interface LessonPart {
  /** Experiment link without `#`, exactly as the page writes it (parsed by parseExperimentHash). */
  link: string;
  /** Button label when a lesson has several parts (a shared setting such as the batch size differs). */
  label: Record<Lang, string>;
  /** `lab`: the part walks the 2-D lab's surface (the link then carries the lab keys) instead of MNIST. */
  view?: 'lab';
}

export interface Lesson {
  /** Stable, URL-safe: [a-z0-9-]+. */
  id: string;
  /**
   * The experiment(s). Most lessons have one part whose runs race side by side; a lesson about a
   * setting every run shares (preprocessing, batch size) has one part per value, opened one after another.
   */
  parts: readonly LessonPart[];
  words: Record<Lang, LessonWords>;
}
