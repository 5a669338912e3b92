/**
 * The opening words the UN Editorial Manual sets in italics: a preambular paragraph's opening
 * phrase ("Recalling", "Noting with concern", "Deeply concerned") and an operative paragraph's
 * verb ("Decides", "Calls upon", "Takes note"), in English, French and Spanish. Chinese, Russian
 * and Arabic print them in roman, so for those languages there are none.
 *
 * Shared by the editor's decoration, the compare page, the print view and the Word export.
 */

export type OpeningKind = 'PP' | 'OP';

/** Character offsets into the paragraph's text: [start, end). */
export interface OpeningRange {
  start: number;
  end: number;
}

interface Grammar {
  /** Words that may come before the head: adverbs ("Deeply", "Also") or a reflexive pronoun. */
  before: string;
  /** The head word or fixed phrase. */
  head: string;
  /** Words that may follow and belong to the phrase ("with concern", "also", "upon"). */
  after: string;
}

const L = '\\p{L}';
const alt = (words: string[]) => `(?:${words.join('|')})`;

const EN_WITH = `with\\s+(?:(?:deep|grave|great|serious|profound|particular)\\s+)?${alt(['concern', 'appreciation', 'satisfaction', 'interest', 'regret', 'alarm', 'gratitude', 'approval'])}`;
const FR_AVEC = `avec\\s+(?:(?:une\\s+)?(?:vive|profonde|grande|grave|sérieuse|satisfaction\\s+et)\\s+)?${alt(['préoccupation', 'inquiétude', 'satisfaction', 'intérêt', 'regret', 'appréciation', 'gratitude', 'consternation'])}`;
const ES_CON = `con\\s+(?:(?:profunda|grave|gran|honda|seria|suma)\\s+)?${alt(['preocupación', 'satisfacción', 'beneplácito', 'aprecio', 'interés', 'reconocimiento', 'pesar', 'inquietud', 'alarma', 'gratitud'])}`;

const GRAMMARS: Record<string, Record<OpeningKind, Grammar>> = {
  en: {
    PP: {
      before: alt(['Also', 'Further', 'Again', 'Deeply', 'Gravely', 'Seriously', 'Strongly', 'Fully', 'Profoundly', 'Firmly', 'Particularly', 'Once\\s+again']),
      head: alt([
        `[Hh]aving\\s+${L}+(?:ed|en|wn|ne)`,
        `${L}+ing`,
        alt(['[Cc]oncerned', '[Cc]onvinced', '[Aa]ware', '[Aa]larmed', '[Mm]indful', '[Cc]onscious', '[Cc]ognizant', '[Dd]etermined', '[Dd]esirous', '[Ee]ncouraged', '[Gg]ratified', '[Gg]uided\\s+by', '[Dd]isturbed', '[Dd]ismayed', '[Rr]esolved', '[Ss]hocked', '[Ee]mphasizing']),
      ]),
      after: alt(['also', 'further', 'again', EN_WITH, 'in\\s+mind', 'into\\s+account', 'note']),
    },
    OP: {
      before: alt(['Also', 'Further', 'Again', 'Strongly', 'Firmly', 'Urgently', 'Once\\s+again', 'Further\\s+also']),
      head: alt(['[Cc]alls\\s+(?:up)?on', `${L}{2,}s`]),
      // "Expresses its appreciation", "Reiterates its deep concern": the Manual italicises the object too.
      after: alt(['also', 'further', 'again', 'note', 'strongly', EN_WITH, `its\\s+(?:(?:deep|grave|serious|full|strong|sincere|profound)\\s+)?${alt(['appreciation', 'concern', 'support', 'gratitude', 'regret', 'condolences'])}`]),
    },
  },
  fr: {
    PP: {
      before: alt(['Profondément', 'Vivement', 'Gravement', 'Sérieusement', 'Pleinement', 'Très', 'Se', "S['’]"]),
      head: alt([
        `[Aa]yant\\s+${L}+(?:é|ée|és|ées|i|ie|is|u|ue|us)`,
        `${L}+ant`,
        `${alt(['[Cc]onsciente?', '[Cc]onvaincue?', '[Pp]réoccupée?', '[Aa]larmée?', '[Rr]ésolue?', '[Dd]éterminée?', '[Ss]oucieuse', '[Ss]oucieux', '[Ii]nquiète', '[Cc]onsternée?', '[Gg]uidée?\\s+par', '[Ee]ncouragée?'])}`,
      ]),
      after: alt(['également', 'aussi', 'en\\s+outre', 'de\\s+nouveau', 'à\\s+nouveau', FR_AVEC, 'note', 'acte', 'compte', "à\\s+l['’]esprit"]),
    },
    OP: {
      before: alt(['Se', "S['’]"]),
      head: `${L}{3,}`,
      after: alt(['également', 'aussi', 'en\\s+outre', 'de\\s+nouveau', 'à\\s+nouveau', 'instamment', 'vivement', 'note', 'acte', FR_AVEC]),
    },
  },
  es: {
    PP: {
      before: alt(['Profundamente', 'Gravemente', 'Seriamente', 'Plenamente', 'Sumamente', 'Hondamente', 'Muy']),
      head: alt([
        `[Hh]abiendo\\s+${L}+(?:ado|ido|to|cho)`,
        `${L}+(?:ando|iendo|yendo)`,
        alt(['[Cc]onsciente', '[Cc]onvencid[ao]', '[Pp]reocupad[ao]', '[Aa]larmad[ao]', '[Dd]ecidid[ao]', '[Rr]esuelt[ao]', '[Gg]uiad[ao]\\s+por', '[Aa]lentad[ao]', '[Cc]onsternad[ao]']),
      ]),
      after: alt(['también', 'además', 'asimismo', 'nuevamente', 'de\\s+nuevo', ES_CON, 'nota', 'presente', 'en\\s+cuenta']),
    },
    OP: {
      before: alt(['Se']),
      head: `${L}{3,}`,
      after: alt(['también', 'además', 'asimismo', 'nuevamente', 'de\\s+nuevo', 'encarecidamente', 'nota', ES_CON]),
    },
  },
};

