// The page's notices as data: one kind per source, and the pure rules that add, replace and derive
// them. Texts are rendered in the page's language when shown (see i18n/text.ts); nothing here touches the DOM.
import type { SessionSnapshot } from '../client/session';
import type { RunSpec } from '../experiment/types';
import type { Text } from '../i18n/text';
import { divergedStep } from '../shared/pointColumns';

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
  title: Text;
  lines?: Text[];
  /** A button beside the text that fixes the problem (e.g. Retry), not just dismisses it. */
  action?: NoticeAction;
}

export interface NoticeAction {
  label: Text;
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
export function withLinkProblems(notices: readonly Notice[], problems: readonly Text[]): Notice[] {
  const rest = notices.filter((n) => n.kind !== 'link');
  if (problems.length === 0) return rest;
  return [
    ...rest,
    { kind: 'link', tone: 'warning', title: (m) => m.notices.linkIgnored, lines: [...problems] },
  ];
}

type WorkerView = Pick<
  SessionSnapshot,
  'backend' | 'download' | 'fatal' | 'lastRejected' | 'state' | 'message' | 'runId' | 'lanes' | 'recoveries'
>;

type Recovery = SessionSnapshot['recoveries'][number];

/** "GPU context lost at step 1,234; resumed from step 1,100": one line per recovery. */
export function recoveryText(r: Recovery): Text {
  return (m) => {
    const at = m.format.int(r.lostAt);
    const what =
      r.kind === 'gpu'
        ? m.notices.gpuLost(at)
        : r.kind === 'silent'
          ? m.notices.silent(at)
          : m.notices.crashed(at, r.why);
    return m.notices.resumedFrom(what, m.format.int(r.resumedFrom));
  };
}

/** Names the file in trouble; while the worker retries it says when, after that it offers Retry. */
export function downloadNotice(d: NonNullable<SessionSnapshot['download']>, retryLoad: () => void): Notice {
  if (d.kind === 'retrying') {
    const secs = String(Math.round(d.inMs / 100) / 10);
    return {
      kind: 'download',
      key: `retry:${d.file}:${d.attempt}`,
      tone: 'warning',
      title: (m) => m.notices.retrying(d.file, secs, d.attempt),
      lines: [() => d.message],
    };
  }
  return {
    kind: 'download',
    key: `failed:${d.file}:${d.message}`,
    tone: 'error',
    title: (m) => m.notices.downloadFailed(d.file),
    lines: [() => d.message],
    action: { label: (m) => m.notices.retry, run: retryLoad },
  };
}

/** The step at which a lane's loss left the finite range (what "diverged" means here). */
function divergedStepOf(snap: WorkerView, id: string): number {
  const lane = snap.lanes[id];
  return (lane && divergedStep(lane.points)) ?? lane?.points.at(-1)?.step ?? 0;
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
  const reason = snap.backend?.fallbackReason;
  if (reason) notices.push({ kind: 'backend', tone: 'warning', title: (m) => m.notices.cpuFallback(reason) });
  const d = snap.download;
  if (d) notices.push(downloadNotice(d, retryLoad));
  const fatal = snap.fatal;
  if (fatal) notices.push({ kind: 'fatal', key: fatal, tone: 'error', title: () => fatal });
  if (snap.state === 'error') {
    const message = snap.message;
    notices.push({
      kind: 'setup',
      key: `${snap.runId}:${message ?? ''}`,
      tone: 'error',
      title: (m) => m.notices.setupFailed,
      // The worker's own words, a technical detail for whoever reports the bug.
      ...(message ? { lines: [() => message] } : {}),
    });
  }
  const rejected = snap.lastRejected;
  if (rejected)
    notices.push({
      kind: 'rejected',
      key: rejected,
      tone: 'error',
      title: (m) => m.notices.changeRefused(rejected),
    });
  const last = snap.recoveries.at(-1);
  if (last)
    notices.push({
      kind: 'recovered',
      key: `${snap.runId}:${snap.recoveries.length}`,
      tone: 'info',
      title: (m) => m.notices.recovered(recoveryText(last)(m)),
    });
  for (const r of runs) {
    if (!snap.lanes[r.id]?.stopped) continue;
    const step = divergedStepOf(snap, r.id);
    notices.push({
      kind: 'stopped',
      key: `${snap.runId}:${r.id}`,
      tone: 'warning',
      title: (m) => m.notices.runDiverged(r.name, m.format.int(step)),
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
