/**
 * Prose is Markdown, never markup: raw HTML in an incident's or an entity's write-up would ship in
 * the page as code (the CSP stops it running in a browser, but the page carries it, and other
 * readers of the HTML have no CSP). No HTML element, comment or handler is allowed in prose, and
 * links may only go to https: or mailto: addresses or to paths on this site. Here are the rules,
 * said as the project says every content problem; src/lib/markdown/check.ts applies them to a
 * file for the content check and src/lib/markdown/prose.ts in the Markdown pipeline itself.
 */
import type { ContentProblem } from '../problems.ts';

/**
 * Raw HTML needs a "<", and a link a "](", a "]:" definition or a "<...>" autolink: prose with none
 * of them (most of it) is not parsed, which keeps the check and the pipeline light at thousands of files.
 */
export const mayCarryHtmlOrLinks = /<|\]\s*\(|\]:/;

/** The schemes a link in prose may use; a link without one is a path on this site or a fragment. */
export const allowedLinkSchemes = ['https:', 'mailto:'] as const;

/** The scheme of a URL that prose must not link to ("javascript:", "data:", "http:"), or undefined when it is allowed. */
export function forbiddenScheme(url: string): string | undefined {
  const scheme = /^\s*([a-z][a-z0-9+.-]*:)/i.exec(url)?.[1]?.toLowerCase();
  if (!scheme || (allowedLinkSchemes as readonly string[]).includes(scheme)) return undefined;
  return scheme;
}

/**
 * Raw HTML in words: the elements it opens ("<script>", "<img> with an onerror= handler"), or "an
 * HTML comment". Undefined for a closing tag alone, whose opening tag is reported already.
 */
export function describeHtml(value: string): string | undefined {
  const html = value.trim();
  if (html.startsWith('<!--')) return 'an HTML comment';
  if (/^<\//.test(html)) return undefined;
  const elements = [...new Set([...html.matchAll(/<([a-z][a-z0-9-]*)/gi)].map((m) => `<${m[1]!.toLowerCase()}>`))];
  const handlers = [...new Set([...html.matchAll(/\s(on[a-z]+)\s*=/gi)].map((m) => `${m[1]!.toLowerCase()}=`))];
  const what = elements.length > 0 ? elements.join(', ') : 'markup';
  if (handlers.length === 0) return what;
  return handlers.length === 1 ? `${what} with an ${handlers[0]} handler` : `${what} with ${handlers.join(', ')} handlers`;
}

export function rawHtmlProblem(file: string, line: number | undefined, html: string, what: string): ContentProblem {
  return {
    file,
    field: 'body',
    value: html.length > 60 ? `${html.slice(0, 57)}...` : html,
    message: `${line ? `line ${line}: ` : ''}raw HTML (${what}) is not allowed in prose: it would ship in the page as code`,
    fix: 'write it in Markdown instead (emphasis as *text*, links as [text](https://...)), or remove it',
  };
}

export function linkProblem(file: string, line: number | undefined, url: string, scheme: string): ContentProblem {
  return {
    file,
    field: 'body',
    value: url.length > 60 ? `${url.slice(0, 57)}...` : url,
    message: `${line ? `line ${line}: ` : ''}a link in prose goes to a ${scheme} address; prose may link only to https: or mailto: addresses or to pages on this site`,
    fix: scheme === 'http:' ? 'use the https: address' : 'link to the https: page that holds what you mean, or remove the link',
  };
}
