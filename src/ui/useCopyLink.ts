// Copy link: the current URL already holds the whole configuration (kept current by replaceState).
import { useCallback } from 'react';
import type { Notice } from './notice';

export function useCopyLink(notify: (n: Notice) => void): () => void {
  return useCallback(() => {
    const url = window.location.href;
    const fail = () =>
      notify({
        kind: 'copy',
        tone: 'warning',
        title: (m) => m.data.copyFailed,
        lines: [() => url],
      });
    if (!navigator.clipboard) return fail();
    navigator.clipboard
      .writeText(url)
      .then(() => notify({ kind: 'copy', tone: 'info', title: (m) => m.data.copied }), fail);
  }, [notify]);
}
