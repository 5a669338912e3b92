import type { NodeJSON, ProposalLike, VersionSnapshot } from './types.js';

/**
 * A deterministic, treaty-sized pair of versions for the compare benchmark: A ("Rev.1") with
 * about `paragraphs` blocks and `chars` characters of UN-style text, some of it bracketed with
 * proposal records; B ("Rev.2") with ~5 % of paragraphs edited, some inserted (bis), deleted and
 * moved, half the open proposals decided and some paragraph statuses changed.
 */
export interface TreatyOptions {
  paragraphs?: number;
  chars?: number;
  language?: 'en' | 'zh';
  /** Share of paragraphs edited in B (default 0.05). */
  editRate?: number;
}

export interface TreatyPair {
  a: VersionSnapshot;
  b: VersionSnapshot;
}

function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EN_WORDS = (
  'the of and to in for on with by all states parties member international cooperation convention ' +
  'information communications technologies criminal purposes offences measures national legislation ' +
  'shall may appropriate including accordance domestic law competent authorities mutual legal assistance ' +
  'extradition jurisdiction electronic evidence data traffic content subscriber preservation production ' +
  'human rights fundamental freedoms protection privacy victims children exploitation capacity building ' +
  'technical assistance developing countries resources secretariat conference committee report session ' +
  'implementation review mechanism effective prevention investigation prosecution proceeds crime ' +
  'confiscation seizure assets recovery transfer knowledge expertise private sector civil society ' +
  'organizations regional subregional bilateral arrangements relevant instruments united nations general ' +
  'assembly resolution decides requests invites urges encourages calls upon recognizes notes further'
).split(' ');
const EN_OPENINGS = ['Recalling', 'Recognizing', 'Noting', 'Convinced', 'Concerned', 'Reaffirming', 'Emphasizing', 'Bearing in mind'];
const EN_OPS = ['Decides', 'Requests', 'Invites', 'Urges', 'Encourages', 'Calls upon', 'Notes', 'Welcomes'];

const ZH_WORDS = (
  '国际 合作 公约 缔约国 信息 通信 技术 犯罪 目的 措施 国家 立法 主管 当局 司法 协助 引渡 管辖 电子 证据 ' +
  '数据 流量 内容 用户 保全 提供 人权 基本 自由 保护 隐私 被害人 儿童 剥削 能力 建设 技术援助 发展中国家 ' +
  '资源 秘书处 会议 委员会 报告 届会 执行 审议 机制 有效 预防 调查 起诉 所得 没收 扣押 资产 追回 转让 ' +
  '知识 专门 私营 部门 民间 社会 组织 区域 次区域 双边 安排 有关 文书 联合国 大会 决议 根据 必须 加强 以及'
).split(' ');
const ZH_OPENINGS = ['回顾', '还回顾', '坚信', '还坚信', '注意到', '认识到', '重申', '强调'];
const ZH_OPS = ['决定', '请', '邀请', '敦促', '鼓励', '吁请', '注意到', '欢迎'];

const DELEGATIONS = ['EU', 'G77 and China', 'African Group', 'AOSIS', 'United States', 'Russian Federation', 'China', 'Brazil', 'India', 'Japan', 'Switzerland', 'Egypt'];

interface Gen {
  rnd: () => number;
  pick<T>(xs: readonly T[]): T;
  words(n: number): string;
}

function generator(seed: number, language: 'en' | 'zh'): Gen {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const vocab = language === 'zh' ? ZH_WORDS : EN_WORDS;
  const sep = language === 'zh' ? '' : ' ';
  const words = (n: number): string => {
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(pick(vocab));
    if (language === 'zh') {
      for (let i = 6; i < out.length; i += 7 + Math.floor(rnd() * 6)) out[i] += '，';
    } else {
      for (let i = 8; i < out.length; i += 9 + Math.floor(rnd() * 8)) out[i] += ',';
    }
    return out.join(sep);
  };
  return { rnd, pick, words };
}

const text = (t: string, marks?: NodeJSON['marks']): NodeJSON => (marks ? { type: 'text', text: t, marks } : { type: 'text', text: t });

