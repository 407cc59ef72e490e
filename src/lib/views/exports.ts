/**
 * The views of the non-HTML routes: each is the plain data the file serialises (a feed's entries,
 * a JSON export, the CSV table, the STIX bundle), so a cache key can digest it like any page's.
 */
import { actorFeed, siteFeed, vendorFeed, type FeedDocument } from '../export/atom.ts';
import { buildExportFile } from '../export/json.ts';
import { incidentsCsvTable, type CsvTable } from '../export/incidents-csv.ts';
import { buildStixBundle, type StixBundle } from '../export/stix.ts';
import type { ExportFileName } from '../export/schema.ts';
import { citationData, type CitationData } from '../export/citation.ts';
import { actorLayer, corpusLayer, incidentLayer, type NavigatorLayer } from '../export/navigator.ts';
import { entryFor, type ViewContext } from './common.ts';

export function siteFeedView(ctx: ViewContext): FeedDocument {
  return siteFeed(ctx.kb, ctx.site);
}

export function actorFeedView(ctx: ViewContext, id: string): FeedDocument {
  return actorFeed(ctx.kb, ctx.site, id);
}

export function vendorFeedView(ctx: ViewContext, id: string): FeedDocument {
  return vendorFeed(ctx.kb, ctx.site, id);
}

/** /data/<name>.json: validated against its published schema. */
export function dataFileView(ctx: ViewContext, name: ExportFileName): Record<string, unknown> {
  return buildExportFile(name, ctx.kb, ctx.site);
}

export function incidentsCsvView(ctx: ViewContext): CsvTable {
  return incidentsCsvTable(ctx.kb, ctx.site);
}

export function stixBundleView(ctx: ViewContext): StixBundle {
  return buildStixBundle(ctx.kb, ctx.site);
}

/** /data/cite/<id>.bib and .json: what a reference manager needs to cite the incident page. */
export function citationView(ctx: ViewContext, id: string): CitationData {
  return citationData(entryFor(ctx.kb.incident, id, 'incident', 'incidents'), ctx.site);
}

/** /data/navigator/all-incidents.json, /data/navigator/incidents/<id>.json, /data/navigator/actors/<id>.json: ATT&CK Navigator layers. */
export function navigatorLayerView(ctx: ViewContext, scope: { kind: 'corpus' } | { kind: 'incident' | 'actor'; id: string }): NavigatorLayer {
  if (scope.kind === 'corpus') return corpusLayer(ctx.kb, ctx.site);
  return scope.kind === 'incident' ? incidentLayer(ctx.kb, ctx.site, scope.id) : actorLayer(ctx.kb, ctx.site, scope.id);
}
