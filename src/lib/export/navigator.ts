/**
 * ATT&CK Navigator layers (layer format 4.5, enterprise-attack) under /data/navigator/: one per
 * incident, one per attacker and one for the whole corpus, so an analyst can open our ATT&CK
 * coverage in Navigator ("Open Existing Layer" → "Upload from local"). Built from the knowledge
 * base like every export: no build clock, techniques in id order, links back to our pages.
 */
import type { KnowledgeBase, ResolvedActor, ResolvedIncident } from '../model.ts';
import { attributionLabels, certaintyLabels } from '../../schemas/vocabularies.ts';
import { siteName } from '../site.ts';
import { paths } from '../urls.ts';
import { countOf } from '../wording.ts';
import { absoluteUrl, dataPaths, type SiteContext } from './site-url.ts';
import { certaintyConfidence } from './stix.ts';

/**
 * The versions a layer declares. ATT&CK 18: the technique names in the content were checked
 * against ATT&CK v18.1 (Navigator reads only the major version). Navigator 5.1.0 is the release
 * whose layer format 4.5 definition this module follows; the format asks for at least 4.9.0.
 */
export const navigatorVersions = { attack: '18', navigator: '5.1.0', layer: '4.5' } as const;

export interface LayerMetadata {
  name: string;
  value: string;
}
export interface LayerLink {
  label: string;
  url: string;
}
export interface LayerTechnique {
  techniqueID: string;
  score: number;
  comment: string;
  metadata: LayerMetadata[];
  links: LayerLink[];
}
export interface NavigatorLayer {
  name: string;
  versions: typeof navigatorVersions;
  domain: 'enterprise-attack';
  description: string;
  sorting: 3;
  layout: { layout: 'side'; showID: true; showName: true; expandedSubtechniques: 'annotated' };
  hideDisabled: false;
  techniques: LayerTechnique[];
  gradient: { colors: string[]; minValue: number; maxValue: number };
  legendItems: { label: string; color: string }[];
  metadata: LayerMetadata[];
  links: LayerLink[];
}

/** Pale to NHS blue: Navigator picks black or white text for each cell itself. */
const gradientColors = ['#dbe8f5', '#005eb8'] as const;

/** The colour Navigator gives a score (linear between the gradient's two ends), for the legend. */
export function gradientColor(score: number, minValue: number, maxValue: number): string {
  const t = Math.min(1, Math.max(0, (score - minValue) / (maxValue - minValue)));
  const channels = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  const [from, to] = gradientColors.map(channels) as [number[], number[]];
  return `#${from.map((c, i) => Math.round(c + (to[i]! - c) * t).toString(16).padStart(2, '0')).join('')}`;
}

type TechniqueUse = ResolvedIncident['data']['techniques'][number];
const basisWords = (t: TechniqueUse) => (t.basis === 'analysis' ? 'our analysis' : 'named by a cited source');
const certaintyWords = (t: TechniqueUse) => certaintyLabels[t.certainty].toLowerCase();

/** Incidents that map at least one technique: each has a layer. */
export function layerIncidents(kb: KnowledgeBase): ResolvedIncident[] {
  return kb.incidents.filter((i) => i.data.techniques.length > 0);
}

/** Attackers whose incidents map at least one technique: each has a layer. */
export function layerActors(kb: KnowledgeBase): ResolvedActor[] {
  return [...kb.actors.values()].filter((a) => a.incidents.some((i) => i.data.techniques.length > 0));
}

/** Site path of an incident's layer, or undefined when it maps no technique (and so has none). */
export function incidentLayerPath(incident: ResolvedIncident): string | undefined {
  return incident.data.techniques.length > 0 ? dataPaths.navigator.incident(incident.id) : undefined;
}

/** Site path of an attacker's layer, or undefined when none of its incidents maps a technique. */
export function actorLayerPath(actor: ResolvedActor): string | undefined {
  return actor.incidents.some((i) => i.data.techniques.length > 0) ? dataPaths.navigator.actor(actor.id) : undefined;
}

