import { describe, expect, it } from 'vitest';
import { exportPlainText, importPlainText, paragraphLabels, type ImportResult } from '../../src/index.js';
import type { Proposal } from '../../src/brackets/types.js';

/** The proposals of an import in reading order, with what the grammar gave them. */
function read(text: string) {
  const r = importPlainText(text);
  const list = Object.values(r.proposals).map((p) => ({
    kind: p.kind,
    by: p.sponsors.map((s) => (s.via ? `${s.name} (${s.via})` : s.name)),
    retain: p.supporters.map((s) => s.name),
    delete: p.opposers.map((s) => s.name),
    text: p.text ?? p.anchorText,
    ...(p.alt && { alt: p.alt }),
    ...(p.existing && { existing: true }),
    group: p.group,
  }));
  return { r, list, plain: exportPlainText(r.doc).trim() };
}

const only = (text: string) => read(text).list;

describe('compilation grammar: attributions (CG1)', () => {
  it('[CG1] the issue example: sponsors before the bracketed text, the bare bracket pending', () => {
    const { list, plain, r } = read('[Deeply] concerned [G77: by the rise] [EU: about the rise and diversity] of crime');
    expect(list.map(({ kind, by, text }) => ({ kind, by, text }))).toEqual([
      { kind: 'pending', by: [], text: 'Deeply' },
      { kind: 'insert', by: ['G77'], text: 'by the rise' },
      { kind: 'insert', by: ['EU'], text: 'about the rise and diversity' },
    ]);
    expect(plain).toBe('[Deeply] concerned [by the rise] [about the rise and diversity] of crime');
    expect(r.recognised).toEqual(['G77: ', 'EU: ']);
  });

  it('[CG1] sponsors after the text, in parentheses, several, a group through a member', () => {
    expect(only('1. Decides [to act - EU]')[0]).toMatchObject({ kind: 'insert', by: ['EU'], text: 'to act' });
    expect(only('1. Decides [to act (EU)]')[0]).toMatchObject({ kind: 'insert', by: ['EU'], text: 'to act' });
    expect(only('1. Decides [EU, Norway: to act]')[0]).toMatchObject({ by: ['EU', 'Norway'], text: 'to act' });
    expect(only('1. Decides [G77 and China (Sudan): to act]')[0]).toMatchObject({ by: ['G77 and China (Sudan)'] });
    expect(only('1. Decides [Sudan, for the G77 and China: to act]')[0]).toMatchObject({ by: ['G77 and China (Sudan)'] });
    const r = importPlainText('1. Decides [G77 and China (Sudan): to act]');
    expect(Object.values(r.proposals)[0].sponsors).toEqual([{ name: 'G77 and China', via: 'Sudan' }]);
  });

  it('[CG1] Chinese and French: fullwidth colon, names in any script', () => {
    expect(only('1. 决定[欧盟：采取行动]')[0]).toMatchObject({ kind: 'insert', by: ['欧盟'], text: '采取行动' });
    expect(only('1. 决定[采取行动（七十七国集团和中国）]')[0]).toMatchObject({ by: ['七十七国集团和中国'], text: '采取行动' });
    expect(only('1. Décide [Union européenne : d’agir]')[0]).toMatchObject({ by: ['Union européenne'], text: 'd’agir' });
    expect(only('1. Décide [d’agir - Suisse]')[0]).toMatchObject({ by: ['Suisse'], text: 'd’agir' });
  });

  it('[CG1] text that only looks like an attribution stays text', () => {
    expect(only('1. Decides [to act - and soon]')[0]).toMatchObject({ kind: 'pending', text: 'to act - and soon' });
    expect(only('1. Decides [in 2019 (A/74/130)]')[0]).toMatchObject({ kind: 'pending' });
    expect(only('1. Decides [recalling its resolution: 70/1]')[0]).toMatchObject({ kind: 'pending' });
  });
});

