import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INTERFACE_LANGUAGES } from '../../src/i18n/languages';

/**
 * Every interface language carries every key of the English file, with the same interpolation
 * variables, the plural forms its language needs (Intl.PluralRules' categories, which is what
 * i18next looks up) and no value left in English.
 */
type Tree = { [key: string]: string | Tree };
const dir = join(__dirname, '../../src/i18n/locales');
const read = (lang: string) => JSON.parse(readFileSync(join(dir, `${lang}.json`), 'utf8')) as Tree;

function flatten(tree: Tree, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else flatten(v, key, out);
  }
  return out;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
const variables = (s: string) => new Set([...s.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]));
const sorted = (s: Iterable<string>) => [...s].sort();

/** base key → form → text, and the plain keys. */
function split(flat: Map<string, string>) {
  const plurals = new Map<string, Map<string, string>>();
  const plain = new Map<string, string>();
  for (const [key, value] of flat) {
    const m = PLURAL.exec(key);
    if (!m) {
      plain.set(key, value);
      continue;
    }
    const base = key.slice(0, -m[0].length);
    if (!plurals.has(base)) plurals.set(base, new Map());
    plurals.get(base)!.set(m[1], value);
  }
  return { plurals, plain };
}

/** Keys whose value is the same in every language (the product's name). */
const SAME_AS_ENGLISH = new Set<string>(['app.name']);

const en = split(flatten(read('en')));

describe('interface locales', () => {
  it('has exactly the six official languages as files', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));
    expect(sorted(files)).toEqual(sorted(INTERFACE_LANGUAGES));
  });

  for (const lang of INTERFACE_LANGUAGES) {
    describe(lang, () => {
      const loc = split(flatten(read(lang)));
      const categories = sorted(new Intl.PluralRules(lang).resolvedOptions().pluralCategories);

      it('has every plain key of English and no other', () => {
        expect(sorted(loc.plain.keys())).toEqual(sorted(en.plain.keys()));
      });

      it('has every plural key with exactly its language’s plural forms', () => {
        expect(sorted(loc.plurals.keys())).toEqual(sorted(en.plurals.keys()));
        for (const [base, forms] of loc.plurals) expect({ base, forms: sorted(forms.keys()) }).toEqual({ base, forms: categories });
      });

      it('uses the same interpolation variables as English', () => {
        for (const [key, value] of loc.plain) {
          expect({ key, vars: sorted(variables(value)) }).toEqual({ key, vars: sorted(variables(en.plain.get(key) ?? '')) });
        }
        // A plural form may leave the number out ("one bracket", Arabic's dual), nothing else.
        for (const [base, forms] of loc.plurals) {
          const english = new Set([...en.plurals.get(base)!.values()].flatMap((v) => [...variables(v)]));
          const needed = sorted([...english].filter((v) => v !== 'count'));
          for (const [form, value] of forms) {
            const vars = variables(value);
            expect({ key: `${base}_${form}`, unknown: [...vars].filter((v) => !english.has(v)) }).toEqual({ key: `${base}_${form}`, unknown: [] });
            expect({ key: `${base}_${form}`, vars: sorted([...vars].filter((v) => v !== 'count')) }).toEqual({ key: `${base}_${form}`, vars: needed });
          }
        }
      });

      it('has no empty, placeholder or untranslated values', () => {
        const all = flatten(read(lang));
        const english = flatten(read('en'));
        for (const [key, value] of all) {
          expect({ key, empty: value.trim() === '' }).toEqual({ key, empty: false });
          expect({ key, placeholder: /\b(TODO|FIXME|TBD|XXX)\b|^\[.*\]$/.test(value) }).toEqual({ key, placeholder: false });
          if (lang === 'en') continue;
          const base = key.replace(PLURAL, '');
          const englishValue = english.get(key) ?? english.get(`${base}_other`);
          const hasWords = /\p{L}{2,}/u.test(value.replace(/\{\{[^}]*\}\}/g, ''));
          if (hasWords && value === englishValue && !SAME_AS_ENGLISH.has(key)) expect({ key, untranslated: value }).toEqual({ key, untranslated: null });
        }
      });
    });
  }

  it('every literal key the client asks for exists in English', () => {
    const src = join(__dirname, '../../src');
    const files: string[] = [];
    const walk = (d: string) => {
      for (const f of readdirSync(d)) {
        const p = join(d, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.tsx?$/.test(f)) files.push(p);
      }
    };
    walk(src);
    const keys = new Set([...en.plain.keys(), ...en.plurals.keys()]);
    const missing: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z][\w.]*)'/g)) if (!keys.has(m[1])) missing.push(`${file.slice(src.length + 1)}: ${m[1]}`);
    }
    expect(missing).toEqual([]);
  });
});
