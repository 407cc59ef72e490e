/**
 * The editorial rules of CONTRIBUTING.md that code can check, as pure functions over the checked
 * content (the entries `checkContentFolder` returns). Each returns the breaches it finds, each
 * naming the file, the field, what is wrong and how to fix it; an empty list means the rule holds.
 * The schema already enforces what it can (https only, no .onion, a primary source or
 * noPrimarySource, reasoning for analysis): these rules look across fields and files.
 */
import type { ValidEntry } from '../../src/lib/integrity.ts';
import type { Incident } from '../../src/schemas/incident.ts';
import type { Source } from '../../src/schemas/source.ts';
import type { Vulnerability } from '../../src/schemas/vulnerability.ts';

export interface Breach {
  file: string;
  field: string;
  message: string;
}

export const formatBreaches = (breaches: Breach[]): string =>
  breaches.map((b) => `${b.file} → ${b.field}: ${b.message}`).join('\n');

/**
 * News publishers' domains. A source hosted on one of these is the publisher's report; it is
 * primary only when it reproduces an organisation's statement in full (named with `via`).
 */
export const pressDomains = [
  'bbc.co.uk',
  'bbc.com',
  'bbci.co.uk',
  'theguardian.com',
  'telegraph.co.uk',
  'dailymail.co.uk',
  'independent.co.uk',
  'inews.co.uk',
  'itv.com',
  'sky.com',
  'theregister.com',
  'computerweekly.com',
  'digitalhealth.net',
  'hsj.co.uk',
  'publictechnology.net',
  'wirralglobe.co.uk',
  'sthelensstar.co.uk',
  'liverpoolecho.co.uk',
  'thebritisheye.com',
  'scotsman.com',
  'thecourier.co.uk',
  'heraldscotland.com',
  'pressandjournal.co.uk',
  'shropshirestar.com',
  'scmagazine.com',
  'scworld.com',
  'teiss.co.uk',
  'infosecurity-magazine.com',
  'bleepingcomputer.com',
  'securityweek.com',
] as const;

/** Publishers whose own documents are court records. */
const courtHosts = ['caselaw.nationalarchives.gov.uk', 'bailii.org', 'judiciary.uk'];

const hostOf = (url: string): string => new URL(url).hostname.replace(/^www\./, '');
const onDomain = (url: string, domains: readonly string[]): boolean => {
  const host = hostOf(url);
  return domains.some((domain) => host === domain || host.endsWith(`.${domain}`));
};

/** Sources of every entry that has them (incidents, actors, vendors, vulnerabilities). */
function sourcesOf(entry: ValidEntry): Source[] {
  const data = entry.data as { sources?: unknown };
  return Array.isArray(data.sources) ? (data.sources as Source[]) : [];
}

const incidentsOf = (entries: ValidEntry[]) =>
  entries.filter((e) => e.collection === 'incidents') as ValidEntry<Incident>[];

/** The same URL is the same publication: it has the same kind wherever it is cited. */
export function sameUrlSameKind(entries: ValidEntry[]): Breach[] {
  const seen = new Map<string, { kind: string; file: string; id: string }>();
  const breaches: Breach[] = [];
  for (const entry of entries) {
    sourcesOf(entry).forEach((source, index) => {
      const first = seen.get(source.url);
      if (!first) {
        seen.set(source.url, { kind: source.kind, file: entry.file, id: source.id });
      } else if (first.kind !== source.kind) {
        breaches.push({
          file: entry.file,
          field: `sources[${index}].kind`,
          message: `${source.url} is "${source.kind}" here but "${first.kind}" in ${first.file} (source ${first.id}): decide which it is and use the same kind in both files`,
        });
      }
    });
  }
  return breaches;
}

/**
 * A primary source hosted by a news publisher is a copy of an organisation's own statement: it must
 * name the host in `via` and say in `note` that it reproduces the statement in full. Otherwise it is
 * the publisher's report, and secondary.
 */
export function pressCopiesArePrimaryOnlyInFull(entries: ValidEntry[]): Breach[] {
  const breaches: Breach[] = [];
  for (const entry of entries) {
    sourcesOf(entry).forEach((source, index) => {
      if (source.kind !== 'primary' || !onDomain(source.url, pressDomains)) return;
      if (!source.via || !/\bin full\b/i.test(source.note ?? '')) {
        breaches.push({
          file: entry.file,
          field: `sources[${index}]`,
          message: `${source.id} is marked primary but is hosted by a news publisher (${hostOf(source.url)}): if it reproduces the organisation's statement in full, name the host in via and say "in full" in note; otherwise mark it secondary`,
        });
      }
    });
  }
  return breaches;
}

/** An attacker's claim is a claim: chronology events of kind "claim" are certainty "claimed". */
export function claimEventsAreClaimed(entries: ValidEntry[]): Breach[] {
  return incidentsOf(entries).flatMap((entry) =>
    entry.data.chronology.flatMap((event, index) =>
      event.kind === 'claim' && event.certainty !== 'claimed'
        ? [{ file: entry.file, field: `chronology[${index}].certainty`, message: `an attacker's claim (${event.date.value}) is "${event.certainty}": set certainty: claimed` }]
        : [],
    ),
  );
}

