// Text helpers shared by the single-run URL codec (url.ts) and the experiment link (experiment/):
// quoting untrusted text in a notice, value encoding, safe percent-decoding and the notice cap.
import type { RunConfig } from '../shared/settings';
import type { Text } from '../i18n/text';

/** Long enough to recognise a value, short enough for a one-line notice. */
export const MAX_SHOWN = 40;
/** A link with thousands of bad items should not produce thousands of lines. */
export const MAX_NOTICES = 20;

// With the `u` flag a surrogate range only matches lone surrogates; a valid pair is one code point.
const UNPRINTABLE = /[\p{Cc}\uD800-\uDFFF]/gu;
const HIGH_SURROGATE = /[\uD800-\uDBFF]/;

/** The first `max` UTF-16 code units of `s`, one fewer where the cut would split a surrogate pair. */
export function cutAt(s: string, max: number): string {
  if (s.length <= max) return s;
  return s.slice(0, HIGH_SURROGATE.test(s.charAt(max - 1)) ? max - 1 : max);
}

/**
 * Control characters and lone surrogates as U+FFFD: they would break the notice's line or render as
 * garbage, and a lone surrogate cannot be percent-encoded (encodeURIComponent throws).
 */
export function visibleText(s: string): string {
  return s.replace(UNPRINTABLE, '\uFFFD');
}

/** Untrusted text, cut to MAX_SHOWN (marked with "…") and made visible, for quoting in a notice. */
export function show(s: string): string {
  const cut = cutAt(s, MAX_SHOWN);
  return visibleText(cut.length < s.length ? `${cut}…` : cut);
}

/** One setting's value as link text: booleans as 1/0, numbers and names percent-encoded. */
export function encodeValue(v: RunConfig[keyof RunConfig]): string {
  if (typeof v === 'boolean') return v ? '1' : '0';
  // String(n) is the shortest text that parses back to exactly the same double; in the schema
  // ranges it only uses [0-9.e-], so it never contains a separator.
  return encodeURIComponent(String(v));
}

/** decodeURIComponent, or null where `s` is not valid percent-encoding (it would throw). */
export function decode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

/** The items of a hash (`#a=1&b=2`) or query (`?a=1`): the text after the leading `#` and `?`. */
export function linkBody(hash: string): string {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  return body.startsWith('?') ? body.slice(1) : body;
}

export interface NoticeList {
  /** A property, not a method, so it can be passed around unbound (`forEach(list.add)`). */
  add: (sentence: Text) => void;
  /** The notices in the order added; past MAX_NOTICES, the last line counts the ones left out. */
  done(): Text[];
}

/** Collects notices up to MAX_NOTICES and counts the rest. */
export function noticeList(): NoticeList {
  const shown: Text[] = [];
  let total = 0;
  return {
    add: (sentence) => {
      if (total++ < MAX_NOTICES) shown.push(sentence);
    },
    done() {
      if (total <= MAX_NOTICES) return [...shown];
      const kept = shown.slice(0, MAX_NOTICES - 1);
      const more = total - kept.length;
      kept.push((m) => m.links.more(more));
      return kept;
    },
  };
}

/**
 * The items of `hash` whose key `isKey` claims, decoded, and the hash without them (its other items in
 * order). The last of repeated keys wins, as for experiment keys; every key it overrides, and every
 * value that is not valid percent-encoding, gets a notice on `notices`.
 */
export function claimKeys<K extends string>(
  hash: string,
  isKey: (key: string) => key is K,
  notices: NoticeList,
): { rest: string; found: Map<K, string> } {
  const lead = hash.startsWith('#') || hash.startsWith('?') ? hash[0]! : '';
  const body = hash.slice(lead.length);
  const kept: string[] = [];
  const found = new Map<K, string>();
  for (const item of body === '' ? [] : body.split('&')) {
    const eq = item.indexOf('=');
    const key = eq < 0 ? item : item.slice(0, eq);
    if (!isKey(key)) {
      kept.push(item);
      continue;
    }
    const earlier = found.get(key);
    if (earlier !== undefined) notices.add((m) => m.links.setAgain(key, show(earlier)));
    const text = decode(eq < 0 ? '' : item.slice(eq + 1));
    if (text === null) {
      notices.add((m) => m.links.badItem(show(item)));
      found.delete(key);
    } else found.set(key, text);
  }
  return { rest: lead + kept.join('&'), found };
}