const cache = new Map<string, RegExp>();

function matcher(language: string, kind: OpeningKind): RegExp | null {
  const key = `${language}:${kind}`;
  let re = cache.get(key);
  if (!re) {
    const g = GRAMMARS[language]?.[kind];
    if (!g) return null;
    // Words end at a space or punctuation, never inside a word ("Recallingly" is no opening).
    const end = `(?=$|[^\\p{L}\\p{M}\\d'’-])`;
    // "S'inquiète": an elided pronoun is followed by its verb without a space.
    const phrase = `(?:${g.before}(?:\\s+|(?<=['’])))*${g.head}${end}(?:\\s+${g.after}${end})*`;
    re = new RegExp(`^\\s*(${phrase})`, 'u');
    cache.set(key, re);
  }
  return re;
}

/** "en-GB" → "en". */
function primaryLanguage(language: string): string {
  return language.trim().toLowerCase().split(/[-_]/)[0] ?? '';
}

/**
 * Where a paragraph's italic opening words are, or null when it has none (the language sets no
 * italics, or the paragraph does not open with such a phrase). The phrase must start with a
 * capital letter, as every PP and OP does; an operative sub-paragraph ("(a) to submit…") is the
 * caller's business: the Manual italicises only the OP's own verb.
 */
export function openingWords(text: string, kind: OpeningKind, language: string): OpeningRange | null {
  const re = matcher(primaryLanguage(language), kind);
  if (!re) return null;
  const m = re.exec(text);
  if (!m) return null;
  const start = m[0].length - m[1].length;
  const first = text[start];
  if (first === undefined || first === first.toLowerCase()) return null;
  return { start, end: m[0].length };
}

/** openingWords for a block of the schema: PPs and top-level OPs have them, other blocks none. */
export function blockOpeningWords(type: string, level: number, text: string, language: string): OpeningRange | null {
  if (type === 'preambular') return openingWords(text, 'PP', language);
  if (type === 'operative' && level <= 0) return openingWords(text, 'OP', language);
  return null;
}
