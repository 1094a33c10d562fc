// How often the page may publish new points to its charts: often enough to look live, rarely enough
// that redrawing takes a bounded share of the main thread. On a software renderer the page and the
// "GPU" are the same cores, so a slow redraw there means fewer redraws, not slower training.

/** The most often the charts redraw (a fast machine): five times a second. */
export const MIN_PUBLISH_MS = 200;
/** The least often: a slow machine still sees its curves move every second. */
export const MAX_PUBLISH_MS = 1000;
/** Share of wall time the page's redraws may take while training. */
export const REDRAW_SHARE = 0.2;
/** Weight of the newest measurement in the running average. */
const NEW_WEIGHT = 0.3;

export class RedrawBudget {
  private cost = 0;

  constructor(private readonly floorMs = MIN_PUBLISH_MS) {}

  /** A publish and the redraws it caused took `ms` of main-thread time. */
  observe(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) return;
    this.cost = this.cost === 0 ? ms : (1 - NEW_WEIGHT) * this.cost + NEW_WEIGHT * ms;
  }

  /** Wall time between two publishes. */
  get intervalMs(): number {
    return Math.min(MAX_PUBLISH_MS, Math.max(this.floorMs, this.cost / REDRAW_SHARE));
  }
}
