/**
 * Chart text laid out without a browser: labels wrap onto whole lines instead of being cut, using
 * the same width estimate as the timeline (it errs wide, so a label is never wider than its room).
 */
import { estimateTextWidth } from '../timeline/text.ts';

/**
 * A label's width in user units, with room to spare: the timeline's estimate, widened by a tenth
 * (a quarter for bold) because the widest common fallback font, DejaVu Sans on Linux, runs wider
 * than the system fonts the estimate was made for, and a cut-off label is worse than a loose one.
 */
export function textWidth(text: string, fontSize: number, bold = false): number {
  return estimateTextWidth(text, fontSize) * (bold ? 1.25 : 1.1);
}

/**
 * Breaks `text` into lines no wider than `maxWidth`, at spaces. A single word wider than the room
 * is split across lines with a hyphen rather than cut. Never returns an empty list for non-empty text.
 */
export function wrapText(text: string, fontSize: number, maxWidth: number): string[] {
  const fits = (line: string) => textWidth(line, fontSize) <= maxWidth;
  const lines: string[] = [];
  let line = '';
  for (const word of text.trim().split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (fits(next)) {
      line = next;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    // A word too long for a line of its own: break it, hyphenated, at the last character that fits.
    while (!fits(line) && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && !fits(`${line.slice(0, cut)}-`)) cut--;
      lines.push(`${line.slice(0, cut)}-`);
      line = line.slice(cut);
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** The width of the widest line. */
export function widestLine(lines: readonly string[], fontSize: number): number {
  return Math.max(0, ...lines.map((l) => textWidth(l, fontSize)));
}
