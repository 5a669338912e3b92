import type { Sponsor } from '../../brackets/types.js';
import { ALTERNATIVE_WORDS, POSITION_WORDS } from './keywords.js';

/**
 * Sponsor lists as compilation texts write them: "EU", "EU, Norway", "G77 and China (Sudan)" (a
 * group speaking through a member), "Sudan, for the G77 and China". Names carry no participant id:
 * an imported sponsor is a name on the record until someone of that name is given rights (BR70).
 */

const SEPARATOR = /\s*[,，、،]\s*/;
const VIA = /^(.+?)\s*[(（]([^()（）]+)[)）]$/;
const ON_BEHALF = /^(?:for|on behalf of|au nom d[ue]|en nombre de|от имени)\s+(?:the\s+)?(.+)$/i;
/** Small words inside delegation names ("G77 and China", "Trinidad and Tobago", "Bolivia (Plurinational State of)"). */
const CONNECTORS = new Set(['and', 'of', 'the', 'for', 'et', 'de', 'des', 'du', 'la', 'le', 'y', 'del', 'и', 'states']);
/** Words written before a colon in texts that are not delegations ("[Note: …]"). */
const NOT_NAMES = ['note', 'notes', 'nota', 'n.b.', 'nb', 'remarque', 'примечание', '注', 'ملاحظة', 'footnote', 'text', 'proposal', 'chair', 'source'];
const KEYWORDS = new Set([...POSITION_WORDS.delete, ...POSITION_WORDS.retain, ...ALTERNATIVE_WORDS, ...NOT_NAMES].map((w) => w.toLowerCase()));
const HAN_NAME = /^[\p{Script=Han}·]{1,12}$/u;
const ARABIC_NAME = /^[\p{Script=Arabic}]+(?: [\p{Script=Arabic}]+){0,4}$/u;
const WORD = /^(?:\p{Lu}[\p{L}\p{M}.'’-]*|[\p{Lu}\p{N}]+[\p{L}\p{N}.-]*|\p{Lu}\.?)$/u;

/** One delegation or group name, as a person would write it in a bracket. */
export function isDelegationName(name: string): boolean {
  const n = name.trim();
  if (!n || n.length > 60 || KEYWORDS.has(n.toLowerCase())) return false;
  if (HAN_NAME.test(n) || ARABIC_NAME.test(n)) return true;
  const words = n.split(/\s+/);
  if (words.length > 7 || !WORD.test(words[0]) || !/\p{L}/u.test(n)) return false;
  // One lower-case word after the first is an adjective of the name ("Union européenne"), more is a sentence.
  const lower = words.filter((w) => !WORD.test(w) && !CONNECTORS.has(w.toLowerCase()));
  return lower.length === 0 || (lower.length === 1 && /^\p{Ll}[\p{L}\p{M}'’-]*$/u.test(lower[0]) && words.length <= 3);
}

/** The sponsors named by `s`, or null if any part of it is not a delegation name. */
export function parseSponsors(s: string): Sponsor[] | null {
  const items = splitTopLevel(s.trim());
  if (items.length === 0) return null;
  const out: Sponsor[] = [];
  for (const raw of items) {
    const item = raw.trim();
    const behalf = ON_BEHALF.exec(item);
    if (behalf && out.length > 0 && isDelegationName(behalf[1]) && !out[out.length - 1].via) {
      const member = out.pop()!;
      out.push({ name: behalf[1].trim(), via: member.name });
      continue;
    }
    const via = VIA.exec(item);
    if (via && isDelegationName(via[1]) && isDelegationName(via[2]) && !/ of$/i.test(via[2])) {
      out.push({ name: via[1].trim(), via: via[2].trim() });
      continue;
    }
    if (!isDelegationName(item)) return null;
    out.push({ name: item });
  }
  return out;
}

/** Splits on list separators outside parentheses ("Bolivia (Plurinational State of), EU"). */
function splitTopLevel(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '(' || c === '（') depth++;
    else if (c === ')' || c === '）') depth = Math.max(0, depth - 1);
    else if (depth === 0 && SEPARATOR.test(c)) {
      out.push(s.slice(start, i));
      start = i + 1;
    }
  }
  out.push(s.slice(start));
  return out.filter((x) => x.trim() !== '');
}
