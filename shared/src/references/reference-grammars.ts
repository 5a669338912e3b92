/**
 * How each UN language writes a reference to paragraphs of the same text. Hand-written: no library
 * recognises legal cross-references in these six languages. Each grammar is read by
 * find-references.ts as: [before] start item (joiner item)* [end] [direction | external].
 *
 * References to other documents ("paragraph 5 of resolution 74/247", "第 74/247 号决议第 5 段",
 * "пункт 5 резолюции 74/247", "الفقرة 5 من القرار") are not references to this text: `external`
 * (after the numbers) and `externalBefore` (before them, for Chinese) recognise them and they are
 * skipped. "Of the present resolution", "本决议", "de la présente résolution" stay internal.
 */
export interface ReferenceGrammar {
  language: string;
  /** Global: the words that open a reference. Group `pp`: it names preambular paragraphs; `above`/`below`: a direction word before the numbers (上文). */
  start: RegExp;
  /** Sticky: between two numbers. Group `range`: the two are the ends of a range. */
  joiner: RegExp;
  /** Sticky: what must close the numbers (Chinese 段). */
  end?: RegExp;
  /** Sticky: a direction word after the numbers; group `above` or `below`. */
  direction?: RegExp;
  /** Sticky: the numbers belong to another document. */
  external?: RegExp;
  /** Tested on the text before the reference: the numbers belong to another document. */
  externalBefore?: RegExp;
}

const NOT_LETTER = '(?![\\p{L}\\p{N}])';

export const referenceGrammars: readonly ReferenceGrammar[] = [
  {
    language: 'en',
    start: /(?<![\p{L}\p{N}-])(?:(?<pp>preambular)\s+|operative\s+|sub-?)?paragraphs?\s+/giu,
    joiner: /(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+|(?<range>\s+(?:to|through)\s+|\s*[–—-]\s*))/iuy,
    direction: new RegExp(`\\s+(?:(?<above>above)|(?<below>below))${NOT_LETTER}`, 'iuy'),
    external: /\s+of\s+(?!(?:the\s+)?(?:present|this)\s)/iuy,
  },
  {
    language: 'fr',
    start: /(?<![\p{L}\p{N}-])paragraphes?\s+/giu,
    joiner: /(?:\s*,\s*(?:et\s+|ou\s+)?|\s+(?:et|ou)\s+|(?<range>\s+(?:à|au)\s+|\s*[–—-]\s*))/iuy,
    direction: new RegExp(`\\s+(?:(?<above>ci-dessus)|(?<below>ci-après|ci-dessous))${NOT_LETTER}`, 'iuy'),
    external: /\s+(?:de|du|des)\s+(?!la\s+présente|le\s+présent|cette\s|ce\s|dispositif)/iuy,
  },
  {
    language: 'es',
    start: /(?<![\p{L}\p{N}-])(?:sub)?p[áa]rrafos?\s+/giu,
    joiner: /(?:\s*,\s*(?:y\s+|e\s+|o\s+)?|\s+(?:y|e|o|u)\s+|(?<range>\s+(?:a|al)\s+|\s*[–—-]\s*))/iuy,
    direction: new RegExp(`\\s+(?:(?<above>supra|anteriores?|precedentes?)|(?<below>infra|siguientes?))${NOT_LETTER}`, 'iuy'),
    external: /\s+(?:de|del)\s+(?!la\s+presente|el\s+presente|esta\s|este\s|la\s+parte\s+dispositiva)/iuy,
  },
  {
    language: 'ru',
    start: /(?<![\p{L}\p{N}-])(?:под)?пункт(?:ах|ами|ам|ов|ом|ы|а|е|у)?\s+/giu,
    joiner: /(?:\s*,\s*(?:и\s+)?|\s+(?:и|или)\s+|(?<range>\s+по\s+|\s*[–—-]\s*))/iuy,
    direction: new RegExp(`\\s+(?:(?<above>выше)|(?<below>ниже))${NOT_LETTER}`, 'iuy'),
    external: /\s+(?:(?:своей|своего|его|ее|её|их)\s+)?(?:резолюци|решени|доклад|приложени|стать|конвенци|документ|протокол|декларац)/iuy,
  },
  {
    language: 'zh',
    start: /(?:(?<above>上文|前文)|(?<below>下文)|本决议|本决定)?第\s*/gu,
    joiner: /(?:\s*(?:和|及|与|、|，|,)\s*(?:第\s*)?|(?<range>\s*(?:至|到|－|–|—|-)\s*(?:第\s*)?))/uy,
    end: /\s*段/uy,
    externalBefore: /(?:(?<!本)(?:决议|决定|公约|报告|附件|议定书|文件|宣言|议程|纲领|成果|协定|条约|宪章|号|条)|[》」])\s*的?\s*$/u,
  },
  {
    language: 'ar',
    start: /(?<![\p{L}\p{N}])(?:[وفبك]?ال|[وف]?لل)?فقر(?:ات|تين|تان|ة)\s+(?:من\s+)?/gu,
    joiner: /(?:\s*[،,]\s*(?:و\s*)?|\s+و\s*|(?<range>\s+(?:إلى|الى|حتى)\s+|\s*[–—-]\s*))/uy,
    direction: /\s*(?:(?<above>أعلاه)|(?<below>أدناه))/uy,
    external: /\s+من\s+(?!هذا|هذه)/uy,
  },
];
