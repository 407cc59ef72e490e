/**
 * npm run new:incident -- <id> "<title>"
 * Writes content/incidents/<id>.md with every field laid out and explained, ready to fill in.
 * The file fails `npm run check:content` until its placeholders are replaced with sourced facts:
 * nothing half-written can be published by accident.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { attackTypesList, controlsList } from './lib/content-ids.ts';

const [id, ...titleWords] = process.argv.slice(2);
const title = titleWords.join(' ').trim();
if (!id || !/^[a-z0-9][a-z0-9-]*-\d{4}$/.test(id) || !title) {
  console.error('Usage: npm run new:incident -- <id> "<title>"\n  id: lower case words and hyphens ending with the start year, e.g. example-trust-ransomware-2025');
  process.exit(1);
}
const file = join(process.cwd(), 'content', 'incidents', `${id}.md`);
if (existsSync(file)) {
  console.error(`${file} already exists: edit it instead, or choose another id.`);
  process.exit(1);
}
const today = new Date().toISOString().slice(0, 10);
const template = `---
# Every fact below needs a source from the list at the bottom. Certainty is one of:
# confirmed | claimed (by the attacker) | reported | suspected. Dates: YYYY-MM-DD, YYYY-MM or YYYY.
title: ${JSON.stringify(title)}
summary: TODO two to four plain sentences a busy clinician can read in 30 seconds.
dates:
  started: { date: TODO, sources: [TODO] }
  # detected: { date: YYYY-MM-DD, sources: [id] }
  # disclosed: { date: YYYY-MM-DD, sources: [id] }
  # resolved: { date: YYYY-MM, sources: [id] }
organisations:
  # ids from content/organisations/ (create the file if the organisation is new)
  - { id: TODO, role: victim, certainty: confirmed, sources: [TODO] }
vendors: []
  # - { id: vendor-id, role: compromised-supplier | vulnerable-product, products: [product-id], sources: [id] }
actors: []
  # - { id: actor-id, attribution: claimed, basis: Who said so and on what evidence., sources: [id] }
attributionNote: TODO why no actor is named (remove this line when actors are listed).
# attack types: ${attackTypesList()}
attackTypes: [TODO]
vulnerabilities: []
# ATT&CK techniques (at least one). basis: sourced if a cited source names the technique, else analysis with reasoning.
techniques:
  - { id: TODO, name: TODO, certainty: suspected, basis: analysis, reasoning: TODO which sourced fact this rests on., sources: [TODO] }
dataExposed: []
servicesDisrupted: []
impact: []
# The standard impact summary: fill every field a source gives; leave the rest out (absent means unknown, never 0).
impactSummary: {}
  # daysToRestore: { value: 30, qualifier: about, asOf: YYYY-MM-DD, certainty: confirmed, sources: [id], note: How it was worked out. }
  # appointmentsPostponed / proceduresPostponed / patientsAffected / peopleDataExposed: { value, asOf, certainty, sources }
  # dataStolen: { value: 400, unit: gigabytes, asOf: YYYY-MM, certainty: claimed, sources: [id] }
  # harm: { description: What the sources say about harm to patients., certainty: confirmed, sources: [id] }
  # cost: { value: 1000000, currency: gbp, asOf: YYYY, certainty: confirmed, sources: [id] }
  # ransom: { demanded: { value: 50000000, currency: usd, asOf: YYYY-MM, certainty: claimed, sources: [id] }, payment: { status: refused, certainty: confirmed, sources: [id] } }
# Three things to learn, one sentence each.
lessons:
  - { text: TODO, basis: analysis, sources: [TODO], controls: [] }
chronology:
  - { date: TODO, kind: detection, event: TODO what happened., sources: [TODO] }
conflicts: []
unknowns: []
# controls: ${controlsList()}
controls: []
training:
  hook: TODO one line that makes a trainer pick this case.
  audiences: [all-staff]
  topics: [ransomware]
  sessionLengths: [30]
  objectives: [TODO, TODO, TODO]
  questions:
    - { audience: all-staff, question: TODO }
  injects: []
sources:
  - { id: TODO, publisher: TODO, title: TODO, date: TODO, url: https://TODO, kind: primary }
# If no source is primary (the organisation's, a regulator's, a court's or the CVE program's own), say why:
# noPrimarySource: No statement from the trust itself could be found; its statements are known through press quotations.
lastReviewed: ${today}
---
TODO the full write-up in your own words. Cite sources after each sentence like this [@source-id].
`;
writeFileSync(file, template);
console.log(`Created ${file}\nFill in every TODO, then run: npm run check:content`);
