// The bench's user: drags a slider with the mouse in small steps and nudges it with the arrow keys,
// with pauses like a person's, through Playwright's real input pipeline (so Event Timing sees it).

/** Pixels per mouse move and the wait between moves: about a 60 Hz mouse at a calm drag speed. */
const MOVE_PX = 3;
const MOVE_GAP_MS = 16;
/** Pauses between gestures: longer than the app's 250 ms debounce, so each gesture becomes a live change. */
const PAUSE_MS = 700;
const KEY_HOLD_MS = 40;
const KEY_GAP_MS = 120;
const KEYS_PER_BURST = 4;

/** Where the thumb of range input `slider` sits now, in page pixels, and the track's width. */
async function thumb(slider) {
  const box = await slider.boundingBox();
  if (!box) throw new Error('the slider has no box (hidden or detached)');
  const at = await slider.evaluate(
    (el) => (Number(el.value) - Number(el.min)) / (Number(el.max) - Number(el.min)),
  );
  const thumbPx = 16; // Chromium's default range thumb; a few pixels off only shifts where a drag starts
  return { x: box.x + thumbPx / 2 + at * (box.width - thumbPx), y: box.y + box.height / 2, width: box.width };
}

async function moveTo(page, from, to, y) {
  const n = Math.max(1, Math.round(Math.abs(to - from) / MOVE_PX));
  for (let i = 1; i <= n; i++) {
    await page.mouse.move(from + ((to - from) * i) / n, y);
    await page.waitForTimeout(MOVE_GAP_MS);
  }
}

/** One drag from the thumb: `dir` (−1 left, +1 right) a sixth of the track, then a little back. */
export async function drag(page, slider, dir) {
  const t = await thumb(slider);
  const far = t.x + dir * 0.16 * t.width;
  await page.mouse.move(t.x, t.y);
  await page.mouse.down();
  await moveTo(page, t.x, far, t.y);
  await moveTo(page, far, far - dir * 0.04 * t.width, t.y);
  await page.mouse.up();
}

async function keyBurst(page, key) {
  for (let i = 0; i < KEYS_PER_BURST; i++) {
    await page.keyboard.press(key, { delay: KEY_HOLD_MS });
    await page.waitForTimeout(KEY_GAP_MS);
  }
}

/** A teacher's pace: one arrow key, then a second of watching the curves, and again. */
const SINGLE_GAP_MS = 1000;

/**
 * Until `untilMs` (Date.now() clock): first drags and arrow-key bursts, then single arrow keys a second
 * apart, for about half the time each. Returns how many of each were made and, on the page's clock,
 * when the single presses began (`singlesFrom`), so their latency is reported apart from the bursts'.
 */
export async function interactUntil(page, slider, untilMs) {
  const half = Date.now() + (untilMs - Date.now()) / 2;
  const bursts = await dragsAndBursts(page, slider, half);
  const singlesFrom = await page.evaluate(() => performance.now());
  let singles = 0;
  await slider.focus();
  for (let i = 0; Date.now() < untilMs; i++) {
    await page.keyboard.press(i % 2 === 0 ? 'ArrowRight' : 'ArrowLeft', { delay: KEY_HOLD_MS });
    singles++;
    await page.waitForTimeout(SINGLE_GAP_MS);
  }
  return { ...bursts, singles, singlesFrom };
}

/**
 * Until `untilMs`: drag, pause, arrow-key burst, pause, alternating directions so the value wanders
 * around where it started.
 */
async function dragsAndBursts(page, slider, untilMs) {
  await slider.scrollIntoViewIfNeeded();
  let drags = 0;
  let keyPresses = 0;
  for (let round = 0; Date.now() < untilMs; round++) {
    const dir = round % 2 === 0 ? -1 : 1;
    await drag(page, slider, dir);
    drags++;
    await page.waitForTimeout(PAUSE_MS);
    if (Date.now() >= untilMs) break;
    await slider.focus(); // the drag focused it already; a click elsewhere must not send keys astray
    await keyBurst(page, dir < 0 ? 'ArrowRight' : 'ArrowLeft');
    keyPresses += KEYS_PER_BURST;
    await page.waitForTimeout(PAUSE_MS);
  }
  return { drags, keyPresses, sliderWidthPx: Math.round((await slider.boundingBox())?.width ?? 0) };
}
