// The run settings in the page's hash, so a link reproduces a run. Parsing never throws: a shared or
// hand-edited link always opens with a complete, valid config plus notices saying what was changed.
import { DEFAULT_CONFIG, FIELD_LIST, type AnyFieldSpec, type FieldKey } from './schema';
import type { RunConfig } from '../shared/settings';
import { parseText } from './validate';
import { decode, encodeValue, linkBody, noticeList, show } from './linkText';
import type { Text } from '../i18n/text';

export interface ParsedHash {
  config: RunConfig;
  /** Short sentences for the page to show, in the order the problems were found. */
  notices: Text[];
}

// A Map, not an object: URL keys such as "__proto__" or "constructor" must not hit Object.prototype.
const BY_URL_KEY = new Map<string, AnyFieldSpec>(FIELD_LIST.map((spec) => [spec.urlKey, spec]));

/** `#opt=adam&lr=0.001&…` in the fixed FIELDS order, so equal configs give equal links. */
export function configToHash(c: RunConfig): string {
  const parts: string[] = [];
  for (const spec of FIELD_LIST) {
    const v = c[spec.key];
    if (spec.omitWhenDefault && v === spec.default) continue;
    parts.push(`${spec.urlKey}=${encodeValue(v)}`);
  }
  return `#${parts.join('&')}`;
}

// Assigning through a generic key keeps the value's type tied to the field it belongs to.
function setFromText<K extends FieldKey>(config: RunConfig, key: K, text: string) {
  const r = parseText(key, text);
  if (r.ok) config[key] = r.value;
  return r;
}

/**
 * Reads a hash (`#a=1&b=2`) or query (`?a=1`) into a complete config. Missing settings keep their
 * default. When a key repeats, the last one wins, as when someone appends `&lr=0.1` to a shared link.
 */
export function parseHash(hash: string): ParsedHash {
  const notices = noticeList();
  // A notice is rendered later, in the page's language. What it quotes is cut by show() now, so it
  // holds a short string rather than the (possibly megabyte) link item.
  const note = notices.add;

  // First pass: find which item sets each field, so problems are only reported for the items used.
  const chosen = new Map<FieldKey, { spec: AnyFieldSpec; raw: string }>();
  for (const item of linkBody(hash).split('&')) {
    if (item === '' || item === '=') continue;
    const eq = item.indexOf('=');
    const rawKey = eq < 0 ? item : item.slice(0, eq);
    const raw = eq < 0 ? '' : item.slice(eq + 1);
    const key = decode(rawKey);
    if (key === null) {
      const shown = show(item);
      note((m) => m.links.badItem(shown));
      continue;
    }
    const spec = BY_URL_KEY.get(key);
    if (spec === undefined) {
      const shown = show(key);
      note((m) => m.links.unknownSetting(shown));
      continue;
    }
    const earlier = chosen.get(spec.key);
    if (earlier !== undefined) {
      const { urlKey } = spec;
      const shown = show(earlier.raw);
      note((m) => m.links.setAgain(urlKey, shown));
    }
    chosen.set(spec.key, { spec, raw });
  }

  const config: RunConfig = { ...DEFAULT_CONFIG };
  for (const { spec, raw } of chosen.values()) {
    const fallback = encodeValue(spec.default);
    const text = decode(raw);
    if (text === null) {
      const item = `${spec.urlKey}=${show(raw)}`;
      note((m) => m.links.refused(item, m.links.notEncoded, fallback));
      continue;
    }
    const item = `${spec.urlKey}=${show(text)}`;
    const r = setFromText(config, spec.key, text);
    if (!r.ok) {
      const { reason } = r;
      note((m) => m.links.refused(item, reason(m), fallback));
    } else if (r.note !== undefined) {
      const { note: clamp } = r;
      note((m) => m.links.clamped(item, clamp(m)));
    }
  }
  return { config, notices: notices.done() };
}
