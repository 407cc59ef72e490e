/**
 * Words that are right: counts that agree with their nouns and "a" or "an" before a name. Every
 * phrase the site generates goes through these, so "1 patients" and "a Ivanti product" cannot be
 * written by accident (tests/site/wording.test.ts reads every built page for the mistakes).
 */

/** A noun's two forms. Most nouns can be given as the singular alone: see {@link nounOf}. */
export interface Noun {
  one: string;
  other: string;
}

const irregular: Record<string, string> = {
  person: 'people',
  child: 'children',
  analysis: 'analyses',
  criterion: 'criteria',
  datum: 'data',
  medium: 'media',
};

/** The plural of a regular English noun ("incident" → "incidents", "body" → "bodies"). */
export function pluralOf(singular: string): string {
  const lower = singular.toLowerCase();
  const lastWord = lower.split(/\s+/).at(-1) ?? lower;
  const prefix = singular.slice(0, singular.length - lastWord.length);
  const fromIrregular = irregular[lastWord];
  if (fromIrregular) return prefix + matchCase(singular.slice(prefix.length), fromIrregular);
  const word = singular.slice(prefix.length);
  if (/[^aeiou]y$/i.test(word)) return prefix + word.slice(0, -1) + 'ies';
  if (/(s|x|z|ch|sh)$/i.test(word)) return prefix + word + 'es';
  return prefix + word + 's';
}

function matchCase(original: string, replacement: string): string {
  return original[0] && original[0] === original[0].toUpperCase() ? replacement[0]!.toUpperCase() + replacement.slice(1) : replacement;
}

/** A noun from its singular, or both forms when the plural is not regular. */
export function nounOf(noun: string | Noun): Noun {
  return typeof noun === 'string' ? { one: noun, other: pluralOf(noun) } : noun;
}

/** The form of the noun that agrees with the count: 1 → one, anything else (0, 2, 1.5) → other. */
export function agree(count: number, noun: string | Noun): string {
  const forms = nounOf(noun);
  return count === 1 ? forms.one : forms.other;
}

/** A whole number in GOV.UK style: 1,000 and 10,152 (no separator below 1,000). */
const countFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
export function formatCount(count: number): string {
  return countFormat.format(count);
}

/** "1 incident", "10,152 appointments", "0 sources". */
export function countOf(count: number, noun: string | Noun): string {
  return `${formatCount(count)} ${agree(count, noun)}`;
}

/**
 * Letters whose spoken name starts with a vowel sound: an initialism such as "NHS", "SMB" or "HCRG"
 * takes "an" when it starts with one of these ("an NHS trust", "an HCRG service", "a GP practice").
 */
const vowelSoundLetters = new Set(['A', 'E', 'F', 'H', 'I', 'L', 'M', 'N', 'O', 'R', 'S', 'X']);

/** Words spelt with a vowel but said with a consonant ("a university", "a one-off", "a European"). */
const consonantSoundStart = /^(uni|use|usu|uti|ura|ure|euro|eu|one\b|once|ubiq|ufo)/i;
/** Words spelt with a consonant but said with a vowel ("an hour", "an honest"). */
const vowelSoundStart = /^(hour|honest|honou?r|heir)/i;

/** Acronyms said as words, not letter by letter: they take the article of their first sound ("a STIX bundle", "a SIM card"). */
const saidAsWords = new Set(['STIX', 'SIM', 'SIEM', 'NATO', 'NICE', 'TAXII', 'SOC']);

/** Whether an initialism: two or more capitals (digits allowed after the first), e.g. NHS, CVE, GP, ICB. */
function isInitialism(word: string): boolean {
  return /^[A-Z][A-Z0-9]+s?$/.test(word) && word !== word.toLowerCase();
}

/** "a" or "an" for the phrase that follows it. */
export function articleFor(phrase: string): 'a' | 'an' {
  // The first word, or the first part of a hyphenated one ("US-based", "UTF-8", "one-off").
  const word = phrase.trim().replace(/^["'“‘(]+/, '').split(/[\s,.;:-]+/)[0] ?? '';
  if (!word) return 'a';
  if (/^\d/.test(word)) return /^(8|11|18)(\D|$)|^8\d/.test(word) ? 'an' : 'a';
  if (saidAsWords.has(word)) return /^[AEIOU]/.test(word) ? 'an' : 'a';
  if (isInitialism(word)) return vowelSoundLetters.has(word[0]!) ? 'an' : 'a';
  if (vowelSoundStart.test(word)) return 'an';
  if (consonantSoundStart.test(word)) return 'a';
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

/** The phrase with its article: "an Ivanti product", "a Synnovis service", "an NHS trust". */
export function withArticle(phrase: string): string {
  return `${articleFor(phrase)} ${phrase}`;
}

/** "A", "A and B", "A, B and C" (GOV.UK style: no comma before "and"). */
export function listOf(items: readonly string[], conjunction = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)}`;
}