describe('compilation grammar: positions on the bracket before (CG2)', () => {
  it('[CG2] every English form, worded by the rulebook (retain = supporter, delete = opposer)', () => {
    expect(only('1. Decides [EU: to act] [US: delete]')).toEqual([expect.objectContaining({ by: ['EU'], delete: ['US'], retain: [] })]);
    expect(only('1. Decides [EU: to act] [delete - US]')[0]).toMatchObject({ delete: ['US'] });
    expect(only('1. Decides [EU: to act] [Canada, Japan retain]')[0]).toMatchObject({ retain: ['Canada', 'Japan'] });
    expect(only('1. Decides [to act] [G77 delete; EU retain]')[0]).toMatchObject({ kind: 'pending', retain: ['EU'], delete: ['G77'] });
    expect(only('1. Decides [to act - EU; US delete]')[0]).toMatchObject({ by: ['EU'], delete: ['US'] });
    expect(read('1. Decides [EU: to act] [US: delete]').plain).toBe('1. Decides [to act]');
  });

  it('[CG2] Chinese, French, Spanish, Russian and Arabic keywords', () => {
    expect(only('1. 决定[欧盟：采取行动][美国：删除]')[0]).toMatchObject({ delete: ['美国'] });
    expect(only('1. 决定[采取行动][日本保留；美国删除]')[0]).toMatchObject({ retain: ['日本'], delete: ['美国'] });
    expect(only('1. Décide [d’agir] [États-Unis : supprimer] [Japon, Suisse maintenir]')[0]).toMatchObject({
      delete: ['États-Unis'],
      retain: ['Japon', 'Suisse'],
    });
    expect(only('1. Decide [actuar] [Estados Unidos: suprimir; México mantener]')[0]).toMatchObject({ delete: ['Estados Unidos'], retain: ['México'] });
    expect(only('1. Постановляет [действовать] [США: исключить]')[0]).toMatchObject({ delete: ['США'] });
    expect(only('1. يقرر [العمل] [الاتحاد الأوروبي: إبقاء]')[0]).toMatchObject({ retain: ['الاتحاد الأوروبي'] });
  });

  it('[CG2] a later position of the same delegation replaces its earlier one; a sponsor does not "retain" its own text', () => {
    expect(only('1. Decides [EU: to act] [US delete] [US, EU retain]')[0]).toMatchObject({ retain: ['US'], delete: [] });
  });

  it('[CG2] "[US: delete]" after a paragraph\'s text (no bracket before it) proposes deleting the paragraph', () => {
    const list = only('3. Requests a report. [US: delete; Japan delete; EU retain]');
    expect(list).toEqual([expect.objectContaining({ kind: 'deleteParagraph', by: ['US'], retain: ['Japan'], delete: ['EU'] })]);
  });

  it('[CG2] positions that follow nothing stay text, with a warning', () => {
    const { list, r } = read('1. Requests [US: delete] a report.');
    expect(list[0]).toMatchObject({ kind: 'pending', text: 'US: delete' });
    expect(r.warnings.some((w) => w.startsWith('OP1, at character 10') && w.includes('follow no bracket'))).toBe(true);
  });
});

describe('compilation grammar: alternatives (CG3)', () => {
  it('[CG3] "[Alt 1: …] [Alt 2: …]" is one group; an unsponsored Alt 1 is the original text', () => {
    const list = only('1. Decides [Alt 1: to act] [Alt 2 - EU: to consider] [Alt 3 (US): to wait]');
    expect(list.map(({ kind, by, alt, existing, text }) => ({ kind, by, alt, existing, text }))).toEqual([
      { kind: 'alternative', by: [], alt: 1, existing: true, text: 'to act' },
      { kind: 'alternative', by: ['EU'], alt: 2, existing: undefined, text: 'to consider' },
      { kind: 'alternative', by: ['US'], alt: 3, existing: undefined, text: 'to wait' },
    ]);
    expect(new Set(list.map((p) => p.group)).size).toBe(1);
  });

  it('[CG3] Option, Variante, Opción, Вариант, 备选案文; a new "Alt 1" starts a new group', () => {
    for (const w of ['Option', 'Variante', 'Opción', 'Вариант']) {
      const list = only(`1. X [${w} 1: a] [${w} 2: EU: b]`);
      expect(list.map((p) => [p.kind, p.alt, p.by])).toEqual([['alternative', 1, []], ['alternative', 2, ['EU']]]);
    }
    const zh = only('1. 决定[备选案文1：采取行动][备选案文2：欧盟：审议]');
    expect(zh.map((p) => [p.alt, p.by, p.text])).toEqual([[1, [], '采取行动'], [2, ['欧盟'], '审议']]);
    const two = only('1. X [Alt 1: a] [Alt 2: b] and [Alt 1: c] [Alt 2: d]');
    expect(new Set(two.map((p) => p.group)).size).toBe(2);
  });

  it('[CG3] slash alternatives in one bracket, each with its own sponsors', () => {
    const { list, plain } = read('2. Requests [promoting sustainable - US / changing unsustainable - EU] patterns');
    expect(list.map(({ kind, by, alt, text }) => ({ kind, by, alt, text }))).toEqual([
      { kind: 'alternative', by: ['US'], alt: 1, text: 'promoting sustainable' },
      { kind: 'alternative', by: ['EU'], alt: 2, text: 'changing unsustainable' },
    ]);
    expect(list[0].group).toBe(list[1].group);
    expect(plain).toBe('2. Requests [promoting sustainable][changing unsustainable] patterns');
  });
});

