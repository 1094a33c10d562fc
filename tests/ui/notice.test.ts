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
import { verbatim } from '../../src/i18n/text';
import { shown } from '../helpers/notices';

const snap = (patch: Partial<SessionSnapshot> = {}): SessionSnapshot => ({
  ...new Session().getSnapshot(),
  ...patch,
});
const runs = [
  { id: 'r1', name: 'Adam' },
  { id: 'r2', name: 'SGD' },
];
const lane = (stopped: string | null) => ({
  points: stopped
    ? [
        { step: 6, epoch: 0, loss: 2.1, accuracy: 0.2 },
        { step: 7, epoch: 0, loss: NaN, accuracy: 0 },
      ]
    : [],
  internals: [],
  trace: null,
  validation: [],
  test: null,
  stopped,
});

describe('notice identity', () => {
  it('is the kind, with the key when there is one', () => {
    expect(noticeId({ kind: 'copy' })).toBe('copy');
    expect(noticeId({ kind: 'stopped', key: '3:r1' })).toBe('stopped:3:r1');
  });

  it('lets a newer notice of the same kind and key replace the older one, keeping others', () => {
    const copied: Notice = { kind: 'copy', tone: 'info', title: verbatim('Link copied') };
    const failed: Notice = { kind: 'copy', tone: 'warning', title: verbatim('Could not copy') };
    const imported: Notice = { kind: 'import', tone: 'info', title: verbatim('Imported') };
    expect(withNotice(withNotice([copied, imported], failed), imported)).toEqual([failed, imported]);
  });
});

describe('link notices', () => {
  const copied: Notice = { kind: 'copy', tone: 'info', title: verbatim('Link copied') };

  it('says which items were ignored, and nothing when none were', () => {
    expect(withLinkProblems([], [])).toEqual([]);
    expect(withLinkProblems([], [verbatim('lr: not a number')]).map((n) => shown(n))).toEqual([
      {
        kind: 'link',
        tone: 'warning',
        title: 'Some settings in the link were ignored',
        lines: ['lr: not a number'],
      },
    ]);
  });

  it("replaces the old link's notice by kind, whatever its title, and leaves other kinds alone", () => {
    const old = withLinkProblems([copied], [verbatim('a')]);
    const next = withLinkProblems(old, [verbatim('b')]);
    expect(next.map((n) => [n.kind, shown(n).lines])).toEqual([
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
    expect(notices.map((n) => shown(n))).toEqual([
      {
        kind: 'setup',
        key: '2:Could not set up the run: out of memory',
        tone: 'error',
        title: 'The run could not be set up.',
        lines: ['Could not set up the run: out of memory'],
      },
    ]);
    expect(shown(notices[0]!, 'zh').title).toBe('无法建立这次运行。');
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
    expect(shown(notices.at(-1)!).title).toBe(
      'SGD: the loss exploded at step 7, so this run stopped. Lower its learning rate and press Reset.',
    );
    expect(shown(notices.at(-1)!, 'zh').title).toBe(
      'SGD：损失在第 7 步爆炸，这个运行已停止。请降低它的学习率，然后按“重置”。',
    );
  });

  it('hides dismissed derived notices only', () => {
    const link: Notice = { kind: 'link', tone: 'warning', title: verbatim('ignored') };
    const derived = workerNotices(snap({ fatal: 'boom' }), runs);
    expect(shownNotices([link], derived, new Set(['fatal:boom', 'link']))).toEqual([link]);
    expect(shownNotices([link], derived, new Set(['fatal:other']))).toEqual([link, ...derived]);
  });
});
