// What every view shows around its own layout: the header, notices, loading bar, toolbar and the
// lesson open beside the experiment.
import type { ReactNode } from 'react';
import { LessonCard } from '../lessons/LessonCard';
import { LessonList } from '../lessons/LessonList';
import { Header } from './Header';
import { LoadingBar } from './LoadingBar';
import { Notices } from './Notices';
import { Toolbar } from './Toolbar';
import type { Playground } from './usePlayground';

export function PageFrame({ page: p, children }: { page: Playground; children: ReactNode }) {
  const { snap, run, view } = p;
  return (
    <div className={view === 'projector' ? 'app app-projector' : 'app'}>
      <Header backend={snap.backend} view={view} onView={p.setView} net={run.trainedShared} />
      <Notices notices={p.notices.shown} onDismiss={p.notices.dismiss} />
      {snap.loading && <LoadingBar loaded={snap.loading.loadedBytes} total={snap.loading.totalBytes} />}
      <Toolbar
        state={snap.state}
        ready={snap.dataReady && !snap.fatal}
        onStart={run.start}
        onPause={run.pause}
        onStep={run.step}
        onReset={run.resetToCurrent}
        onCopyLink={p.copyLink}
      >
        <LessonList view={view} />
      </Toolbar>
      {p.lesson && (
        <LessonCard id={p.lesson} experiment={p.experiment} view={view} onClose={() => p.setLesson(null)} />
      )}
      {children}
    </div>
  );
}
