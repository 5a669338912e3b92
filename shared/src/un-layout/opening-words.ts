import { openingWords } from '../opening-words.js';

/**
 * How many characters at the start of `text` the Word export sets in italics (0: none): the same
 * opening words the editor, compare page and print view italicise (`shared/src/opening-words.ts`).
 */
export function openingWordsLength(text: string, language: string, kind: 'preambular' | 'operative'): number {
  return openingWords(text, kind === 'preambular' ? 'PP' : 'OP', language)?.end ?? 0;
}
