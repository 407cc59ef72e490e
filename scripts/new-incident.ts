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
techniques: []
dataExposed: []
servicesDisrupted: []
impact: []
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
lastReviewed: ${today}
---
TODO the full write-up in your own words. Cite sources after each sentence like this [@source-id].
`;
writeFileSync(file, template);
console.log(`Created ${file}\nFill in every TODO, then run: npm run check:content`);
