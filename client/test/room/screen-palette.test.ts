import { describe, expect, it } from 'vitest';
import { contrast, paletteStyle, SCREEN_PALETTE } from '../../src/room/screen-palette';

describe('the room screen palette', () => {
  it('computes WCAG contrast (black on white is 21:1, a colour on itself 1:1)', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#c2410c', '#c2410c')).toBe(1);
    // The editor's bracket orange is readable at arm's length but not from the back of the room.
    expect(contrast('#c2410c', '#ffffff')).toBeLessThan(7);
  });

  it('every text colour of the screen has a contrast of at least 7:1 on its background', () => {
    for (const [name, [fg, bg]] of Object.entries(SCREEN_PALETTE)) expect(contrast(fg, bg), name).toBeGreaterThanOrEqual(7);
  });

  it('is set as CSS custom properties', () => {
    expect(paletteStyle()).toMatchObject({ '--screen-bracket': '#8a2c0d', '--screen-sponsor-alt-bg': '#f1e8fb' });
  });
});
