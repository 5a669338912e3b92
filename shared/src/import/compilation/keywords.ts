import type { PositionWord } from '../../brackets/rulebook.js';
import type { ParagraphStatus } from '../../brackets/types.js';

/**
 * The words of the compilation-text grammar in the six UN languages (PRODUCT.md, "Compilation-text
 * grammar"). Matching is case-insensitive; a language's words are tried in every text, since a
 * French compilation text may quote an English position and vice versa.
 */

/** Position keywords: "delete" / "retain" and their translations. */
export const POSITION_WORDS: Record<PositionWord, readonly string[]> = {
  delete: ['delete', 'supprimer', 'suprimir', 'исключить', '删除', 'حذف'],
  retain: ['retain', 'maintenir', 'mantener', 'сохранить', '保留', 'إبقاء'],
};

/** Words that open an alternative: "Alt 1", "Option 2", "Variante 1", "Opción 2", "Вариант 1", "备选案文 1". */
export const ALTERNATIVE_WORDS: readonly string[] = ['Alternative', 'Alt', 'Option', 'Variante', 'Opción', 'Opcion', 'Вариант', '备选案文', 'البديل'];

/** Latin ordinals of paragraphs added during a negotiation ("5 bis", "5 ter", …). */
export const LATIN_ORDINALS: readonly string[] = ['bis', 'ter', 'quater', 'quinquies', 'sexies', 'septies', 'octies', 'novies', 'decies'];

export interface StatusWording {
  status: Exclude<ParagraphStatus, 'open'>;
  /** The note as written, without its parentheses; matched case-insensitively, spaces collapsed. */
  words: string;
}

/**
 * Status notes, longest first within a meaning. "(agreed in informals, pending Japan)" is matched
 * by its prefix and the delegation named after it (PENDING_WORDS).
 */
export const STATUS_NOTES: readonly StatusWording[] = [
  // English
  { status: 'adref', words: 'agreed ad referendum' },
  { status: 'adref', words: 'agreed ad ref' },
  { status: 'adref', words: 'ad referendum' },
  { status: 'adref', words: 'ad ref' },
  { status: 'informals', words: 'agreed in informals' },
  { status: 'agreed', words: 'agreed' },
  { status: 'deleted', words: 'deleted' },
  { status: 'adopted', words: 'adopted under silence procedure' },
  { status: 'adopted', words: 'adopted under the silence procedure' },
  // French
  { status: 'adref', words: 'convenu ad referendum' },
  { status: 'adref', words: 'convenu ad ref' },
  { status: 'adref', words: 'approuvé ad referendum' },
  { status: 'informals', words: 'convenu lors des consultations officieuses' },
  { status: 'informals', words: 'convenu en consultations officieuses' },
  { status: 'agreed', words: 'convenu' },
  { status: 'agreed', words: 'approuvé' },
  { status: 'deleted', words: 'supprimé' },
  { status: 'adopted', words: "adopté selon la procédure d'approbation tacite" },
  { status: 'adopted', words: "adopté par la procédure d'approbation tacite" },
  // Spanish
  { status: 'adref', words: 'acordado ad referéndum' },
  { status: 'adref', words: 'acordado ad referendum' },
  { status: 'adref', words: 'acordado ad ref' },
  { status: 'adref', words: 'ad referéndum' },
  { status: 'informals', words: 'acordado en consultas oficiosas' },
  { status: 'informals', words: 'acordado en las consultas oficiosas' },
  { status: 'agreed', words: 'acordado' },
  { status: 'agreed', words: 'convenido' },
  { status: 'deleted', words: 'suprimido' },
  { status: 'adopted', words: 'aprobado mediante el procedimiento de acuerdo tácito' },
  // Russian
  { status: 'adref', words: 'согласовано ad referendum' },
  { status: 'adref', words: 'согласовано ad ref' },
  { status: 'informals', words: 'согласовано в ходе неофициальных консультаций' },
  { status: 'informals', words: 'согласовано на неофициальных консультациях' },
  { status: 'agreed', words: 'согласовано' },
  { status: 'deleted', words: 'исключено' },
  { status: 'adopted', words: 'принято в соответствии с процедурой отсутствия возражений' },
  // Chinese
  { status: 'adref', words: '暂时商定' },
  { status: 'adref', words: '待核准商定' },
  { status: 'informals', words: '在非正式磋商中商定' },
  { status: 'informals', words: '非正式磋商中商定' },
  { status: 'agreed', words: '已商定' },
  { status: 'agreed', words: '商定' },
  { status: 'deleted', words: '已删除' },
  { status: 'adopted', words: '按默许程序通过' },
  // Arabic
  { status: 'adref', words: 'متفق عليه رهنا بالاستشارة' },
  { status: 'adref', words: 'متفق عليه بشرط الاستشارة' },
  { status: 'informals', words: 'متفق عليه في المشاورات غير الرسمية' },
  { status: 'agreed', words: 'متفق عليه' },
  { status: 'deleted', words: 'محذوف' },
  { status: 'adopted', words: 'اعتمد بموجب إجراء الموافقة الضمنية' },
];

