import { describe, expect, it } from 'vitest';
import { comparePath, defaultPair, nextRevisionLabel, parseCompareSearch, versionOptions } from '../../src/revisions/compare-url';
import type { HistoryPoint, Revision } from '../../src/revisions/revisions-api';

const rev = (id: string, label: string, date = ''): Revision => ({ id, label, date }) as Revision;

describe('compare addresses', () => {
  it('round-trips a comparison through its shareable address', () => {
    const path = comparePath('s 1', { from: 'rev:r1', to: 'history:h9', view: 'side-by-side', hideFormatting: true });
    expect(path).toBe('/s/s%201/compare?from=rev%3Ar1&to=history%3Ah9&view=side-by-side&hideFormatting=1');
    expect(parseCompareSearch(path.slice(path.indexOf('?')))).toEqual({ from: 'rev:r1', to: 'history:h9', view: 'side-by-side', hideFormatting: true });
  });

  it('falls back to the live text, the inline view and no filter when the address is incomplete or malformed', () => {
    expect(parseCompareSearch('?from=rev:<script>&to=elsewhere&view=wide')).toEqual({ from: null, to: 'live', view: 'inline', hideFormatting: false });
  });
});

describe('revision labels', () => {
  it('suggests the next free "Rev.N"', () => {
    expect(nextRevisionLabel([])).toBe('Rev.1');
    expect(nextRevisionLabel([rev('a', 'Rev.1')])).toBe('Rev.2');
    expect(nextRevisionLabel([rev('a', "Chair's proposal"), rev('b', 'Rev.2')])).toBe('Rev.3');
  });

  it('compares the last revision with the live text by default', () => {
    expect(defaultPair([])).toBeNull();
    expect(defaultPair([rev('a', 'Rev.1'), rev('b', 'Rev.2')])).toEqual({ from: 'rev:b', to: 'live' });
  });

  it('offers the live text, then revisions newest first, then history points', () => {
    const history = [{ id: 'h1', at: '2026-11-23T14:05:00Z', reason: 'decision' } as HistoryPoint];
    const options = versionOptions([rev('a', 'Rev.1', '1 August 2026'), rev('b', 'Rev.2')], history);
    expect(options.map((o) => [o.ref, o.label])).toEqual([
      ['live', 'Live text'],
      ['rev:b', 'Rev.2'],
      ['rev:a', 'Rev.1 (1 August 2026)'],
      ['history:h1', '23 Nov 2026, 14:05 UTC · after a decision'],
    ]);
  });
});