/**
 * A court order against persons unknown who use a name does not establish who they are: a
 * confirmed attribution needs a primary source that is not a court record, and its basis must not
 * rest on "persons unknown".
 */
export function courtOrdersDoNotConfirmAttribution(entries: ValidEntry[]): Breach[] {
  const breaches: Breach[] = [];
  for (const entry of incidentsOf(entries)) {
    const byId = new Map(entry.data.sources.map((s) => [s.id, s]));
    entry.data.actors.forEach((actor, index) => {
      if (actor.attribution !== 'confirmed') return;
      const cited = actor.sources.map((id) => byId.get(id)).filter((s): s is Source => Boolean(s));
      const authority = cited.filter((s) => s.kind === 'primary' && !onDomain(s.url, courtHosts));
      if (authority.length === 0 || /persons? unknown/i.test(actor.basis)) {
        breaches.push({
          file: entry.file,
          field: `actors[${index}].attribution`,
          message: `${actor.id} is confirmed on the strength of a court record or an order against persons unknown, which names the people by what they call themselves but does not identify them: set attribution: claimed (or reported), or cite the authority that attributed it`,
        });
      }
    });
  }
  return breaches;
}

/**
 * A ransom demand that only the attacker's side could have given (no primary source: neither the
 * victim nor an authority states it) is the attacker's claim.
 */
export function ransomDemandsWithoutPrimaryAreClaimed(entries: ValidEntry[]): Breach[] {
  const breaches: Breach[] = [];
  for (const entry of incidentsOf(entries)) {
    const primary = new Set(entry.data.sources.filter((s) => s.kind === 'primary').map((s) => s.id));
    const check = (fact: { certainty: string; sources: string[] }, field: string) => {
      if (fact.certainty !== 'claimed' && !fact.sources.some((id) => primary.has(id))) {
        breaches.push({
          file: entry.file,
          field,
          message: `a ransom demand cited only to secondary sources is "${fact.certainty}": the figure comes from the attackers, so set certainty: claimed (or cite the victim's or an authority's own statement of it)`,
        });
      }
    };
    const demanded = entry.data.impactSummary.ransom?.demanded;
    if (demanded) check(demanded, 'impactSummary.ransom.demanded.certainty');
    entry.data.impact.forEach((figure, index) => {
      if (/ransom/i.test(figure.label) && /demand/i.test(figure.label)) check(figure, `impact[${index}].certainty`);
    });
  }
  return breaches;
}

/** Phrases that say someone chose silence. "We found no statement" is not "made no statement". */
const silencePattern =
  /\b(made no (public )?statement|(has|have|had) not (made|issued|published|given) (a |any )?(public )?statement|(has|have|had) not commented|did not comment|declined to comment|refused to comment|no comment)\b/i;

/** Sentences of prose, and every string of the frontmatter with its path. */
function frontmatterStrings(value: unknown, path: string, out: { field: string; text: string }[]): void {
  if (typeof value === 'string') out.push({ field: path, text: value });
  else if (Array.isArray(value)) value.forEach((item, i) => frontmatterStrings(item, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) frontmatterStrings(item, path ? `${path}.${key}` : key, out);
  }
}

/**
 * Nobody is said to have "made no statement" or "not commented" unless a source says so: in the
 * narrative the sentence must cite a source; in the frontmatter (which has no inline citations)
 * the phrase is not used at all; write "we found no statement" instead.
 */