function frame(ctx: SiteContext, name: string, description: string, techniques: LayerTechnique[], legend: { label: string; score: number }[], range: { minValue: number; maxValue: number }, metadata: LayerMetadata[], links: LayerLink[]): NavigatorLayer {
  const at = (path: string) => absoluteUrl(ctx, path);
  return {
    name,
    versions: navigatorVersions,
    domain: 'enterprise-attack',
    description,
    sorting: 3,
    layout: { layout: 'side', showID: true, showName: true, expandedSubtechniques: 'annotated' },
    hideDisabled: false,
    techniques: [...techniques].sort((a, b) => a.techniqueID.localeCompare(b.techniqueID)),
    gradient: { colors: [...gradientColors], ...range },
    legendItems: legend.map((item) => ({ label: item.label, color: gradientColor(item.score, range.minValue, range.maxValue) })),
    metadata: [{ name: 'Published by', value: siteName }, ...metadata],
    links: [...links, { label: 'About these layers (open data)', url: `${at(dataPaths.page)}#navigator` }, { label: 'Whole knowledge base as STIX 2.1', url: at(dataPaths.stix) }],
  };
}

/** Scores for one incident: how sure each technique is, on the STIX confidence scale the bundle uses. */
const certaintyLegend = [
  { label: `Confirmed (score ${certaintyConfidence.confirmed})`, score: certaintyConfidence.confirmed },
  { label: `Claimed or reported (score ${certaintyConfidence.reported})`, score: certaintyConfidence.reported },
  { label: `Suspected (score ${certaintyConfidence.suspected})`, score: certaintyConfidence.suspected },
];

export function incidentLayer(kb: KnowledgeBase, ctx: SiteContext, id: string): NavigatorLayer {
  const incident = kb.incident.get(id);
  if (!incident || incident.data.techniques.length === 0) throw new Error(`No ATT&CK Navigator layer for incident "${id}": it is not in the knowledge base or maps no technique`);
  const d = incident.data;
  const page = absoluteUrl(ctx, paths.incident(id));
  const techniques = d.techniques.map((t): LayerTechnique => {
    const sources = t.sources.map((s) => d.sources.find((source) => source.id === s)).filter((s) => s !== undefined);
    return {
      techniqueID: t.id,
      score: certaintyConfidence[t.certainty],
      comment: `${certaintyLabels[t.certainty]}, ${basisWords(t)}.${t.basis === 'analysis' && t.reasoning ? ` ${t.reasoning}` : ''}`,
      metadata: [
        { name: 'Certainty', value: certaintyLabels[t.certainty] },
        { name: 'Basis', value: t.basis === 'analysis' ? 'Our analysis of a sourced fact' : 'Named by a cited source' },
        ...sources.map((s) => ({ name: 'Source', value: `${s.publisher}: ${s.title}` })),
      ],
      links: [{ label: 'Incident page', url: page }, ...sources.map((s) => ({ label: `Source: ${s.publisher}`, url: s.url }))],
    };
  });
  return frame(
    ctx,
    d.title,
    `ATT&CK techniques mapped for this incident by ${siteName}. Score: how sure the technique is, on the STIX confidence scale (${certaintyConfidence.confirmed} confirmed, ${certaintyConfidence.reported} claimed or reported, ${certaintyConfidence.suspected} suspected). Comments give the basis: named by a cited source, or our analysis of a sourced fact with the reasoning. ${d.summary}`,
    techniques,
    certaintyLegend,
    { minValue: 0, maxValue: 100 },
    [
      { name: 'Incident', value: d.title },
      { name: 'Last reviewed', value: d.lastReviewed.value },
    ],
    [{ label: 'Incident page', url: page }],
  );
}

/** Techniques of a set of incidents, each scored by how many of them use it, with one metadata line per incident. */
/** "Used in 2 of the 22 incidents recorded", "Used in the only incident tied to Qilin". */
function usedIn(used: number, total: number, which: string): string {
  return total === 1 ? `Used in the only incident ${which}.` : `Used in ${used} of the ${countOf(total, 'incident')} ${which}.`;
}

