// Numbers in the reader's locale through Intl (digit grouping, percent sign placement), one cached
// formatter per shape. The catalogues take already formatted numbers, so no message formats its own.
import { LANG_TAGS, type Lang } from './lang';

export interface Formatters {
  /** 1,234 (grouped integer). */
  int(n: number): string;
  /** A fixed number of decimals, grouped: 0.1235, 1,234.5. */
  fixed(n: number, digits: number): string;
  /** A share as a percentage: 0.9533 → 95.3%. */
  pct(share: number, digits?: number): string;
  /** Short axis labels: 1.5K steps in English, 1.5万 in Chinese. */
  compact(n: number): string;
  /** Bytes as megabytes with one decimal. */
  mb(bytes: number): string;
}

const cache = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}:${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LANG_TAGS[lang], options);
    cache.set(key, f);
  }
  return f;
}

export function formattersFor(lang: Lang): Formatters {
  return {
    int: (n) => numberFormat(lang, { maximumFractionDigits: 0 }).format(n),
    fixed: (n, digits) =>
      numberFormat(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n),
    pct: (share, digits = 1) =>
      numberFormat(lang, {
        style: 'percent',
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      }).format(share),
    compact: (n) => numberFormat(lang, { notation: 'compact', maximumFractionDigits: 1 }).format(n),
    mb: (bytes) =>
      numberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(bytes / 1e6),
  };
}
