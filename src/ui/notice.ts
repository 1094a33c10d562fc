// The page's notices as data: one kind per source, and the pure rules that add, replace and derive
// them. The Notices component shows them; nothing here touches the DOM.
import type { SessionSnapshot } from '../client/session';
import type { RunSpec } from '../experiment/types';

export type NoticeKind =
  | 'link'
  | 'backend'
  | 'fatal'
  | 'download'
  | 'setup'
  | 'rejected'
  | 'stopped'
  | 'recovered'
  | 'copy'
  | 'storage'
  | 'export'
  | 'import';

export interface Notice {
  kind: NoticeKind;
  /** Tells apart notices of one kind that are dismissed separately (a run's, a distinct message). */
  key?: string;
  tone: 'info' | 'warning' | 'error';
  title: string;
  lines?: string[];
  /** A button beside the text that fixes the problem (e.g. Retry), not just dismisses it. */
  action?: NoticeAction;
}

export interface NoticeAction {
  label: string;
  run(): void;
}

/** One notice per identity: a newer one of the same kind and key takes the older one's place. */
export function noticeId(n: Pick<Notice, 'kind' | 'key'>): string {
  return n.key === undefined ? n.kind : `${n.kind}:${n.key}`;
}

export function withNotice(notices: readonly Notice[], n: Notice): Notice[] {
  const id = noticeId(n);
  return [...notices.filter((x) => noticeId(x) !== id), n];
}

/** What a link's ignored items say; a new link's notice replaces the old link's. */
export function withLinkProblems(notices: readonly Notice[], problems: readonly string[]): Notice[] {
  const rest = notices.filter((n) => n.kind !== 'link');
  if (problems.length === 0) return rest;
  return [
    ...rest,
    { kind: 'link', tone: 'warning', title: 'Some settings in the link were ignored', lines: [...problems] },
  ];
}

type WorkerView = Pick<
  SessionSnapshot,
  'backend' | 'download' | 'fatal' | 'lastRejected' | 'state' | 'message' | 'runId' | 'lanes' | 'recoveries'
>;

/** "GPU context lost at step 1,234; resumed from step 1,100": one line per recovery. */
export function recoveryText(r: SessionSnapshot['recoveries'][number]): string {
  const at = r.lostAt.toLocaleString('en');
  const from = r.resumedFrom.toLocaleString('en');
  const what =
    r.kind === 'gpu'
      ? `GPU context lost at step ${at}`
      : r.kind === 'silent'
        ? `The training worker stopped responding at step ${at}`
        : `The training worker crashed at step ${at} (${r.why})`;
  return `${what}; resumed from step ${from}`;
}

/** Names the file in trouble; while the worker retries it says when, after that it offers Retry. */
export function downloadNotice(d: NonNullable<SessionSnapshot['download']>, retryLoad: () => void): Notice {
  if (d.kind === 'retrying') {
    const secs = Math.round(d.inMs / 100) / 10;
    return {
      kind: 'download',
      key: `retry:${d.file}:${d.attempt}`,
      tone: 'warning',
      title: `Download of ${d.file} failed; trying again in ${secs} s (retry ${d.attempt}).`,
      lines: [d.message],
    };
  }
  return {
    kind: 'download',
    key: `failed:${d.file}:${d.message}`,
    tone: 'error',
    title: `Could not download ${d.file}. Check the connection, then retry.`,
    lines: [d.message],
    action: { label: 'Retry', run: retryLoad },
  };
}

/**
 * Notices that follow the worker's state: derived on every render, never stored. Keys hold the message
 * or run, so dismissing one does not hide a different one of its kind that comes later.
 */
export function workerNotices(
  snap: WorkerView,
  runs: readonly Pick<RunSpec, 'id' | 'name'>[],
  retryLoad: () => void = () => {},
): Notice[] {
  const notices: Notice[] = [];
  if (snap.backend?.fallbackReason)
    notices.push({
      kind: 'backend',
      tone: 'warning',
      title: `Training on the CPU: ${snap.backend.fallbackReason}. It works, only slower.`,
    });
  const d = snap.download;
  if (d) notices.push(downloadNotice(d, retryLoad));
  if (snap.fatal) notices.push({ kind: 'fatal', key: snap.fatal, tone: 'error', title: snap.fatal });
  if (snap.state === 'error') {
    const title = snap.message ?? 'The run could not be set up.';
    notices.push({ kind: 'setup', key: `${snap.runId}:${title}`, tone: 'error', title });
  }
  if (snap.lastRejected)
    notices.push({
      kind: 'rejected',
      key: snap.lastRejected,
      tone: 'error',
      title: `Change refused: ${snap.lastRejected}`,
    });
  const last = snap.recoveries.at(-1);
  if (last)
    notices.push({
      kind: 'recovered',
      key: `${snap.runId}:${snap.recoveries.length}`,
      tone: 'info',
      title: `${recoveryText(last)}. Nothing you made was lost.`,
    });
  for (const r of runs) {
    const stopped = snap.lanes[r.id]?.stopped;
    if (stopped)
      notices.push({
        kind: 'stopped',
        key: `${snap.runId}:${r.id}`,
        tone: 'warning',
        title: `${r.name}: ${stopped}`,
      });
  }
  return notices;
}

/** Stored notices, then the worker's ones the user has not dismissed. */
export function shownNotices(
  stored: readonly Notice[],
  derived: readonly Notice[],
  dismissed: ReadonlySet<string>,
): Notice[] {
  return [...stored, ...derived.filter((n) => !dismissed.has(noticeId(n)))];
}
