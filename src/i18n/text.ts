// A message that is not yet in a language: pure modules (link parsing, import checks, storage) return
// these, and the page renders them with the catalogue of the moment, so switching language re-renders
// a notice that was raised before the switch.
import { EN, type Messages } from './messages';

export type Text = (m: Messages) => string;

/** A text that is the same in every language (a file name, a value the user typed). */
export const verbatim =
  (s: string): Text =>
  () =>
    s;

/** English rendering, for logs and tests. */
export const inEnglish = (t: Text): string => t(EN);
