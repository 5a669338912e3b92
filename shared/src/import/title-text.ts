/**
 * What a text is called, read from its title line. A draft's title line often starts with the
 * number it will get ("[xx/xxx]. 联合国打击网络犯罪…公约", "[…] Countering…") or the one it has
 * ("78/243. Countering…", "A/RES/78/243 Countering…"): a placeholder is neither the title nor a
 * symbol, a real number or symbol is the symbol. Pure; the text itself keeps its title line as
 * written (the import is lossless), only the name shown in lists and headers is this.
 */
export interface TitleText {
  /** The document symbol or resolution number the line starts with, else ''. */
  symbol: string;
  /** The title without it; '' when the line was nothing but a number or placeholder. */
  title: string;
}

/** A leading bracketed token and the punctuation after it: `[xx/xxx]. `, `［…］`, `[ ] `. */
const LEADING_BRACKETS = /^[[［]([^\]］]{0,24})[\]］]\s*[.．。:：]?\s*/u;
/** Bracket content that stands for a number still to be given: no letter but x, no CJK. */
const PLACEHOLDER = /^[\sxX#_.…\-–—/*?·•0-9]*$/u;
/**
 * A UN document symbol at the start (as layout-artifacts.ts SYMBOL_LINE, not alone on its line);
 * every symbol has a session or year number, "HIV/AIDS/TB" has none.
 */
const LEADING_SYMBOL = /^(?=\S*\d)([A-Z]{1,6}(?:\/[A-Za-z0-9.()-]+){2,6})(?=$|[\s:;,—–])/;
/** A resolution or decision number as printed before its title: "78/243. ". */
const LEADING_NUMBER = /^(\d{1,3}\/\d{1,4})\s*[.．]\s+/;
/** What may separate a leading symbol from the title. */
const SEPARATOR = /^[\s.:;,—–-]+/u;

export function titleText(line: string): TitleText {
  let rest = line.replace(/\s+/gu, ' ').trim();
  const bracketed = LEADING_BRACKETS.exec(rest);
  if (bracketed && PLACEHOLDER.test(bracketed[1])) return { symbol: '', title: rest.slice(bracketed[0].length).trim() };
  const number = LEADING_NUMBER.exec(rest);
  if (number) return { symbol: number[1], title: rest.slice(number[0].length).trim() };
  const symbol = LEADING_SYMBOL.exec(rest);
  if (symbol) {
    const found = symbol[1].replace(/\.$/, '');
    rest = rest.slice(symbol[1].length).replace(SEPARATOR, '');
    return { symbol: found, title: rest.trim() };
  }
  return { symbol: '', title: rest };
}
