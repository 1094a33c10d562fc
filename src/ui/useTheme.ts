// The colour theme: the system's (prefers-color-scheme) unless the reader picks light or dark.
// The choice is this browser's, kept in localStorage; it is not part of a shared link.
import { useEffect, useState } from 'react';

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export const THEME_STORAGE_KEY = 'mnist-playground.theme';

/** A stored value, or the system theme for anything missing or unknown. */
export function parseTheme(stored: string | null | undefined): Theme {
  return THEMES.find((t) => t === stored) ?? 'system';
}

/**
 * The `data-theme` attribute styles.css reads to set `color-scheme`; none means the system's. Every
 * colour is `light-dark()`, so the attribute alone switches the page, charts included.
 */
export function applyTheme(root: HTMLElement, theme: Theme): void {
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}

/** This browser's choice; main.tsx applies it before the first paint, so a dark page never flashes light. */
export function readStoredTheme(): Theme {
  try {
    return parseTheme(localStorage.getItem(THEME_STORAGE_KEY));
  } catch {
    return 'system'; // storage blocked (privacy mode): the system's theme, not remembered
  }
}

export function useTheme(): [Theme, (theme: Theme) => void] {
  const [theme, setTheme] = useState<Theme>(readStoredTheme);
  useEffect(() => {
    applyTheme(document.documentElement, theme);
    try {
      if (theme === 'system') localStorage.removeItem(THEME_STORAGE_KEY);
      else localStorage.setItem(THEME_STORAGE_KEY, theme);
    } catch {
      // not remembered; the page still switches
    }
  }, [theme]);
  return [theme, setTheme];
}
