/**
 * `[A/AC.291/7](#)`: a link left over from a Word/HTML → Markdown conversion, not a negotiation
 * bracket. Only the link syntax is removed; the link text is kept. Applied per source line (a link
 * never spans lines), which is also how the losslessness property defines the exemption.
 */
const LINK = /\[([^[\]\n]+)\]\((#[^()\s]*|https?:\/\/[^()\s]*)\)/g;

export function stripMarkdownLinks(line: string): { text: string; targets: string[] } {
  const targets: string[] = [];
  const text = line.replace(LINK, (_m, label: string, target: string) => {
    targets.push(target);
    return label;
  });
  return { text, targets };
}