function countedTechniques(incidents: readonly ResolvedIncident[], ctx: SiteContext, detail: (incident: ResolvedIncident, t: TechniqueUse) => string, comment: (used: number) => string) {
  const byId = new Map<string, { uses: { incident: ResolvedIncident; t: TechniqueUse }[] }>();
  for (const incident of incidents) {
    for (const t of incident.data.techniques) {
      const known = byId.get(t.id) ?? { uses: [] };
      if (!known.uses.some((u) => u.incident === incident)) known.uses.push({ incident, t });
      byId.set(t.id, known);
    }
  }
  // Newest incident first, whatever order the incidents came in.
  const newestFirst = (a: { incident: ResolvedIncident }, b: { incident: ResolvedIncident }) => b.incident.sortDate.getTime() - a.incident.sortDate.getTime() || a.incident.id.localeCompare(b.incident.id);
  const techniques = [...byId].map(([techniqueID, { uses: found }]): LayerTechnique => {
    const uses = [...found].sort(newestFirst);
    return {
      techniqueID,
      score: uses.length,
      comment: comment(uses.length),
      metadata: uses.map((u) => ({ name: u.incident.data.title, value: detail(u.incident, u.t) })),
      links: uses.map((u) => ({ label: u.incident.data.title, url: absoluteUrl(ctx, paths.incident(u.incident.id)) })),
    };
  });
  const maxCount = Math.max(1, ...techniques.map((t) => t.score));
  const legend = [{ label: `Used in ${countOf(1, 'incident')}`, score: 1 }];
  if (maxCount > 1) legend.push({ label: `Used in ${countOf(maxCount, 'incident')}`, score: maxCount });
  return { techniques, legend, range: { minValue: 0, maxValue: maxCount } };
}

export function actorLayer(kb: KnowledgeBase, ctx: SiteContext, id: string): NavigatorLayer {
  const actor = kb.actors.get(id);
  if (!actor || !actorLayerPath(actor)) throw new Error(`No ATT&CK Navigator layer for attacker "${id}": it is not in the knowledge base or none of its incidents maps a technique`);
  const name = actor.data.name;
  const attribution = (incident: ResolvedIncident) => incident.actors.find((a) => a.id === id)?.attribution;
  const { techniques, legend, range } = countedTechniques(
    actor.incidents,
    ctx,
    (incident, t) => `Technique ${certaintyWords(t)}, ${basisWords(t)}; attribution ${attributionLabels[attribution(incident) ?? 'suspected'].toLowerCase()}`,
    (used) => usedIn(used, actor.incidents.length, `tied to ${name}`),
  );
  const page = absoluteUrl(ctx, paths.actor(id));
  return frame(
    ctx,
    `${name} in NHS incidents`,
    `ATT&CK techniques in the incidents ${siteName} ties to ${name} (${countOf(actor.incidents.length, 'incident')}). Score: the number of those incidents that use the technique. Each incident's attribution (confirmed, claimed, reported or suspected) and each technique's certainty and basis are in the technique's metadata.`,
    techniques,
    legend,
    range,
    [{ name: 'Attacker', value: name }],
    [{ label: `${name} on ${siteName}`, url: page }],
  );
}

export function corpusLayer(kb: KnowledgeBase, ctx: SiteContext): NavigatorLayer {
  const incidents = layerIncidents(kb);
  const { techniques, legend, range } = countedTechniques(incidents, ctx, (_incident, t) => `${certaintyLabels[t.certainty]}, ${basisWords(t)}`, (used) => usedIn(used, kb.incidents.length, 'recorded'));
  return frame(
    ctx,
    'NHS cyber incidents: all ATT&CK techniques',
    `ATT&CK techniques across every incident in ${siteName} (${countOf(kb.incidents.length, 'incident')}). Score: the number of incidents that use the technique. Each incident's certainty and basis for the technique are in the technique's metadata; each incident and attacker also has a layer of its own.`,
    techniques,
    legend,
    range,
    kb.latestReview ? [{ name: 'Data updated', value: kb.latestReview }] : [],
    [{ label: `${siteName}: all incidents`, url: absoluteUrl(ctx, paths.incidents()) }],
  );
}
