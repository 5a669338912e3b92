/**
 * The words a preambular paragraph opens with, in the six UN languages. PPs are unnumbered, so
 * these openings are how a PP is told apart from a note when a text has no chapeau, and how a new
 * paragraph is told apart from a wrapped line.
 */

/** Chinese verbs; may be preceded by 还/又/并/也/再次/进一步 ("also", "further") or 表示 ("expressing"). */
const ZH_VERBS = [
  '回顾', '注意到', '满意地注意到', '关切地注意到', '坚信', '深信', '相信', '确信', '认识到', '承认',
  '强调指出', '强调', '重申', '关切', '深为关切', '深表关切', '严重关切', '感到关切', '关注', '欢迎',
  '铭记', '确认', '申明', '考虑到', '意识到', '认为', '赞赏', '赞扬', '震惊', '深感震惊', '遵循',
  '决心', '希望', '痛惜', '谴责', '指出', '了解到', '审议了', '忆及', '知悉', '回顾到',
];
const ZH = new RegExp(`^(?:还|又|并|也|再次|进一步|同时)?(?:表示)?(?:${ZH_VERBS.join('|')})`);

/** English: a capitalised participle ("Recalling", "Also recalling") or one of the adjectival openings. */
const EN = new RegExp(
  '^(?:(?:Also|Further|Further also|Again)\\s+[a-z]+ing\\b|(?:(?:Also|Further|Further also|Again)\\s+)?(?:[A-Z][a-z]+ing\\b|' +
    [
      'Deeply concerned', 'Gravely concerned', 'Seriously concerned', 'Concerned', 'Bearing in mind',
      'Having considered', 'Having examined', 'Having reviewed', 'Taking note', 'Mindful', 'Convinced',
      'Aware', 'Alarmed', 'Guided by', 'Cognizant', 'Conscious', 'Determined', 'Desirous', 'Appreciating',
      'Deploring', 'Encouraged', 'Gratified', 'Fully aware', 'Keeping in mind', 'Taking into account',
    ].join('|') +
    '))\\b',
);

const FR = new RegExp(
  '^(?:' +
    [
      'Rappelant', 'Notant', 'Prenant note', 'Considérant', 'Réaffirmant', 'Reconnaissant', 'Soulignant',
      'Accueillant', 'Se félicitant', 'Consciente?', 'Convaincue?', 'Préoccupée?', 'Profondément préoccupée?',
      'Vivement préoccupée?', 'Ayant examiné', 'Guidée?', 'Tenant compte', 'Sachant', 'Estimant',
      'Exprimant', 'Insistant', 'Constatant', 'Affirmant', 'Rappelant également', 'Notant également',
    ].join('|') +
    ')(?=[\\s,])|^[A-ZÉ][a-zéèêàâîôûç]+ant\\b',
);

const ES = new RegExp(
  '^(?:' +
    [
      'Recordando', 'Observando', 'Reconociendo', 'Reafirmando', 'Considerando', 'Subrayando', 'Destacando',
      'Acogiendo', 'Tomando nota', 'Consciente', 'Convencida', 'Preocupada', 'Profundamente preocupada',
      'Teniendo presente', 'Habiendo examinado', 'Guiada', 'Poniendo de relieve', 'Expresando',
    ].join('|') +
    ')(?=[\\s,])|^[A-ZÁÉÍÓÚ][a-záéíóúñ]+(?:ando|iendo)\\b',
);

const RU = new RegExp(
  '^(?:' +
    [
      'Ссылаясь', 'Отмечая', 'Признавая', 'Подтверждая', 'Вновь подтверждая', 'Учитывая', 'Принимая во внимание',
      'Будучи убеждена', 'Будучи глубоко обеспокоена', 'Будучи обеспокоена', 'Выражая', 'Приветствуя',
      'Подчеркивая', 'Подчёркивая', 'Сознавая', 'Напоминая', 'Руководствуясь', 'Памятуя', 'Считая',
      'Рассмотрев', 'Констатируя', 'Будучи преисполнена решимости', 'Особо отмечая', 'Сославшись',
    ].join('|') +
    ')(?=[\\s,])',
);

/** Arabic PPs are circumstantial clauses: إذ تشير… / وإذ تلاحظ… */
const AR = /^و?إذ\s/u;

export function isPreambularOpening(text: string): boolean {
  const t = text.trimStart();
  return ZH.test(t) || EN.test(t) || FR.test(t) || ES.test(t) || RU.test(t) || AR.test(t);
}

/** The Latin-script languages whose patterns `preambularOpening` exposes (house style italics). */
const LATIN_OPENINGS: Record<string, RegExp> = { en: EN, fr: FR, es: ES };

/**
 * The opening words a PP starts with in English, French or Spanish ("Recalling", "Deeply
 * concerned", "Also noting", "Rappelant", "Teniendo presente"), or null. un-layout/opening-words.ts
 * extends them ("Noting with concern") for the italics of the UN Editorial Manual.
 */
export function preambularOpening(text: string, language: string): string | null {
  const re = LATIN_OPENINGS[language];
  const m = re?.exec(text);
  return m && m.index === 0 ? m[0] : null;
}
