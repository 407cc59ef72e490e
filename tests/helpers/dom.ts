/**
 * Parses built HTML into a queryable tree without a browser, using html-validate's parser (already
 * a dev dependency): querySelector/All, attributes and text, enough for tests over many pages.
 */
import { HtmlValidate, Parser, type HtmlElement } from 'html-validate';
import { readDist } from './site.ts';

let parser: Parser | undefined;

async function getParser(): Promise<Parser> {
  if (!parser) {
    const config = await new HtmlValidate().getConfigFor('page.html');
    parser = new Parser(config);
  }
  return parser;
}

export type Element = HtmlElement;

/** The document tree of a built page, e.g. loadPage('incidents/x/index.html'). */
export async function loadPage(file: string): Promise<HtmlElement> {
  return (await getParser()).parseHtml(readDist(file));
}

const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** The parser keeps character references as written; readers see the characters. */
function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') return String.fromCodePoint(ref[1]?.toLowerCase() === 'x' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1)));
    return named[ref.toLowerCase()] ?? whole;
  });
}

/** Text with character references decoded and runs of whitespace collapsed, as a reader sees it. */
export function text(element: HtmlElement | null | undefined): string {
  return decodeEntities(element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function attr(element: HtmlElement, name: string): string | undefined {
  const value = element.getAttributeValue(name);
  return value === null ? undefined : decodeEntities(value);
}
