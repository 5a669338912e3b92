/**
 * The text's language from its script: Han → zh, Arabic → ar, Cyrillic → ru; Latin is English
 * unless French or Spanish function words clearly outnumber English ones.
 */
export function detectLanguage(text: string): string {
  const count = (re: RegExp) => text.match(re)?.length ?? 0;
  const scripts: Array<[string, number]> = [
    ['zh', count(/\p{Script=Han}/gu)],
    ['ar', count(/\p{Script=Arabic}/gu)],
    ['ru', count(/\p{Script=Cyrillic}/gu)],
    ['latin', count(/\p{Script=Latin}/gu)],
  ];
  scripts.sort((a, b) => b[1] - a[1]);
  const [script, n] = scripts[0];
  if (n === 0 || script !== 'latin') return n === 0 ? 'en' : script;
  const words = (list: string) => count(new RegExp(`(?<![\\p{L}])(?:${list})(?![\\p{L}])`, 'giu'));
  const en = words('the|and|of|to|in|that|with|its|on');
  const fr = words('le|la|les|des|du|et|au|aux|sur|dans|une|qui');
  const es = words('el|los|las|del|y|en|por|con|una|que|sobre');
  if (fr > en && fr >= es) return 'fr';
  if (es > en && es > fr) return 'es';
  return 'en';
}