export function silenceNeedsASource(entries: ValidEntry[]): Breach[] {
  const breaches: Breach[] = [];
  for (const entry of entries) {
    const strings: { field: string; text: string }[] = [];
    frontmatterStrings(entry.data, '', strings);
    for (const { field, text } of strings) {
      const match = silencePattern.exec(text);
      if (match) {
        breaches.push({
          file: entry.file,
          field,
          message: `says someone "${match[0]}" with no source for it: write what the sources show ("we found no statement from ..."), or put the sentence in the narrative with the source that reports the silence`,
        });
      }
    }
    const sentences = entry.body.split(/(?<=[.!?])\s+(?=[A-Z])/);
    for (const sentence of sentences) {
      const match = silencePattern.exec(sentence);
      if (match && !/\[@[a-z0-9-]+/.test(sentence)) {
        breaches.push({
          file: entry.file,
          field: 'body',
          message: `"${sentence.trim().slice(0, 120)}" says someone "${match[0]}" without citing a source in that sentence: cite the source that reports it, or say what the sources show`,
        });
      }
    }
  }
  return breaches;
}

/**
 * Every incident has the three lessons the panel shows and at least one ATT&CK technique. The one
 * exception: an incident whose only attack type is "undisclosed-intrusion" (nothing is known of
 * what the attackers did, so any technique would be invented).
 */
export function lessonsAndTechniques(entries: ValidEntry[]): Breach[] {
  const breaches: Breach[] = [];
  for (const entry of incidentsOf(entries)) {
    const { lessons, techniques, attackTypes } = entry.data;
    if (lessons.length !== 3) {
      breaches.push({ file: entry.file, field: 'lessons', message: `has ${lessons.length} lessons: give exactly 3, one sentence each, each with its basis and sources` });
    }
    const undisclosed = attackTypes.length === 1 && attackTypes[0] === 'undisclosed-intrusion';
    if (techniques.length === 0 && !undisclosed) {
      breaches.push({ file: entry.file, field: 'techniques', message: 'names no ATT&CK technique: map at least one behaviour the sources describe (basis: analysis, with reasoning), or mark the attack type undisclosed-intrusion if nothing is known of it' });
    }
  }
  return breaches;
}

/**
 * A technique id has one name everywhere it is used, and a sub-technique is written with its
 * parent's name ("Phishing: Spearphishing Link").
 */
export function techniqueNamesAgree(entries: ValidEntry[]): Breach[] {
  const names = new Map<string, { name: string; file: string }>();
  const breaches: Breach[] = [];
  for (const entry of incidentsOf(entries)) {
    entry.data.techniques.forEach((technique, index) => {
      const field = `techniques[${index}].name`;
      if (technique.id.includes('.') && !technique.name.includes(': ')) {
        breaches.push({ file: entry.file, field, message: `${technique.id} is a sub-technique: write its name as "Parent: Sub-technique", as ATT&CK does` });
      }
      const first = names.get(technique.id);
      if (!first) names.set(technique.id, { name: technique.name, file: entry.file });
      else if (first.name !== technique.name) {
        breaches.push({ file: entry.file, field, message: `${technique.id} is called "${technique.name}" here but "${first.name}" in ${first.file}: use the ATT&CK name in both` });
      }
    });
  }
  return breaches;
}

/** Every CVE an incident names says when it was fixed, in which versions, and on whose word. */
export function cvesHaveTheirFix(entries: ValidEntry[]): Breach[] {
  const vulnerabilities = new Map(
    (entries.filter((e) => e.collection === 'vulnerabilities') as ValidEntry<Vulnerability>[]).map((e) => [e.data.cve, e]),
  );
  const named = new Set(incidentsOf(entries).flatMap((e) => e.data.vulnerabilities.map((link) => link.cve)));
  const breaches: Breach[] = [];
  for (const cve of [...named].sort()) {
    const entry = vulnerabilities.get(cve);
    if (!entry) continue; // a missing entry is an integrity problem, reported by check:content
    const missing = [
      entry.data.patched ? null : 'patched (the date a fix was available)',
      entry.data.fixedVersions.length ? null : 'fixedVersions (the releases that contain the fix)',
      entry.data.fixSources.length ? null : 'fixSources (the sources that give the date and the versions)',
    ].filter(Boolean);
    if (missing.length && !entry.data.fixNote) {
      breaches.push({ file: entry.file, field: 'patched', message: `${cve} is named by an incident but has no ${missing.join(', ')}: add them from the vendor advisory or the CVE record, or say why not in fixNote` });
    }
  }
  return breaches;
}

/**
 * Unknown is never zero: a figure of 0 is kept only when a source says none (then the note says
 * so); "no figure was published" is left out instead.
 */
export function zeroNeedsANote(entries: ValidEntry[]): Breach[] {
  const breaches: Breach[] = [];
  for (const entry of incidentsOf(entries)) {
    entry.data.impact.forEach((figure, index) => {
      if (figure.value === 0 && !figure.note) {
        breaches.push({ file: entry.file, field: `impact[${index}].value`, message: `"${figure.label}" is 0 with no note: if a source says none, say so in note; if no figure was published, remove it (unknown is not zero)` });
      }
    });
    const summary = entry.data.impactSummary as Record<string, unknown>;
    const visit = (value: unknown, field: string) => {
      if (!value || typeof value !== 'object') return;
      const fact = value as { value?: unknown; note?: unknown };
      if (fact.value === 0 && !fact.note) {
        breaches.push({ file: entry.file, field: `${field}.value`, message: 'is 0 with no note: if a source says none, say so in note; if no figure was published, leave the field out (unknown is not zero)' });
      }
      for (const [key, inner] of Object.entries(value)) if (inner && typeof inner === 'object' && !Array.isArray(inner)) visit(inner, `${field}.${key}`);
    };
    for (const [key, value] of Object.entries(summary)) visit(value, `impactSummary.${key}`);
  }
  return breaches;
}

export const contentRules = {
  sameUrlSameKind,
  pressCopiesArePrimaryOnlyInFull,
  claimEventsAreClaimed,
  courtOrdersDoNotConfirmAttribution,
  ransomDemandsWithoutPrimaryAreClaimed,
  silenceNeedsASource,
  lessonsAndTechniques,
  techniqueNamesAgree,
  cvesHaveTheirFix,
  zeroNeedsANote,
} as const;
