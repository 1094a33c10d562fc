// Notices as data: identity by kind and key, link notices replaced by kind, and the notices derived
// from the worker's state (a run that could not be set up among them).
import { describe, expect, it } from 'vitest';
import { Session, type SessionSnapshot } from '../../src/client/session';
import {
  noticeId,
  shownNotices,
  withLinkProblems,
  withNotice,
  workerNotices,
  type Notice,
} from '../../src/ui/notice';

const snap = (patch: Partial<SessionSnapshot> = {}): SessionSnapshot => ({
  ...new Session().getSnapshot(),
  ...patch,
});
const runs = [
  { id: 'r1', name: 'Adam' },
  { id: 'r2', name: 'SGD' },
];
const lane = (stopped: string | null) => ({ points: [], validation: [], test: null, stopped });

describe('notice identity', () => {
  it('is the kind, with the key when there is one', () => {
    expect(noticeId({ kind: 'copy' })).toBe('copy');
    expect(noticeId({ kind: 'stopped', key: '3:r1' })).toBe('stopped:3:r1');
  });

  it('lets a newer notice of the same kind and key replace the older one, keeping others', () => {
    const copied: Notice = { kind: 'copy', tone: 'info', title: 'Link copied' };
    const failed: Notice = { kind: 'copy', tone: 'warning', title: 'Could not copy' };
    const imported: Notice = { kind: 'import', tone: 'info', title: 'Imported' };
    expect(withNotice(withNotice([copied, imported], failed), imported)).toEqual([failed, imported]);
  });
});

describe('link notices', () => {
  const copied: Notice = { kind: 'copy', tone: 'info', title: 'Link copied' };

  it('says which items were ignored, and nothing when none were', () => {
    expect(withLinkProblems([], [])).toEqual([]);
    expect(withLinkProblems([], ['lr: not a number'])).toEqual([
      {
        kind: 'link',
        tone: 'warning',
        title: 'Some settings in the link were ignored',
        lines: ['lr: not a number'],
      },
    ]);
  });

  it("replaces the old link's notice by kind, whatever its title, and leaves other kinds alone", () => {
    const old = withLinkProblems([copied], ['a']);
    const next = withLinkProblems(old, ['b']);
    expect(next.map((n) => [n.kind, n.lines])).toEqual([
      ['copy', undefined],
      ['link', ['b']],
    ]);
    expect(withLinkProblems(next, [])).toEqual([copied]);
  });
});

describe('workerNotices', () => {
  it('derives nothing from a quiet session', () => {
    expect(workerNotices(snap(), runs)).toEqual([]);
  });

  it('shows a run that could not be set up as an error with its message', () => {
    const notices = workerNotices(
      snap({ state: 'error', runId: 2, message: 'Could not set up the run: out of memory' }),
      runs,
    );
    expect(notices).toEqual([
      {
        kind: 'setup',
        key: '2:Could not set up the run: out of memory',
        tone: 'error',
        title: 'Could not set up the run: out of memory',
      },
    ]);
  });

  it('derives the backend fallback, a fatal error, a refused change and each stopped run', () => {
    const notices = workerNotices(
      snap({
        runId: 4,
        backend: { backend: 'cpu', renderer: 'none', float32: false, fallbackReason: 'no WebGL' },
        fatal: 'The training worker stopped',
        lastRejected: 'learning rate out of range',
        lanes: { r1: lane(null), r2: lane('the loss diverged') },
      }),
      runs,
    );
    expect(notices.map((n) => [n.kind, n.key, n.tone])).toEqual([
      ['backend', undefined, 'warning'],
      ['fatal', 'The training worker stopped', 'error'],
      ['rejected', 'learning rate out of range', 'error'],
      ['stopped', '4:r2', 'warning'],
    ]);
    expect(notices.at(-1)!.title).toBe('SGD: the loss diverged');
  });

  it('hides dismissed derived notices only', () => {
    const link: Notice = { kind: 'link', tone: 'warning', title: 'ignored' };
    const derived = workerNotices(snap({ fatal: 'boom' }), runs);
    expect(shownNotices([link], derived, new Set(['fatal:boom', 'link']))).toEqual([link]);
    expect(shownNotices([link], derived, new Set(['fatal:other']))).toEqual([link, ...derived]);
  });
});