/** "…, pending Japan": the delegation an agreement in informals still waits for. */
export const PENDING_WORDS: readonly string[] = ['pending', 'en attente de', 'sous réserve de', 'pendiente de', 'в ожидании', 'до', '待', 'بانتظار'];

/** How export writes each status (English, the grammar's reference form). */
export const STATUS_NOTE_OUT: Record<Exclude<ParagraphStatus, 'open'>, string> = {
  agreed: 'agreed',
  adref: 'agreed ad ref',
  informals: 'agreed in informals',
  deleted: 'deleted',
  adopted: 'adopted under silence procedure',
};

/** Escapes a literal for a RegExp. */
export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** "alt|alternative|option|…" as a RegExp alternation, longest first (so "Alternative" beats "Alt"). */
export function alternation(words: readonly string[]): string {
  return [...words].sort((a, b) => b.length - a.length).map(escapeRe).join('|');
}

/** The words export writes, in the text's language (English when the language is not one of the six). */
export interface OutWords {
  delete: string;
  retain: string;
  alt: string;
  status: Record<Exclude<ParagraphStatus, 'open'>, string>;
  pending: string;
}

export const OUT_WORDS: Record<string, OutWords> = {
  en: { delete: 'delete', retain: 'retain', alt: 'Alt', pending: 'pending', status: STATUS_NOTE_OUT },
  fr: {
    delete: 'supprimer',
    retain: 'maintenir',
    alt: 'Variante',
    pending: 'en attente de',
    status: { agreed: 'convenu', adref: 'convenu ad referendum', informals: 'convenu lors des consultations officieuses', deleted: 'supprimé', adopted: "adopté selon la procédure d'approbation tacite" },
  },
  es: {
    delete: 'suprimir',
    retain: 'mantener',
    alt: 'Opción',
    pending: 'pendiente de',
    status: { agreed: 'acordado', adref: 'acordado ad referéndum', informals: 'acordado en consultas oficiosas', deleted: 'suprimido', adopted: 'aprobado mediante el procedimiento de acuerdo tácito' },
  },
  ru: {
    delete: 'исключить',
    retain: 'сохранить',
    alt: 'Вариант',
    pending: 'в ожидании',
    status: { agreed: 'согласовано', adref: 'согласовано ad referendum', informals: 'согласовано в ходе неофициальных консультаций', deleted: 'исключено', adopted: 'принято в соответствии с процедурой отсутствия возражений' },
  },
  zh: {
    delete: '删除',
    retain: '保留',
    alt: '备选案文',
    pending: '待',
    status: { agreed: '已商定', adref: '暂时商定', informals: '在非正式磋商中商定', deleted: '已删除', adopted: '按默许程序通过' },
  },
  ar: {
    delete: 'حذف',
    retain: 'إبقاء',
    alt: 'البديل',
    pending: 'بانتظار',
    status: { agreed: 'متفق عليه', adref: 'متفق عليه رهنا بالاستشارة', informals: 'متفق عليه في المشاورات غير الرسمية', deleted: 'محذوف', adopted: 'اعتمد بموجب إجراء الموافقة الضمنية' },
  },
};

export function outWords(language: string): OutWords {
  return OUT_WORDS[language.toLowerCase().split('-')[0]] ?? OUT_WORDS.en;
}
