/**
 * Words that are right, on every built page: no count that disagrees with its noun ("1 patients",
 * "2 incident") and no wrong article before a name ("a Ivanti product", "a NHS trust", "an
 * Synnovis service"). Reads the visible text of every HTML file in dist/ (what a reader or a screen
 * reader gets: not scripts, styles, hidden elements or citation numbers) and names the page and
 * the phrase of each mistake. The rules are src/lib/wording.ts's, the helpers that write the text.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { HtmlElement } from 'html-validate';
import { distDir, listFiles, pagePath, requireDist } from '../helpers/site.ts';
import { loadPage } from '../helpers/dom.ts';
import { articleFor, pluralOf } from '../../src/lib/wording.ts';

/** Nouns the site counts. A number before one must agree with it. */
const countNouns = [
  'incident', 'patient', 'appointment', 'procedure', 'person', 'organisation', 'sample', 'device', 'system', 'case', 'account',
  'event', 'figure', 'source', 'service', 'control', 'attacker', 'supplier', 'vendor', 'vulnerability', 'technique', 'lesson',
  'question', 'audience', 'disagreement', 'death', 'record', 'file', 'trust', 'board', 'body', 'borough', 'practice', 'page',
  'case study', 'value', 'entry', 'result', 'criterion', 'objective', 'phase', 'inject', 'product', 'CVE', 'group', 'actor',
  'attack type', 'mailbox', 'hospital', 'school', 'update', 'day',
];
const plural = new Map<string, string>(countNouns.map((noun) => [noun, noun === 'person' ? 'people' : noun === 'mailbox' ? 'mailboxes' : pluralOf(noun)]));
const singularOf = new Map<string, string>([...plural].map(([one, other]) => [other.toLowerCase(), one]));

/**
 * A number before a singular count noun is a mistake only where the noun ends the phrase ("2
 * incident." "3 patient and"); "2 incident pages" and "a 30 day outage" are right.
 */
const endsPhrase = /^(?:[.,;:!?)\]]|$|\s+(?:and|or|in|of|to|were|was|is|are|have|has|had|with|from|for|since|by|at|on|that|which|who|postponed|affected|disrupted|recorded|listed|named)\b)/;

/** Inline elements run on with the words around them; every other element ends a line of text. */
const inline = new Set(['a', 'abbr', 'b', 'cite', 'code', 'data', 'em', 'i', 'mark', 'q', 's', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'tspan', 'label']);

/** The visible text of an element: not scripts, styles, hidden elements or citation numbers. */
function visibleText(element: HtmlElement): string {
  const tag = element.tagName?.toLowerCase();
  if (tag === 'script' || tag === 'style' || tag === 'template' || element.hasAttribute('hidden')) return '';
  if ((element.getAttributeValue('class') ?? '').split(/\s+/).includes('cite')) return ' ';
  const text = element.childNodes.map((node) => (node.nodeType === 3 ? node.textContent : visibleText(node as HtmlElement))).join('');
  return inline.has(tag ?? '') ? text : `\n${text}\n`;
}

const decode = (text: string) =>
  text
    .replace(/&nbsp;|&#160;|\u00a0/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&(?:rsquo|lsquo|apos);/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/[ \t\r]+/g, ' ')
    .replace(/ ?\n[\s]*/g, '\n');

export interface WordingMistake {
  phrase: string;
  rule: string;
}

/** Every count and article mistake in a text. */
export function wordingMistakes(text: string): WordingMistake[] {
  const mistakes: WordingMistake[] = [];
  const nouns = [...plural.keys(), ...plural.values()].sort((a, b) => b.length - a.length).map((n) => n.replace(/ /g, '\\s'));
  // Not a year ("2025 Product" under a heading), a money sum, a version, a part of an id or of a
  // name such as a paper size ("an A4 page").
  const counted = new RegExp(`(?<![\\p{L}\\d.,£$€/:#-])(?!(?:19|20)\\d\\d\\b)(\\d[\\d,]*(?:\\.\\d+)?) (${nouns.join('|')})\\b`, 'giu');
  for (const match of text.matchAll(counted)) {
    const [phrase, number, noun] = match as unknown as [string, string, string];
    const value = Number(number.replace(/,/g, ''));
    const word = noun.toLowerCase();
    const isPlural = singularOf.has(word) && !plural.has(word);
    if (value === 1 && isPlural) mistakes.push({ phrase, rule: `1 takes the singular ("1 ${singularOf.get(word)}")` });
    if (value !== 1 && !isPlural && plural.has(word) && endsPhrase.test(text.slice(match.index! + phrase.length))) {
      mistakes.push({ phrase, rule: `${number} takes the plural ("${number} ${plural.get(word)}")` });
    }
  }
  // Not before a domain or file name ("an nhs.net account"), which readers say their own way.
  for (const match of text.matchAll(/(?<![\w'’-])(a|an|A|An) ([A-Za-z][\w'’-]*)(?![\w'’-])(?!\.[a-z])/g)) {
    const [phrase, article, word] = match as unknown as [string, string, string];
    const expected = articleFor(word);
    if (article.toLowerCase() !== expected) mistakes.push({ phrase, rule: `"${word}" takes "${expected}"` });
  }
  return mistakes;
}

describe('the wording rules', () => {
  it('catch the mistakes the pages once had, and pass what is right', () => {
    expect(wordingMistakes('Patient death: 1 patients. 2 incident. a Ivanti product, a NHS trust, an Synnovis service, a Advanced product').map((m) => m.phrase)).toEqual([
      '1 patients',
      '2 incident',
      'a Ivanti',
      'a NHS',
      'an Synnovis',
      'a Advanced',
    ]);
    expect(wordingMistakes('1 patient, 2 incidents, 2 incident pages, a 30 day session, an NHS trust, a GP practice, a university, 10,152 appointments, 1 person, 3 people, a US-based firm, a STIX bundle, an nhs.net account\nWeek 1\nPatients arrive')).toEqual([]);
  });
});

describe('every built page', () => {
  beforeAll(() => {
    requireDist();
  });

  it('has counts that agree with their nouns and the right article before each name', async () => {
    const files = listFiles(distDir, ['.html']).filter((file) => !file.startsWith('pagefind/'));
    expect(files.length).toBeGreaterThan(0);
    const found: string[] = [];
    for (const file of files) {
      const page = await loadPage(file);
      const text = decode(page.childElements.map(visibleText).join(' '));
      for (const mistake of wordingMistakes(text)) found.push(`${pagePath(file)}: "${mistake.phrase}": ${mistake.rule}`);
    }
    expect(found, `wrong counts or articles:\n${[...new Set(found)].join('\n')}`).toEqual([]);
  });
});