describe('compilation grammar: nesting and placeholders (CG4)', () => {
  it('[CG4] nested brackets keep their own sponsors; placeholders are pending, not proposals', () => {
    const list = only('1. Decides [EU: to act [US: swiftly] [by [date]]] on [日期] in [xx/xxx] […]');
    expect(list.map(({ kind, by, text }) => [kind, by, text])).toEqual([
      ['insert', ['EU'], 'to act swiftly by date'],
      ['insert', ['US'], 'swiftly'],
      ['pending', [], 'by date'],
      ['pending', [], 'date'],
      ['pending', [], '日期'],
      ['pending', [], 'xx/xxx'],
      ['pending', [], '…'],
    ]);
  });
});

describe('compilation grammar: proposed paragraphs (CG5)', () => {
  const text = [
    'The General Assembly,',
    'Recalling its resolutions,',
    'PP1 bis [Norway: Noting the report,]',
    '1. Decides to act;',
    '1 bis. [Canada: Requests the Secretary-General to report;]',
    '1 ter. Invites States;',
    '1 alt. [US: Decides to wait;]',
    '2. Requests […]',
    '2 alt 2 Something else;',
    '3 bis. […]',
  ].join('\n\n');

  it('[CG5] "5 bis.", "5 ter.", "5 alt.", "5 alt 2", "PP3 bis" are new paragraphs, labelled as written, never glued to the one before', () => {
    const r = importPlainText(text);
    const labels = paragraphLabels(r.doc);
    const shorts: string[] = [];
    r.doc.forEach((b) => shorts.push(labels.get(b.attrs.id as string)?.short ?? b.type.name));
    expect(shorts).toEqual(['note', 'PP1', 'PP1 bis', 'OP1', 'OP1 bis', 'OP1 ter', 'OP1 alt', 'OP2', 'OP2 alt', 'OP2 bis']);
    expect(exportPlainText(r.doc)).toContain('1 bis. [Requests the Secretary-General to report;]');
    expect(r.recognised).toContain('1 bis.');
  });

  it('[CG5] a wholly bracketed one with a sponsor is that sponsor\'s newParagraph; an alternative replaces its original', () => {
    const r = importPlainText(text);
    const byParagraph = (label: string): Proposal => {
      const labels = paragraphLabels(r.doc);
      const id = [...labels].find(([, l]) => l.short === label)![0];
      return Object.values(r.proposals).find((p) => p.kind === 'newParagraph' && p.paragraphId === id)!;
    };
    expect(byParagraph('OP1 bis')).toMatchObject({ sponsors: [{ name: 'Canada' }], text: 'Requests the Secretary-General to report;' });
    expect(byParagraph('PP1 bis')).toMatchObject({ sponsors: [{ name: 'Norway' }] });
    expect(byParagraph('OP1 ter')).toMatchObject({ sponsors: [], text: 'Invites States;' });
    const alt = byParagraph('OP1 alt');
    expect(alt.sponsors).toEqual([{ name: 'US' }]);
    let op1 = '';
    r.doc.forEach((b) => {
      if (b.textContent === 'Decides to act;') op1 = b.attrs.id as string;
    });
    expect(alt.replaces).toBe(op1);
    expect(byParagraph('OP2 bis')).toMatchObject({ sponsors: [], text: '…' });
  });

  it('[CG5] "5 alt" without a paragraph 5 is read as a new paragraph, with a warning', () => {
    const r = importPlainText('1. Decides;\n\n7 alt. Something');
    expect(r.warnings.some((w) => w.includes('"7 alt."') && w.includes('no paragraph 7'))).toBe(true);
  });
});

