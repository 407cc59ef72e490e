/** /data/: the open data files, their fields and columns, the STIX mapping, the feeds and citation files. */
import { exportFileNames, exportFiles, exportJsonSchema, schemaVersion, type ExportFileName } from '../export/schema.ts';
import { describeFields, type FieldDoc } from '../export/field-docs.ts';
import { incidentCsvColumns } from '../export/incidents-csv.ts';
import { multiValueSeparator } from '../export/csv.ts';
import { certaintyConfidence, extensionVersion, incidentRelationshipConventions } from '../export/stix.ts';
import { layerActors, layerIncidents, navigatorVersions } from '../export/navigator.ts';
import { certainties, certaintyLabels } from '../../schemas/vocabularies.ts';
import { countOf, listOf } from '../wording.ts';
import { actorNavigatorLink, incidentNavigatorLink, type NavigatorLinkView } from './navigator-link.ts';
import { absoluteUrl, dataPaths } from '../export/site-url.ts';
import { paths } from '../urls.ts';
import { pageFrame, type LinkView, type PageFrame, type ViewContext } from './common.ts';

export interface FieldTableView {
  caption: string;
  captionId: string;
  fields: FieldDoc[];
}

export interface DataPageView {
  page: PageFrame;
  jsonFiles: { name: ExportFileName; title: string; path: string; schemaPath: string; headingId: string; summary: string; table: FieldTableView }[];
  schemaVersion: string;
  csvColumns: { name: string; description: string }[];
  csvSummary: string;
  /** The impact-summary columns of the CSV, in order: sortable numbers with their qualifiers. */
  csvImpactColumns: { first: string; last: string; count: string };
  /** Certainty labels and the STIX confidence (and Navigator score) each becomes. */
  confidenceScale: { certainty: string; confidence: number; scale: string }[];
  stixExtensionVersion: string;
  navigator: {
    versions: typeof navigatorVersions;
    corpus: LinkView;
    summary: string;
    incidents: NavigatorLinkView[];
    actors: NavigatorLinkView[];
    /** Incidents with no layer because they map no technique, by title. */
    withoutTechniques?: string | undefined;
  };
  multiValueSeparator: string;
  /** Relationship types incident objects use by platform convention. */
  relationships: { source: string; target: string; types: string }[];
  feeds: { summary: string; actors: LinkView[]; vendors: LinkView[] };
}

function fieldTable(caption: string, fields: FieldDoc[]): FieldTableView {
  return { caption, captionId: `fields-${caption.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`, fields };
}

export function dataPage(ctx: ViewContext): DataPageView {
  const { kb, site } = ctx;
  return {
    page: pageFrame(site, {
      path: paths.data(),
      title: 'Open data',
      description: 'Every incident as JSON, CSV, a STIX 2.1 bundle, ATT&CK Navigator layers and Atom feeds, with a JSON Schema and field-by-field documentation.',
    }),
    jsonFiles: exportFileNames.map((name) => {
      const fields = describeFields(exportJsonSchema(name, absoluteUrl(site, dataPaths.schema(name))));
      return {
        name,
        title: exportFiles[name].title,
        path: dataPaths.list(name),
        schemaPath: dataPaths.schema(name),
        headingId: `json-${name}`,
        summary: `The ${fields.length} fields of ${name}.json`,
        table: fieldTable(`Fields of ${name}.json`, fields),
      };
    }),
    schemaVersion,
    csvColumns: incidentCsvColumns.map((c) => ({ name: c.name, description: c.description })),
    csvSummary: `The ${incidentCsvColumns.length} columns of incidents.csv`,
    csvImpactColumns: (() => {
      const names = incidentCsvColumns.filter((c) => c.impactSummary).map((c) => c.name);
      return { first: names[0] ?? '', last: names.at(-1) ?? '', count: countOf(names.length, 'column') };
    })(),
    confidenceScale: certainties.map((c) => {
      const confidence = certaintyConfidence[c];
      return { certainty: certaintyLabels[c], confidence, scale: confidence >= 70 ? 'High' : confidence >= 30 ? 'Med' : confidence >= 1 ? 'Low' : 'None' };
    }),
    stixExtensionVersion: extensionVersion,
    navigator: (() => {
      const incidents = layerIncidents(kb).flatMap((i) => incidentNavigatorLink(i) ?? []);
      const actors = layerActors(kb).flatMap((a) => actorNavigatorLink(a) ?? []);
      const without = kb.incidents.filter((i) => i.data.techniques.length === 0).map((i) => i.data.title);
      return {
        versions: navigatorVersions,
        corpus: { path: dataPaths.navigator.corpus, text: 'all-incidents.json' },
        summary: `Layers for each incident (${incidents.length}) and attacker (${actors.length})`,
        incidents,
        actors,
        withoutTechniques: without.length > 0 ? listOf(without) : undefined,
      };
    })(),
    multiValueSeparator,
    relationships: Object.entries(incidentRelationshipConventions).flatMap(([source, targets]) =>
      Object.entries(targets).map(([target, types]) => ({ source, target, types: types.join(', ') })),
    ),
    feeds: {
      summary: `Feeds for each attacker (${kb.actors.size}) and supplier or vendor (${kb.vendors.size})`,
      actors: [...kb.actors.values()].map((a) => ({ path: dataPaths.actorFeed(a.id), text: a.data.name })),
      vendors: [...kb.vendors.values()].map((v) => ({ path: dataPaths.vendorFeed(v.id), text: v.data.name })),
    },
  };
}
