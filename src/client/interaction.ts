// Notices when someone is using the page (dragging a slider, typing, clicking), so the worker queues
// less GPU work ahead and chart redraws wait: the page's frames are not kept waiting behind either.

/** A slider is being dragged or stepped now: redraws that lag behind a publish wait until it settles. */
let sliderInUse = false;

export function sliderActive(): boolean {
  return sliderInUse;
}

export function setSliderActive(active: boolean): void {
  sliderInUse = active;
}

/** After the last input, the page counts as in use this much longer (a drag pauses between moves). */
export const SETTLE_MS = 400;

/** Whether an event comes from a slider (a range input): dragging one is what redraws must not delay. */
export function onSlider(e: Event): boolean {
  const el = e.target as { tagName?: string; type?: string } | null;
  return el?.tagName === 'INPUT' && el.type === 'range';
}

/**
 * Calls `onChange(true)` when input starts and `onChange(false)` once it has settled; returns a stop
 * function. `relevant` picks which events count (all by default).
 */
export function watchInteraction(
  onChange: (active: boolean) => void,
  target: EventTarget = window,
  relevant: (e: Event) => boolean = () => true,
): () => void {
  let active = false;
  let pointerDown = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const set = (next: boolean) => {
    if (next !== active) onChange((active = next));
  };
  const settleLater = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      if (!pointerDown) set(false);
    }, SETTLE_MS);
  };
  const onDown = (e: Event) => {
    if (!relevant(e)) return;
    pointerDown = true;
    set(true);
  };
  // Released anywhere: a drag may end outside the control it started on.
  const onUp = () => {
    if (!pointerDown) return;
    pointerDown = false;
    settleLater();
  };
  const onInput = (e: Event) => {
    if (!relevant(e)) return;
    set(true);
    settleLater();
  };
  const listeners: [string, (e: Event) => void][] = [
    ['pointerdown', onDown],
    ['pointerup', onUp],
    ['pointercancel', onUp],
    ['keydown', onInput],
    ['input', onInput],
  ];
  for (const [type, fn] of listeners) target.addEventListener(type, fn, { capture: true, passive: true });
  return () => {
    if (timer) clearTimeout(timer);
    for (const [type, fn] of listeners) target.removeEventListener(type, fn, { capture: true });
  };
}