describe('compilation grammar: status notes (CG6)', () => {
  const statusOf = (text: string) => {
    const r: ImportResult = importPlainText(`1. Decides to act ${text}`);
    return { state: Object.values(r.paragraphs)[0], plain: exportPlainText(r.doc).trim() };
  };
  it('[CG6] English forms become the paragraph status and leave the text', () => {
    expect(statusOf('(agreed)')).toEqual({ state: { status: 'agreed' }, plain: '1. Decides to act' });
    expect(statusOf('(agreed ad ref)').state).toEqual({ status: 'adref' });
    expect(statusOf('(agreed ad referendum)').state).toEqual({ status: 'adref' });
    expect(statusOf('(ad ref)').state).toEqual({ status: 'adref' });
    expect(statusOf('(agreed in informals)').state).toEqual({ status: 'informals' });
    expect(statusOf('(agreed in informals, pending Japan)').state).toEqual({ status: 'informals', pending: 'Japan' });
    expect(statusOf('(Agreed Ad Ref)').state).toEqual({ status: 'adref' });
  });
  it('[CG6] French, Spanish, Russian, Chinese and Arabic forms', () => {
    expect(statusOf('(convenu ad referendum)').state).toEqual({ status: 'adref' });
    expect(statusOf('(convenu)').state).toEqual({ status: 'agreed' });
    expect(statusOf('(convenu lors des consultations officieuses, en attente de Japon)').state).toEqual({ status: 'informals', pending: 'Japon' });
    expect(statusOf('(acordado ad referéndum)').state).toEqual({ status: 'adref' });
    expect(statusOf('(согласовано ad referendum)').state).toEqual({ status: 'adref' });
    expect(statusOf('（暂时商定）')).toEqual({ state: { status: 'adref' }, plain: '1. Decides to act' });
    expect(statusOf('（已商定）').state).toEqual({ status: 'agreed' });
    expect(statusOf('(متفق عليه)').state).toEqual({ status: 'agreed' });
  });
  it('[CG6] adopted under silence procedure (BR94), in the six languages', () => {
    expect(statusOf('(adopted under silence procedure)')).toEqual({ state: { status: 'adopted' }, plain: '1. Decides to act' });
    expect(statusOf("(adopté selon la procédure d'approbation tacite)").state).toEqual({ status: 'adopted' });
    expect(statusOf('(aprobado mediante el procedimiento de acuerdo tácito)').state).toEqual({ status: 'adopted' });
    expect(statusOf('(принято в соответствии с процедурой отсутствия возражений)').state).toEqual({ status: 'adopted' });
    expect(statusOf('（按默许程序通过）').state).toEqual({ status: 'adopted' });
    expect(statusOf('(اعتمد بموجب إجراء الموافقة الضمنية)').state).toEqual({ status: 'adopted' });
  });
  it('[CG6] a note not understood stays text, with a warning; a note mid-paragraph is text', () => {
    const r = importPlainText('1. Decides to act (agreed subject to translation)');
    expect(r.paragraphs).toEqual({});
    expect(exportPlainText(r.doc)).toContain('(agreed subject to translation)');
    expect(r.warnings.some((w) => w.startsWith('OP1, at character') && w.includes('not read as a paragraph status'))).toBe(true);
    expect(importPlainText('1. Decides (agreed) to act').paragraphs).toEqual({});
  });
});

describe('compilation grammar: revision label (CG7)', () => {
  it('[CG7] a "Rev.2" line is the revision label and leaves the text; a longer header line keeps its text', () => {
    const a = importPlainText('Rev.2\n\nThe General Assembly,\n\n1. Decides;');
    expect(a.meta.revisionLabel).toBe('Rev.2');
    expect(exportPlainText(a.doc)).not.toContain('Rev.2');
    const b = importPlainText("Facilitator's compilation text, Rev.3 (as at 16:00)\n\nThe General Assembly,\n\n1. Decides;");
    expect(b.meta.revisionLabel).toBe('Rev.3');
    expect(exportPlainText(b.doc)).toContain("Facilitator's compilation text, Rev.3 (as at 16:00)");
    expect(importPlainText('A/C.3/74/L.11/Rev.1\n\nThe General Assembly,\n\n1. Decides;').meta.revisionLabel).toBe('');
  });
});

describe('compilation grammar: warnings with their place (CG8)', () => {
  it('[CG8] a colon prefix that is not a sponsor list is named with its paragraph and offset', () => {
    const r = importPlainText('The General Assembly,\n\nRecalling [Note: text to come],\n\n1. Decides [Recalling its resolution: 70/1];');
    expect(r.warnings).toContain('PP1, at character 11 ("[Note: text to come],"): "Note:" not read as sponsors');
    expect(r.warnings.some((w) => w.startsWith('OP1, at character 9 ("[Recalling its resolution: 70/1];")'))).toBe(true);
    expect(importPlainText('1. Decides [EU: to act] [US: delete] (agreed)').warnings).toEqual(['no chapeau ("The General Assembly,") found: the paragraphs before the first PP/OP are kept as notes']);
  });
});
