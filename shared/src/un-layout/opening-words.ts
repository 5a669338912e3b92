import { preambularOpening } from '../import/pp-openings.js';

/**
 * The opening words the UN Editorial Manual sets in italics: a preambular paragraph's participle
 * or adjective phrase ("*Noting with concern* that…", "*Recalling also* its resolution…") and an
 * operative paragraph's verb ("*Decides*", "*Also requests*", "*Takes note* of…", "*Calls upon*").
 * Only English, French and Spanish italicise them; other languages get 0.
 */

/** Words that continue an opening phrase (checked repeatedly, at most three times). */
const CONTINUATIONS: Record<string, RegExp> = {
  en: new RegExp(
    '^\\s+(?:also|further|again|' +
      'with (?:(?:deep|grave|serious|great|particular|profound|growing) )?(?:concern|appreciation|satisfaction|regret|interest|alarm|gratitude)|' +
      'in mind|into account|into consideration|note|upon|' +
      'its (?:(?:deep|grave|serious|full|strong|sincere) )?(?:appreciation|concern|support|gratitude|regret|condolences))\\b',
  ),
  fr: new RegExp(
    '^\\s+(?:également|aussi|en outre|de nouveau|à nouveau|instamment|note|acte|' +
      'avec (?:(?:une |la plus )?(?:vive |profonde |grande )?)?(?:préoccupation|inquiétude|satisfaction|intérêt|regret|gratitude))(?=[\\s,]|$)',
  ),
  es: new RegExp(
    '^\\s+(?:también|además|asimismo|nuevamente|encarecidamente|nota|presente|' +
      'con (?:(?:profunda |grave |gran |honda )?)(?:preocupación|beneplácito|satisfacción|reconocimiento|aprecio|interés|pesar))(?=[\\s,]|$)',
  ),
};

/** Adverbs before an operative verb: "Also decides", "Strongly condemns", "Once again urges". */
const OP_PREFIX: Record<string, RegExp> = {
  en: /^(?:(?:Also|Further|Again|Once again|Strongly|Further also|Firmly|Deeply|Emphatically|Reiterates and)\s+)?(?:[A-Za-z]+s)\b/,
  fr: /^(?:Se |S['’])?[A-ZÉÈÊÀÂÎÔÛÇa-zéèêàâîôûç]+\b/,
  es: /^(?:Se )?[A-ZÁÉÍÓÚÑa-záéíóúñ]+\b/,
};

/** How many characters at the start of `text` are the paragraph's italic opening words (0: none). */
export function openingWordsLength(text: string, language: string, kind: 'preambular' | 'operative'): number {
  const lang = language.slice(0, 2).toLowerCase();
  const more = CONTINUATIONS[lang];
  if (!more) return 0;
  let head: string | null;
  if (kind === 'preambular') head = preambularOpening(text, lang);
  else {
    const m = OP_PREFIX[lang].exec(text);
    // An operative paragraph starts with a capitalised verb; anything else has no opening words.
    head = m && /^\p{Lu}/u.test(m[0]) ? m[0] : null;
  }
  if (!head) return 0;
  let n = head.length;
  for (let i = 0; i < 3; i++) {
    const m = more.exec(text.slice(n));
    if (!m) break;
    n += m[0].length;
  }
  return n;
}
