// The page's notices: stored ones (link, clipboard, files) plus those derived from the worker's state;
// dismissing a derived one hides it until something different of its kind comes along.
import { useCallback, useState } from 'react';
import type { SessionSnapshot } from '../client/session';
import type { RunSpec } from '../experiment/types';
import type { Text } from '../i18n/text';
import { noticeId, shownNotices, withLinkProblems, withNotice, workerNotices, type Notice } from './notice';

/** `retryLoad`: what a failed download's Retry button does. */
export function useNotices(
  linkProblems: readonly Text[],
  snap: SessionSnapshot,
  runs: readonly RunSpec[],
  retryLoad: () => void,
) {
  const [stored, setStored] = useState<Notice[]>(() => withLinkProblems([], linkProblems));
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());

  const addNotice = useCallback((n: Notice) => setStored((ns) => withNotice(ns, n)), []);
  const setLinkProblems = useCallback(
    (problems: readonly Text[]) => setStored((ns) => withLinkProblems(ns, problems)),
    [],
  );
  const dismiss = useCallback((n: Notice) => {
    const id = noticeId(n);
    setStored((ns) => ns.filter((x) => noticeId(x) !== id));
    setDismissed((d) => new Set(d).add(id));
  }, []);

  return {
    shown: shownNotices(stored, workerNotices(snap, runs, retryLoad), dismissed),
    addNotice,
    setLinkProblems,
    dismiss,
  };
}
