/** /data/incidents.csv: one row per incident, the columns a spreadsheet user filters and counts on. */
import type { KnowledgeBase, ResolvedIncident } from '../model.ts';
import type { PartialDate } from '../../schemas/dates.ts';
import { certainties, currencies, dataVolumeUnits, impactQualifiers, impactQualifierWords, impactUnitLabels, ransomPaymentStatuses } from '../../schemas/vocabularies.ts';
import type { ImpactSummary } from '../../schemas/impact-summary.ts';
import { paths } from '../urls.ts';
import { defuseFormula, joinValues, toCsv, type CsvValue } from './csv.ts';
import { absoluteUrl, type SiteContext } from './site-url.ts';
import { cveLinks } from './cve-links.ts';

interface Column {
  name: string;
  description: string;
  value: (incident: ResolvedIncident, ctx: SiteContext) => CsvValue;
  /** Columns of the standard impact summary: numbers a spreadsheet can sort, empty when unknown. */
  impactSummary?: true;
}

const unique = <T>(values: readonly T[]) => [...new Set(values)];


function dateColumns(key: 'started' | 'detected' | 'disclosed' | 'resolved', label: string): Column[] {
  const date = (i: ResolvedIncident): PartialDate | undefined => i.data.dates[key]?.date;
  return [
    { name: key, description: `${label} (YYYY-MM-DD, YYYY-MM or YYYY, as precisely as the sources give it).`, value: (i) => date(i)?.value },
    { name: `${key}_precision`, description: `Precision of ${key}: day, month or year.`, value: (i) => date(i)?.precision },
  ];
}

type SummaryFigure = { value: number; qualifier: (typeof impactQualifiers)[number]; certainty: (typeof certainties)[number] };
const words = (values: readonly string[]) => values.join(', ');

/**
 * One figure of the impact summary as sortable columns: the number (empty when no source gives
 * it, never 0), how the source states it, and how sure it is; a unit or currency column where the
 * number needs one.
 */
function summaryColumns(
  name: string,
  what: string,
  figure: (summary: ImpactSummary) => SummaryFigure | undefined,
  unit?: { suffix: string; description: string; value: (summary: ImpactSummary) => string | undefined },
): Column[] {
  const of = (i: ResolvedIncident) => figure(i.data.impactSummary);
  const columns: Column[] = [
    { name, description: `${what}, as a plain number; empty when no source gives it (unknown, not zero).`, value: (i) => of(i)?.value, impactSummary: true },
  ];
  if (unit) columns.push({ name: `${name}_${unit.suffix}`, description: unit.description, value: (i) => unit.value(i.data.impactSummary), impactSummary: true });
  columns.push(
    { name: `${name}_qualifier`, description: `How the source states ${name}: ${words(impactQualifiers)}.`, value: (i) => of(i)?.qualifier, impactSummary: true },
    { name: `${name}_certainty`, description: `How sure ${name} is: ${words(certainties)}.`, value: (i) => of(i)?.certainty, impactSummary: true },
  );
  return columns;
}

const impactSummaryColumns: Column[] = [
  ...summaryColumns('days_to_restore', 'Days from the start until core services were restored', (s) => s.daysToRestore),
  ...summaryColumns('appointments_postponed', 'Appointments postponed', (s) => s.appointmentsPostponed),
  ...summaryColumns('procedures_postponed', 'Procedures and operations postponed', (s) => s.proceduresPostponed),
  ...summaryColumns('patients_affected', 'Patients whose care was affected, or who were notified (incidents.json says which)', (s) => s.patientsAffected),
  ...summaryColumns('people_data_exposed', 'People whose personal data was exposed or stolen', (s) => s.peopleDataExposed),
  ...summaryColumns('data_stolen', 'How much data was taken, in data_stolen_unit', (s) => s.dataStolen, {
    suffix: 'unit',
    description: `Unit of data_stolen: ${words(dataVolumeUnits)}.`,
    value: (s) => s.dataStolen?.unit,
  }),
  ...summaryColumns('deaths', 'Deaths to which the incident contributed, as a source counts them', (s) => s.harm?.deaths),
  ...summaryColumns('serious_harm', 'Cases of severe or serious harm to patients, as a source counts them', (s) => s.harm?.seriousHarm),
  ...summaryColumns('cost', 'Cost of the incident in cost_currency (incidents.json says whose costs)', (s) => s.cost, {
    suffix: 'currency',
    description: `Currency of cost, as the source gives it (never converted): ${words(currencies)}.`,
    value: (s) => s.cost?.currency,
  }),
  ...summaryColumns('ransom_demanded', 'Ransom demanded in ransom_demanded_currency', (s) => s.ransom?.demanded, {
    suffix: 'currency',
    description: `Currency of ransom_demanded, as the source gives it: ${words(currencies)}.`,
    value: (s) => s.ransom?.demanded?.currency,
  }),
  {
    name: 'ransom_payment',
    description: `Whether a ransom was paid, as a source states it: ${words(ransomPaymentStatuses)}; empty when unknown.`,
    value: (i) => i.data.impactSummary.ransom?.payment?.status,
    impactSummary: true,
  },
  {
    name: 'ransom_payment_certainty',
    description: `How sure ransom_payment is: ${words(certainties)}.`,
    value: (i) => i.data.impactSummary.ransom?.payment?.certainty,
    impactSummary: true,
  },
];

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
  { name: 'cves', description: 'CVE ids of vulnerabilities exploited.', value: (i) => joinValues(cveLinks(i).map((l) => l.vulnerability.data.cve)) },
  { name: 'cve_certainties', description: `How sure each CVE link is (same order as cves): ${words(certainties)}.`, value: (i) => joinValues(cveLinks(i).map((l) => l.certainty)) },
  { name: 'techniques', description: 'MITRE ATT&CK technique ids.', value: (i) => joinValues(i.data.techniques.map((t) => t.id)) },
  { name: 'technique_certainties', description: `How sure each technique is (same order as techniques): ${words(certainties)}.`, value: (i) => joinValues(i.data.techniques.map((t) => t.certainty)) },
  { name: 'technique_bases', description: 'Basis of each technique (same order as techniques): sourced (a source names it) or analysis (our mapping of a behaviour a source describes).', value: (i) => joinValues(i.data.techniques.map((t) => t.basis)) },
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
  ...impactSummaryColumns,
  ...[0, 1, 2].map((index): Column => ({
    name: `lesson_${index + 1}`,
    description: `Lesson ${index + 1} of up to three things to learn from the incident, one sentence each.`,
    value: (i) => i.data.lessons[index]?.text,
  })),
  { name: 'control_ids', description: 'Controls that would have helped, by id.', value: (i) => joinValues(i.controls.map((c) => c.control)) },
  { name: 'source_count', description: 'Number of sources the record cites.', value: (i) => i.data.sources.length },
  { name: 'primary_source_count', description: 'Number of primary sources (the organisation, a regulator, a court, the NAO or a CVE record).', value: (i) => i.data.sources.filter((s) => s.kind === 'primary').length },
  { name: 'no_primary_source', description: 'Why no source is primary, when none is; empty otherwise.', value: (i) => i.data.noPrimarySource },
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
