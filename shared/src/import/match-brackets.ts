/** A matched, non-empty `[…]`: the indices of its two characters and of its enclosing pair. */
export interface BracketPair {
  open: number;
  close: number;
  /** Index in the pair list of the enclosing pair (-1: top level). */
  parent: number;
}

/**
 * Matches brackets with a stack, skipping `skip` (footnote markers). Pairs are listed in order of
 * their opening. An unmatched or empty bracket is a literal character, counted in `literal`.
 */
export function matchBrackets(text: string, skip: ReadonlySet<number> = new Set()): { pairs: BracketPair[]; literal: number } {
  const opens: number[] = [];
  const found: { open: number; close: number }[] = [];
  let literal = 0;
  for (let i = 0; i < text.length; i++) {
    if (skip.has(i)) continue;
    if (text[i] === '[') opens.push(i);
    else if (text[i] === ']') {
      const open = opens.pop();
      if (open === undefined) literal++;
      else if (i - open === 1) literal += 2;
      else found.push({ open, close: i });
    }
  }
  literal += opens.length;
  found.sort((a, b) => a.open - b.open);
  const pairs: BracketPair[] = [];
  const stack: number[] = [];
  for (const f of found) {
    while (stack.length && pairs[stack[stack.length - 1]].close < f.open) stack.pop();
    pairs.push({ ...f, parent: stack.length ? stack[stack.length - 1] : -1 });
    stack.push(pairs.length - 1);
  }
  return { pairs, literal };
}
