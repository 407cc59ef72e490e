/** /data/incidents.csv: one row per incident, the columns a spreadsheet user filters and counts on. */
import type { KnowledgeBase, ResolvedIncident } from '../model.ts';
import type { PartialDate } from '../../schemas/dates.ts';
import { impactQualifierWords, impactUnitLabels } from '../../schemas/vocabularies.ts';
import { paths } from '../urls.ts';
import { defuseFormula, joinValues, toCsv, type CsvValue } from './csv.ts';
import { absoluteUrl, type SiteContext } from './site-url.ts';

interface Column {
  name: string;
  description: string;
  value: (incident: ResolvedIncident, ctx: SiteContext) => CsvValue;
}

const unique = <T>(values: readonly T[]) => [...new Set(values)];


function dateColumns(key: 'started' | 'detected' | 'disclosed' | 'resolved', label: string): Column[] {
  const date = (i: ResolvedIncident): PartialDate | undefined => i.data.dates[key]?.date;
  return [
    { name: key, description: `${label} (YYYY-MM-DD, YYYY-MM or YYYY, as precisely as the sources give it).`, value: (i) => date(i)?.value },
    { name: `${key}_precision`, description: `Precision of ${key}: day, month or year.`, value: (i) => date(i)?.precision },
  ];
}

/** The columns in order. The /data/ page documents them from this list. */
export const incidentCsvColumns: readonly Column[] = [
  { name: 'id', description: 'Incident id (stable; the last part of the permalink).', value: (i) => i.id },
  { name: 'title', description: 'Title of the incident.', value: (i) => i.data.title },
  { name: 'url', description: 'Permalink of the incident page.', value: (i, ctx) => absoluteUrl(ctx, paths.incident(i.id)) },
  { name: 'summary', description: 'Two to four plain sentences (may contain commas, quotes and line breaks, quoted as RFC 4180 requires).', value: (i) => i.data.summary },
  ...dateColumns('started', 'When the attack began'),
  ...dateColumns('detected', 'When it was detected'),
  ...dateColumns('disclosed', 'First public statement'),
  ...dateColumns('resolved', 'Services restored or incident closed'),
  { name: 'organisations', description: 'Affected organisations, by name.', value: (i) => joinValues(i.organisations.map((o) => o.entry.data.name)) },
  { name: 'organisation_ids', description: 'Affected organisations, by id (same order).', value: (i) => joinValues(i.organisations.map((o) => o.id)) },
  { name: 'organisation_roles', description: 'Role of each affected organisation (same order): victim, downstream or data-exposed.', value: (i) => joinValues(i.organisations.map((o) => o.role)) },
  { name: 'regions', description: 'Regions of the affected organisations, each once.', value: (i) => joinValues(unique(i.organisations.map((o) => o.entry.data.region))) },
  { name: 'vendors', description: 'Suppliers and vendors involved, by name.', value: (i) => joinValues(i.vendors.map((v) => v.entry.data.name)) },
  { name: 'vendor_ids', description: 'Suppliers and vendors involved, by id (same order).', value: (i) => joinValues(i.vendors.map((v) => v.id)) },
  { name: 'vendor_roles', description: 'Role of each vendor (same order): compromised-supplier or vulnerable-product.', value: (i) => joinValues(i.vendors.map((v) => v.role)) },
  { name: 'products', description: 'Products involved, by name.', value: (i) => joinValues(i.vendors.flatMap((v) => v.products.map((p) => p.name))) },
  { name: 'actors', description: 'Threat actors named, by name.', value: (i) => joinValues(i.actors.map((a) => a.entry.data.name)) },
  { name: 'actor_ids', description: 'Threat actors named, by id (same order).', value: (i) => joinValues(i.actors.map((a) => a.id)) },
  { name: 'actor_attributions', description: 'Attribution status of each actor (same order): confirmed, claimed, reported or suspected.', value: (i) => joinValues(i.actors.map((a) => a.attribution)) },
  { name: 'attack_types', description: 'Attack types, by name.', value: (i) => joinValues(i.attackTypes.map((t) => t.data.name)) },
  { name: 'attack_type_ids', description: 'Attack types, by id (same order).', value: (i) => joinValues(i.attackTypes.map((t) => t.id)) },
  { name: 'cves', description: 'CVE ids of vulnerabilities exploited.', value: (i) => joinValues(i.vulnerabilities.map((v) => v.data.cve)) },
  { name: 'techniques', description: 'MITRE ATT&CK technique ids.', value: (i) => joinValues(i.data.techniques.map((t) => t.id)) },
  { name: 'data_types', description: 'Kinds of data exposed, each once (VERIS-based vocabulary).', value: (i) => joinValues(unique(i.data.dataExposed.flatMap((x) => x.types))) },
  { name: 'data_subjects', description: 'Whose data was exposed, each once.', value: (i) => joinValues(unique(i.data.dataExposed.flatMap((x) => x.subjects))) },
  { name: 'services_disrupted', description: 'Services disrupted, by name.', value: (i) => joinValues(i.data.servicesDisrupted.map((s) => s.service)) },
  {
    name: 'impact',
    description: 'Impact figures as "label: value unit (as of date)"; the JSON export has them as numbers.',
    value: (i) =>
      joinValues(
        i.data.impact.map((f) => {
          const unit = impactUnitLabels[f.unit];
          const amount = unit === '£' || unit === 'US$' ? `${unit}${f.value}` : `${f.value} ${unit}`;
          return `${f.label}: ${impactQualifierWords[f.qualifier]}${amount} (as of ${f.asOf.value})`;
        }),
      ),
  },
  { name: 'control_ids', description: 'Controls that would have helped, by id.', value: (i) => joinValues(i.controls.map((c) => c.control)) },
  { name: 'source_count', description: 'Number of sources the record cites.', value: (i) => i.data.sources.length },
  { name: 'primary_source_count', description: 'Number of primary sources (the organisation, a regulator, a court, the NAO or a CVE record).', value: (i) => i.data.sources.filter((s) => s.kind === 'primary').length },
  { name: 'last_reviewed', description: 'Day the record was last checked against its sources.', value: (i) => i.data.lastReviewed.value },
];

export interface CsvTable {
  header: string[];
  rows: CsvValue[][];
}

/** The table, one row per incident newest first; text cells that a spreadsheet would run as a formula get a leading apostrophe. */
export function incidentsCsvTable(kb: KnowledgeBase, ctx: SiteContext): CsvTable {
  // An empty cell is null, not undefined, so the table survives JSON as it is.
  const cell = (value: CsvValue) => (typeof value === 'string' ? defuseFormula(value) : (value ?? null));
  return {
    header: incidentCsvColumns.map((c) => c.name),
    rows: kb.incidents.map((incident) => incidentCsvColumns.map((column) => cell(column.value(incident, ctx)))),
  };
}

/**
 * The CSV text. It starts with a UTF-8 byte order mark so that Excel, which many NHS staff open
 * CSV files in, reads names with accents and the £ sign correctly.
 */
export function csvText(table: CsvTable): string {
  return `\uFEFF${toCsv(table.header, table.rows)}`;
}

export function buildIncidentsCsv(kb: KnowledgeBase, ctx: SiteContext): string {
  return csvText(incidentsCsvTable(kb, ctx));
}
