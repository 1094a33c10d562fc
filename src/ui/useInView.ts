// Whether an element is on screen: a chart scrolled out of view need not redraw while training adds
// points, and catches up once it is scrolled back (the page's redraws share the machine with training).
import { useEffect, useState, type RefObject } from 'react';

/** True until the browser says otherwise (and always where IntersectionObserver is missing). */
export function useInView(ref: RefObject<Element | null>): boolean {
  const [inView, setInView] = useState(true);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      const last = entries.at(-1);
      if (last) setInView(last.isIntersecting);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return inView;
}

/** `value` while `live`; otherwise the value it had when it was last live. */
export function useHeldWhile<T>(value: T, live: boolean): T {
  const [held, setHeld] = useState(value);
  if (live && held !== value) setHeld(value);
  return live ? value : held;
}
