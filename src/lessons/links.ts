// How a lesson writes its experiment link: the shared keys and one `run=` item per run, in the format
// of experiment/link.ts. lessons.test.ts checks that every link reads back without notices and that
// the page would write it back exactly as written here.
import { defaultRunColor } from '../experiment/runs';

/**
 * One `run=` item: the name, the palette colour of position `index`, the settings in their fixed order
 * `opt~lr~b1~b2~eps~mom~nesterov`, no timeline, the flags (`u`: Adam's bias correction off) and the
 * later settings' items (`wd.0.1`, `warmup.100`: weight decay, schedule, warmup, γ; `_` between them).
 */
export function run(index: number, name: string, settings: string, flags = '', items = ''): string {
  const fields = [encodeURIComponent(name), defaultRunColor(index).slice(1), settings, ''];
  const tail = items !== '' ? [flags, items] : flags !== '' ? [flags] : [];
  return `run=${[...fields, ...tail].join('~')}`;
}

/** The settings most lessons share: batch 32, one epoch, seed 1 (a lesson may pick another batch). */
export const shared = (prep: 'none' | 'scale' | 'standardize', bs = 32): string =>
  `bs=${bs}&epochs=1&prep=${prep}&seed=1`;

export const link = (sharedKeys: string, ...runs: string[]): string => [sharedKeys, ...runs].join('&');
