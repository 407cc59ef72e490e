/**
 * Label widths estimated without a browser (the SVG is laid out at build time). The estimate
 * errs wide for system sans-serif fonts so that lanes keep labels apart.
 */

const narrow = new Set("ijlt.,:;'!|()[] fr1-");
const wide = new Set('mwMWOQGD@%&');

export function estimateTextWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const char of text) {
    if (narrow.has(char)) em += 0.34;
    else if (wide.has(char)) em += 0.9;
    else if (char >= 'A' && char <= 'Z') em += 0.7;
    else em += 0.58;
  }
  return em * fontSize;
}

/** Shortens a label to fit `maxWidth`, ending it with an ellipsis; the full text goes in the accessible name. */
export function fitLabel(text: string, fontSize: number, maxWidth: number): string {
  if (estimateTextWidth(text, fontSize) <= maxWidth) return text;
  const words = text.split(' ');
  let fitted = '';
  for (const word of words) {
    const next = fitted ? `${fitted} ${word}` : word;
    if (estimateTextWidth(`${next}…`, fontSize) > maxWidth) break;
    fitted = next;
  }
  if (!fitted) {
    for (const char of text) {
      if (estimateTextWidth(`${fitted}${char}…`, fontSize) > maxWidth) break;
      fitted += char;
    }
  }
  return `${withoutOpenBracket(fitted).replace(/[\s,;:.–-]+$/, '')}…`;
}

/**
 * Drops a bracket the cut left open ("Breach at X (synthetic…" becomes "Breach at X…"): a half
 * parenthetical reads badly, and it stops the visible label matching the link's accessible name,
 * since name matching (WCAG 2.5.3, axe's label-content-name-mismatch) sets bracketed text aside.
 */
export function withoutOpenBracket(text: string): string {
  let depth = 0;
  let openAt = -1;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') {
      if (depth === 0) openAt = i;
      depth++;
    } else if (text[i] === ')' && depth > 0) depth--;
  }
  return depth > 0 && openAt > 0 ? text.slice(0, openAt) : text;
}
