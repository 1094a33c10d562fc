// The download notices: while the worker retries they name the file and the wait; once it gives up
// the error offers Retry, wired to the supervisor, which asks the same worker to load the data again.
import { describe, expect, it } from 'vitest';
import { Session, type SessionSnapshot } from '../../src/client/session';
import { Supervisor } from '../../src/client/supervisor';
import type { Command, TuneCommand, WorkerEvent } from '../../src/protocol';
import { downloadNotice, workerNotices } from '../../src/ui/notice';
import { shown } from '../helpers/notices';

const FILE = 'train-images-idx3-ubyte';

function setup() {
  const sent: (Command | TuneCommand)[] = [];
  let emit: (e: WorkerEvent) => void = () => {};
  const session = new Session(0);
  const supervisor = new Supervisor({
    spawn: (onEvent) => {
      emit = onEvent;
      return { send: (c) => sent.push(c), setCurrentRun: () => {}, terminate: () => {} };
    },
    session,
    init: { baseUrl: 'http://x/', softwareWebgl: true, testHooks: false },
    currentLanes: (l) => l,
  });
  const notices = (): ReturnType<typeof workerNotices> =>
    workerNotices(session.getSnapshot(), [], () => supervisor.retryLoad());
  return { sent, emit: (e: WorkerEvent) => emit(e), session, notices };
}

describe('download notices', () => {
  it('say which file is retried, and when', () => {
    const [n] = workerNotices(
      {
        ...new Session().getSnapshot(),
        download: { kind: 'retrying', file: FILE, attempt: 2, inMs: 2000, message: 'HTTP 503' },
      } satisfies SessionSnapshot,
      [],
    );
    expect(shown(n!)).toMatchObject({ kind: 'download', tone: 'warning', lines: ['HTTP 503'] });
    expect(shown(n!).title).toBe(`Download of ${FILE} failed; trying again in 2 s (retry 2).`);
    expect(n?.action).toBeUndefined();
  });

  it('name the file after the last retry and offer Retry, which reloads in the same worker', () => {
    const s = setup();
    s.emit({ type: 'downloadRetry', file: FILE, attempt: 3, inMs: 4000, message: 'network error' });
    expect(s.notices().map((n) => n.tone)).toEqual(['warning']);
    s.emit({ type: 'downloadFailed', file: FILE, message: `Could not download ${FILE}: HTTP 503` });
    const [n] = s.notices();
    expect(n?.tone).toBe('error');
    expect(shown(n!).title).toContain(FILE);
    expect(shown(n!).action).toBe('Retry');
    expect(shown(n!, 'zh')).toMatchObject({
      action: '重试',
      title: `无法下载 ${FILE}。请检查网络连接后重试。`,
    });
    expect(s.session.getSnapshot().dataReady).toBe(false);

    n?.action?.run();
    expect(s.sent.at(-1)).toEqual({ type: 'retryLoad' });
    // The failure notice goes while loading again, and the data is ready once it loads.
    expect(s.notices()).toEqual([]);
    s.emit({ type: 'loaded', trainCount: 1, validationCount: 1, testCount: 1, gpuDataBytes: 0 });
    expect(s.session.getSnapshot()).toMatchObject({ dataReady: true, download: null });
  });

  it('key each failure by file and message, so dismissing one does not hide the next', () => {
    const a = downloadNotice({ kind: 'failed', file: FILE, message: 'x' }, () => {});
    const b = downloadNotice({ kind: 'failed', file: 'manifest.json', message: 'x' }, () => {});
    expect(a.key).not.toBe(b.key);
  });
});
