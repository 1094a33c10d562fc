// Tells the worker when someone is using the page (dragging a slider, typing, clicking), so it queues
// less GPU work ahead and the page's frames are not kept waiting behind training.

/** After the last input, the page counts as in use this much longer (a drag pauses between moves). */
export const SETTLE_MS = 400;

/** Calls `onChange(true)` when input starts and `onChange(false)` once it has settled; returns a stop function. */
export function watchInteraction(
  onChange: (active: boolean) => void,
  target: EventTarget = window,
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
  const onDown = () => {
    pointerDown = true;
    set(true);
  };
  const onUp = () => {
    pointerDown = false;
    settleLater();
  };
  const onInput = () => {
    set(true);
    settleLater();
  };
  const listeners: [string, () => void][] = [
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
