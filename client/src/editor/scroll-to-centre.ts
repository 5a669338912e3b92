/**
 * Scrolls an element of the text to the centre of the view, and keeps it there. On a long text
 * the blocks off screen have estimated heights (document.css, content-visibility) until they are
 * shown, so the first scroll can land a paragraph or two away: once the element has stopped moving
 * it is centred again, at most a few times, instantly.
 */
export function scrollToCentre(el: Element, behavior: ScrollBehavior = 'smooth'): void {
  el.scrollIntoView({ block: 'center', behavior });
  let corrections = 0;
  let last = Number.NaN;
  let still = 0;
  const deadline = performance.now() + 3000;
  const check = () => {
    if (!el.isConnected || performance.now() > deadline) return;
    const rect = el.getBoundingClientRect();
    still = rect.top === last ? still + 1 : 0;
    last = rect.top;
    if (still < 3) return void requestAnimationFrame(check);
    const centre = rect.top + rect.height / 2;
    if (Math.abs(centre - window.innerHeight / 2) <= window.innerHeight / 4 || corrections >= 3) return;
    corrections++;
    still = 0;
    el.scrollIntoView({ block: 'center', behavior: 'instant' });
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}
