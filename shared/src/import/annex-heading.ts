/** "附件" / "Annex I": the draft resolution is an annex to a note, so what precedes the title is a note. */
const ANNEX = /^(?:附件|Annex|Annexe|Anexo|Приложение|المرفق)(?:\s*[IVX\d一二三四五六七八九十]+)?$/u;

export function isAnnexHeading(text: string): boolean {
  return ANNEX.test(text.trim());
}
