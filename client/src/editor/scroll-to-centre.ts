/**
 * Scrolls an element of the text to the centre of the view. On a long text (extensions/long-text.ts)
 * the blocks off screen have estimated heights until they are shown, so the first scroll can land
 * a paragraph or two away: once the element has stopped moving it is centred again, instantly, at
 * most a few times, and never after the person scrolls, clicks or types themselves.
 */
export function scrollToCentre(el: Element, behavior: ScrollBehavior = 'smooth'): void {
  el.scrollIntoView({ block: 'center', behavior });
  if (!el.closest('[data-long]')) return;
  let corrections = 0;
  let last = Number.NaN;
  let still = 0;
  let done = false;
  const deadline = performance.now() + 3000;
  const stop = () => {
    done = true;
    for (const type of TAKE_OVER) window.removeEventListener(type, stop, true);
  };
  for (const type of TAKE_OVER) window.addEventListener(type, stop, { capture: true, passive: true });
  const check = () => {
    if (done || !el.isConnected || performance.now() > deadline) return stop();
    const rect = el.getBoundingClientRect();
    still = rect.top === last ? still + 1 : 0;
    last = rect.top;
    if (still < 3) return void requestAnimationFrame(check);
    const centre = rect.top + rect.height / 2;
    if (Math.abs(centre - window.innerHeight / 2) <= window.innerHeight / 4 || corrections >= 3) return stop();
    corrections++;
    still = 0;
    el.scrollIntoView({ block: 'center', behavior: 'instant' });
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

/** What means the person has taken over the view. */
const TAKE_OVER = ['wheel', 'pointerdown', 'keydown', 'touchstart'] as const;
