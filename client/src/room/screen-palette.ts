/**
 * The room screen's colours, read from the back of the room: every text colour has a contrast of
 * at least 7:1 (WCAG AAA) on the background it is drawn on (client/test/room/screen-palette.test.ts).
 * The editor's own colours are lighter (a laptop at arm's length); the screen page sets these as
 * CSS custom properties and room.css uses them.
 */
export const SCREEN_BACKGROUND = '#ffffff';

/** Text colour → the background it sits on. */
export const SCREEN_PALETTE = {
  text: ['#111111', SCREEN_BACKGROUND],
  bracket: ['#8a2c0d', SCREEN_BACKGROUND],
  insert: ['#1e3a8a', SCREEN_BACKGROUND],
  delete: ['#8b1a1a', SCREEN_BACKGROUND],
  alt: ['#581c87', SCREEN_BACKGROUND],
  reserve: ['#374151', SCREEN_BACKGROUND],
  struck: ['#7f1d1d', SCREEN_BACKGROUND],
  label: ['#374151', SCREEN_BACKGROUND],
  sponsor: ['#1e3a8a', '#e8eefb'],
  sponsorAlt: ['#581c87', '#f1e8fb'],
  current: ['#111111', '#fff3c4'],
  speaker: ['#ffffff', '#14375e'],
} as const satisfies Record<string, readonly [string, string]>;

/** WCAG 2 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two #rrggbb colours (1–21). */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The palette as CSS custom properties (`--screen-bracket`, `--screen-sponsor-bg`…). */
export function paletteStyle(): Record<string, string> {
  const style: Record<string, string> = {};
  for (const [name, [fg, bg]] of Object.entries(SCREEN_PALETTE)) {
    const css = name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    style[`--screen-${css}`] = fg;
    style[`--screen-${css}-bg`] = bg;
  }
  return style;
}