export function generateTreatyText(seed: number, options: TreatyOptions = {}): TreatyPair {
  const total = options.paragraphs ?? 2000;
  const chars = options.chars ?? 1_000_000;
  const language = options.language ?? 'en';
  const editRate = options.editRate ?? 0.05;
  const g = generator(seed, language);
  const zh = language === 'zh';
  const avgWordLen = zh ? 2.1 : 8.2;
  const avgWords = Math.max(4, Math.round(chars / total / avgWordLen));
  const end = zh ? '；' : ';';
  let nextId = 0;
  const id = (prefix: string): string => `${prefix}${seed.toString(36)}-${(nextId++).toString(36)}`;

  const blocks: NodeJSON[] = [];
  const proposals: Record<string, ProposalLike> = {};
  blocks.push({ type: 'headingLine', attrs: { id: id('h') }, content: [text(zh ? '第七十九届会议' : 'Seventy-ninth session')] });
  blocks.push({ type: 'title', attrs: { id: id('t') }, content: [text(zh ? '联合国打击网络犯罪公约' : 'United Nations Convention against Cybercrime')] });
  const ppCount = Math.round(total * 0.12);
  for (let i = 2; i < total; i++) {
    const isPP = i < ppCount;
    const pid = id('p');
    const n = Math.max(3, Math.round(avgWords * (0.5 + g.rnd())));
    const content: NodeJSON[] = [];
    const opening = g.pick(isPP ? (zh ? ZH_OPENINGS : EN_OPENINGS) : zh ? ZH_OPS : EN_OPS);
    content.push(text(opening, isPP && !zh ? [{ type: 'italic' }] : undefined));
    const body = (zh ? '' : ' ') + g.words(n) + (isPP ? (zh ? '，' : ',') : end);
    if (g.rnd() < 0.12) {
      const cut = Math.floor(body.length * g.rnd() * 0.8);
      const prop = id('x');
      const role = g.rnd() < 0.6 ? 'insert' : 'delete';
      const inserted = role === 'insert' ? (zh ? '' : ' ') + g.words(3 + Math.floor(g.rnd() * 6)) : '';
      const before = body.slice(0, cut);
      let bracketed = inserted;
      let after = body.slice(cut);
      if (role === 'delete') {
        const len = Math.min(after.length, 10 + Math.floor(g.rnd() * 30));
        bracketed = after.slice(0, len);
        after = after.slice(len);
      }
      if (before) content.push(text(before));
      if (bracketed) content.push(text(bracketed, [{ type: 'bracket', attrs: { id: prop, role, alt: 0 } }]));
      if (after) content.push(text(after));
      proposals[prop] = {
        id: prop,
        kind: role,
        sponsors: [g.pick(DELEGATIONS)],
        status: 'open',
        paragraphId: pid,
      };
    } else {
      content.push(text(body));
    }
    const r = g.rnd();
    const type = isPP ? 'preambular' : 'operative';
    const attrs: Record<string, unknown> = isPP ? { id: pid, added: null } : { id: pid, added: null, level: r < 0.7 ? 0 : r < 0.9 ? 1 : 2 };
    if (!isPP && blocks[blocks.length - 1].type !== 'operative') attrs.level = 0;
    blocks.push({ type, attrs, content });
  }
  const a: VersionSnapshot = {
    label: 'Rev.1',
    language,
    doc: { type: 'doc', content: blocks },
    proposals,
    paragraphs: {},
  };

  // B: a deep copy, then edits.
  const bBlocks: NodeJSON[] = JSON.parse(JSON.stringify(blocks)) as NodeJSON[];
  const bProposals: Record<string, ProposalLike> = JSON.parse(JSON.stringify(proposals)) as Record<string, ProposalLike>;
  const bParagraphs: Record<string, { status: string }> = {};
  const sep = zh ? '' : ' ';
  for (const block of bBlocks) {
    if (block.type !== 'preambular' && block.type !== 'operative') continue;
    const content = block.content!;
    if (g.rnd() < editRate) {
      const last = content[content.length - 1];
      if (last.type === 'text' && !last.marks) {
        const parts = last.text!.split(sep);
        const at = Math.floor(g.rnd() * parts.length);
        const r = g.rnd();
        if (r < 0.4) parts[at] = g.words(1);
        else if (r < 0.7) parts.splice(at, 0, g.words(2 + Math.floor(g.rnd() * 8)));
        else parts.splice(at, 1 + Math.floor(g.rnd() * 4));
        last.text = parts.join(sep) || g.words(2);
      }
    }
    // Decide half the proposals: accepting an insertion keeps its text, rejecting drops it.
    for (let i = 0; i < content.length; i++) {
      const node = content[i];
      const mark = node.marks?.find((m) => m.type === 'bracket');
      if (!mark || g.rnd() < 0.5) continue;
      const rec = bProposals[String(mark.attrs!.id)];
      const accept = g.rnd() < 0.6;
      rec.status = accept ? 'accepted' : 'rejected';
      const keep = (rec.kind === 'insert') === accept;
      if (keep) delete node.marks;
      else node.marks = [{ type: 'struck', attrs: { by: 'chair', decision: `d-${rec.id}` } }];
    }
    if (g.rnd() < 0.03) bParagraphs[String(block.attrs!.id)] = { status: g.pick(['agreed', 'agreed ad ref', 'agreed in informals']) };
  }
  const count = Math.max(1, Math.round(total * 0.005));
  for (let k = 0; k < count; k++) {
    // Moved paragraph.
    const from = 2 + Math.floor(g.rnd() * (bBlocks.length - 2));
    const [moved] = bBlocks.splice(from, 1);
    bBlocks.splice(2 + Math.floor(g.rnd() * (bBlocks.length - 2)), 0, moved);
    // Deleted paragraph.
    bBlocks.splice(2 + Math.floor(g.rnd() * (bBlocks.length - 2)), 1);
    // New (bis) paragraph with its proposal.
    const at = ppCount + Math.floor(g.rnd() * (bBlocks.length - ppCount));
    const prop = id('x');
    const pid = id('p');
    bProposals[prop] = { id: prop, kind: 'newParagraph', sponsors: [g.pick(DELEGATIONS)], status: 'accepted', paragraphId: pid };
    bBlocks.splice(at, 0, {
      type: 'operative',
      attrs: { id: pid, added: prop, level: 0 },
      content: [text(g.pick(zh ? ZH_OPS : EN_OPS) + sep + g.words(avgWords) + end)],
    });
  }
  const b: VersionSnapshot = {
    label: 'Rev.2',
    language,
    doc: { type: 'doc', content: bBlocks },
    proposals: bProposals,
    paragraphs: bParagraphs,
  };
  return { a, b };
}
