/**
 * The shape of the JSON open-data files, as zod schemas. This is the one definition: the build
 * validates every file against it, the published JSON Schema is generated from it, and the /data/
 * page documents fields from its descriptions. Bump `schemaVersion` when the shape changes
 * (minor: a field added; major: a field renamed, removed or retyped).
 */
import { z } from 'astro/zod';
import { datePrecisions } from '../../schemas/dates.ts';
import {
  actorTypes,
  attributionStatuses,
  audiences,
  certainties,
  controlBases,
  controlEffects,
  controlFrameworks,
  currencies,
  dataSubjects,
  dataVolumeUnits,
  dataTypes,
  eventKinds,
  factBases,
  impactQualifiers,
  impactUnits,
  motivations,
  organisationRoles,
  organisationTypes,
  ransomPaymentStatuses,
  regions,
  sourceKinds,
  vendorKinds,
  vendorRoles,
} from '../../schemas/vocabularies.ts';

export const schemaVersion = '1.1.0';

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/).describe('Stable identifier: the file name of the entry, lower case with hyphens.');
const cveId = z.string().regex(/^CVE-\d{4}-\d{4,}$/).describe('CVE identifier, upper case, e.g. CVE-2024-1234.');
const url = z.url();
const permalink = url.describe('Permanent address of the page on this site.');
const sourceIds = z.array(z.string()).describe('Ids of the sources (in this incident\'s `sources`) that support the claim.');
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const partialDateOutput = z
  .strictObject({
    value: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/).describe('ISO 8601 date at its own precision: YYYY-MM-DD, YYYY-MM or YYYY.'),
    precision: z.enum(datePrecisions).describe('How precisely the date is known. A month-precision date means some day in that month, not the first.'),
  })
  .describe('A date as precisely as the sources give it.');

const datedFact = z.strictObject({
  date: partialDateOutput,
  sources: sourceIds,
  note: z.string().optional().describe('Qualification of the date, in plain words.'),
});

const source = z.strictObject({
  id: z.string().describe('Id used by facts in this record to cite the source.'),
  publisher: z.string().describe('The original publisher.'),
  title: z.string(),
  date: partialDateOutput.optional().describe('Publication date as shown by the source; absent when it shows none.'),
  url: url.describe('Where the source was read.'),
  kind: z.enum(sourceKinds).describe('primary: the organisation, a regulator, a court, the NAO or a CVE record; secondary: press and research.'),
  via: z.string().optional().describe('The site that carried the copy that was read, when not the original publisher.'),
  note: z.string().optional(),
});

const entitySource = source.omit({ note: true });

const qualifier = z.enum(impactQualifiers).describe('How the source states the figure: exact, at-least, more-than, about or up-to ("up to 134 days" is value 134, up-to).');

/** One figure of the impact summary: a count a source gives, as of a date. */
const summaryCount = z.strictObject({
  value: z.number().describe('The figure as a number (never 0 for "not published": the field is left out instead).'),
  qualifier,
  asOf: partialDateOutput.describe('Date the figure applies to.'),
  certainty: z.enum(certainties),
  sources: sourceIds,
  note: z.string().optional().describe('What the figure covers, in plain words.'),
});
const summaryMoney = summaryCount.extend({
  currency: z.enum(currencies).describe('The currency the source gives (never converted).'),
});
const summaryDataVolume = summaryCount.extend({
  unit: z.enum(dataVolumeUnits).describe('The unit the source gives.'),
});

export const impactSummaryOutput = z
  .strictObject({
    daysToRestore: summaryCount.optional().describe('Days from the start until core services were restored.'),
    appointmentsPostponed: summaryCount.optional().describe('Appointments postponed.'),
    proceduresPostponed: summaryCount.optional().describe('Procedures and operations postponed.'),
    patientsAffected: summaryCount.optional().describe('Patients whose care was affected, or who were notified (the note says which).'),
    peopleDataExposed: summaryCount.optional().describe('People whose personal data was exposed or stolen.'),
    dataStolen: summaryDataVolume.optional().describe('How much data was taken.'),
    harm: z
      .strictObject({
        description: z.string().describe('What the sources say about harm to patients.'),
        certainty: z.enum(certainties),
        sources: sourceIds,
        deaths: summaryCount.optional().describe('Deaths to which the incident contributed, as a source counts them.'),
        seriousHarm: summaryCount.optional().describe('Cases of severe or serious harm, as a source counts them.'),
      })
      .optional()
      .describe('Harm to patients.'),
    cost: summaryMoney.optional().describe('Cost of the incident, as a source gives it (the note says whose costs).'),
    ransom: z
      .strictObject({
        demanded: summaryMoney.optional().describe('The sum demanded; an attacker\'s own figure is certainty claimed.'),
        payment: z
          .strictObject({
            status: z.enum(ransomPaymentStatuses).describe('paid, not-paid or refused, as a source states it.'),
            certainty: z.enum(certainties),
            sources: sourceIds,
            note: z.string().optional(),
          })
          .optional()
          .describe('Whether a ransom was paid.'),
      })
      .optional()
      .describe('Ransom demanded and paid.'),
  })
  .describe('The standard impact summary: the same fields on every incident, each with its certainty, date and sources. A field that is left out is unknown: no source gives it. It is never 0 for unknown.');

const reference = {
  id,
  name: z.string().describe('Display name.'),
  url: permalink,
};

export const incidentOutput = z
  .strictObject({
    id: id.describe('Incident id: short, descriptive, year-suffixed (e.g. synnovis-pathology-2024). Never changes.'),
    url: permalink,
    title: z.string(),
    summary: z.string().describe('Two to four plain sentences: what happened and what it meant for patients and staff.'),
    lastReviewed: day.describe('Day the record was last checked against its sources (YYYY-MM-DD). Changes whenever the record is updated.'),
    dates: z
      .strictObject({
        started: datedFact.describe('When the attack began (first access if known, else first disruption).'),
        detected: datedFact.optional().describe('When the victim detected it.'),
        disclosed: datedFact.optional().describe('First public statement by the victim or an authority.'),
        resolved: datedFact.optional().describe('Services restored or the incident closed.'),
      })
      .describe('Milestones, each with its precision and sources.'),
    organisations: z
      .array(
        z.strictObject({
          ...reference,
          type: z.enum(organisationTypes),
          region: z.enum(regions),
          role: z.enum(organisationRoles).describe('victim: directly attacked; downstream: disrupted through a supplier or partner; data-exposed: its data was exposed.'),
          certainty: z.enum(certainties),
          sources: sourceIds,
          note: z.string().optional(),
        }),
      )
      .describe('Affected organisations.'),
    vendors: z
      .array(
        z.strictObject({
          ...reference,
          role: z.enum(vendorRoles).describe('compromised-supplier: the supplier itself was attacked; vulnerable-product: a flaw in its product was exploited.'),
          products: z.array(z.strictObject({ id, name: z.string() })).describe('Products involved.'),
          sources: sourceIds,
          note: z.string().optional(),
        }),
      )
      .describe('Suppliers and software vendors involved.'),
    actors: z
      .array(
        z.strictObject({
          ...reference,
          attribution: z.enum(attributionStatuses).describe('confirmed by an authority or the victim, claimed by the attacker, reported by researchers or the press, or suspected.'),
          basis: z.string().describe('Who attributed it and on what evidence.'),
          sources: sourceIds,
        }),
      )
      .describe('Threat actors named for the incident, with the status of each attribution.'),
    attributionNote: z.string().optional().describe('Why no actor is named, when none is.'),
    attackTypes: z.array(z.strictObject(reference)).describe('Attack types from this site\'s taxonomy (see attack-types.json).'),
    vulnerabilities: z
      .array(
        z.strictObject({
          id: cveId,
          name: z.string(),
          url: permalink,
          certainty: z.enum(certainties).describe('How sure it is that this incident exploited the CVE: confirmed where the organisation or an authority names it.'),
          sources: sourceIds.describe('Ids of the sources (in this incident\'s `sources`) that tie the CVE to the incident; empty when the record names none.'),
          note: z.string().optional(),
        }),
      )
      .describe('Vulnerabilities exploited (see vulnerabilities.json), with how sure each link is.'),
    techniques: z
      .array(
        z.strictObject({
          id: z.string().regex(/^T\d{4}(\.\d{3})?$/).describe('MITRE ATT&CK technique id.'),
          name: z.string(),
          url: url.describe('The technique on attack.mitre.org.'),
          certainty: z.enum(certainties),
          basis: z.enum(factBases).describe('sourced: a cited source names the technique; analysis: this site mapped a behaviour a cited source describes.'),
          reasoning: z.string().optional().describe('Why the behaviour the sources describe is this technique (always given for basis analysis).'),
          sources: sourceIds,
        }),
      )
      .describe('MITRE ATT&CK (Enterprise) techniques, each with its certainty and basis. The names were checked against ATT&CK v18.1.'),
    initialAccess: z
      .strictObject({ description: z.string(), certainty: z.enum(certainties), sources: sourceIds })
      .optional()
      .describe('How the attackers got in, where known.'),
    dataExposed: z
      .array(
        z.strictObject({
          types: z.array(z.enum(dataTypes)).describe('Data varieties, after VERIS.'),
          subjects: z.array(z.enum(dataSubjects)).describe('Whose data, after VERIS.'),
          description: z.string(),
          certainty: z.enum(certainties),
          sources: sourceIds,
        }),
      )
      .describe('Data exposed or stolen.'),
    servicesDisrupted: z
      .array(z.strictObject({ service: z.string(), description: z.string(), sources: sourceIds }))
      .describe('Services disrupted.'),
    impact: z
      .array(
        z.strictObject({
          label: z.string(),
          value: z.number(),
          unit: z.enum(impactUnits),
          qualifier: z.enum(impactQualifiers).describe('"more-than 700" means the source said over 700; "at-least 81" that it said at least 81.'),
          asOf: partialDateOutput.describe('Date the figure applies to.'),
          certainty: z.enum(certainties),
          sources: sourceIds,
          note: z.string().optional(),
          series: id.optional().describe('Figures that share a series id are one measure over time (a line on a chart).'),
        }),
      )
      .describe('Impact figures, each as of a date and with its source.'),
    impactSummary: impactSummaryOutput,
    lessons: z
      .array(
        z.strictObject({
          text: z.string().describe('One thing to learn, in a sentence a reader can act on.'),
          basis: z.enum(factBases).describe('sourced: a cited source draws this lesson; analysis: this site\'s, from the cited facts.'),
          sources: sourceIds,
          controls: z.array(id).describe('Ids of the controls that put the lesson into practice (see controls.json).'),
        }),
      )
      .describe('Up to three things to learn from the incident.'),
    chronology: z
      .array(
        z.strictObject({
          date: partialDateOutput,
          kind: z.enum(eventKinds),
          event: z.string(),
          certainty: z.enum(certainties),
          sources: sourceIds,
        }),
      )
      .describe('Dated events, in the order the record gives them.'),
    conflicts: z
      .array(z.strictObject({ topic: z.string(), detail: z.string(), sources: sourceIds }))
      .describe('Where sources disagree.'),
    unknowns: z.array(z.string()).describe('What is not known.'),
    controls: z
      .array(
        z.strictObject({
          ...reference,
          framework: z.enum(controlFrameworks),
          reference: z.string().describe('The framework\'s own reference, e.g. "Principle 3".'),
          effect: z.enum(controlEffects).describe('Whether the control would have prevented, detected, limited or helped recover from the incident.'),
          basis: z.enum(controlBases).describe('sourced: a cited source says so; analysis: this site\'s reasoning.'),
          reasoning: z.string(),
          sources: sourceIds,
        }),
      )
      .describe('Controls that would have helped, and how.'),
    training: z
      .strictObject({
        audiences: z.array(z.enum(audiences)),
        hook: z.string(),
      })
      .describe('Who the case study suits; the full material is on the incident\'s training page.'),
    sources: z.array(source).describe('Every source the record cites.'),
    noPrimarySource: z.string().optional().describe('Why no source is primary, when none is (for example, the organisation\'s statements are known only through the press).'),
  })
  .describe('One incident with its references resolved to names and permalinks.');

const envelope = {
  $schema: url.describe('Address of the JSON Schema this file validates against.'),
  schemaVersion: z.literal(schemaVersion).describe('Version of this file\'s shape (semantic versioning).'),
  dataUpdated: day.optional().describe('The latest lastReviewed date of any incident: when the data last changed.'),
};

const incidentIds = z.array(id).describe('Ids of the incidents that involve this entry (see incidents.json).');

export const actorOutput = z.strictObject({
  id,
  url: permalink,
  name: z.string(),
  aliases: z.array(z.strictObject({ name: z.string(), usedBy: z.string().optional().describe('Who coined or uses the name.') })),
  type: z.enum(actorTypes).describe('STIX 2.1 threat-actor-type-ov.'),
  motivation: z.enum(motivations).optional().describe('STIX 2.1 attack-motivation-ov.'),
  summary: z.string(),
  firstSeen: partialDateOutput.optional(),
  ransomwareAsAService: z.boolean().describe('Operated as ransomware-as-a-service with affiliates.'),
  suspectedOrigin: z.string().regex(/^[A-Z]{2}$/).optional().describe('ISO 3166-1 alpha-2 country code, where an authority or several sources place the group.'),
  attackIds: z.array(z.string()).describe('MITRE ATT&CK group (G), software (S) or campaign (C) ids.'),
  sources: z.array(entitySource),
  incidents: incidentIds,
});

export const vendorOutput = z.strictObject({
  id,
  url: permalink,
  name: z.string(),
  aliases: z.array(z.string()),
  kinds: z.array(z.enum(vendorKinds)),
  summary: z.string(),
  website: url.optional(),
  products: z.array(z.strictObject({ id, name: z.string(), aliases: z.array(z.string()), description: z.string() })),
  sources: z.array(entitySource),
  incidents: incidentIds,
  asSupplier: z.array(id).describe('Incidents where this vendor was the compromised supplier.'),
  asProduct: z.array(id).describe('Incidents where a product of this vendor was exploited.'),
});

export const organisationOutput = z.strictObject({
  id,
  url: permalink,
  name: z.string(),
  shortName: z.string().optional(),
  type: z.enum(organisationTypes),
  region: z.enum(regions),
  odsCode: z.string().optional().describe('NHS Organisation Data Service code.'),
  website: url.optional(),
  summary: z.string().optional(),
  incidents: incidentIds,
});

export const vulnerabilityOutput = z.strictObject({
  id: cveId,
  url: permalink,
  name: z.string(),
  aliases: z.array(z.string()).describe('Common names, e.g. "EternalBlue".'),
  summary: z.string(),
  vendor: id.describe('Id of the vendor (see vendors.json).'),
  product: id.optional().describe('Id of the product under that vendor.'),
  cwes: z.array(z.string()).describe('CWE weakness ids.'),
  cvss: z
    .strictObject({
      version: z.enum(['2.0', '3.0', '3.1', '4.0']),
      score: z.number(),
      severity: z.enum(['none', 'low', 'medium', 'high', 'critical']),
      vector: z.string(),
      scoredBy: z.string().optional(),
    })
    .optional(),
  published: partialDateOutput.optional().describe('When the CVE record or advisory was published.'),
  patched: partialDateOutput.optional().describe('When a fix was available.'),
  affectedVersions: z.array(z.string()).describe('Versions affected, as the vendor or the CVE record words them.'),
  fixedVersions: z.array(z.string()).describe('Releases that contain the fix.'),
  advisory: z.string().optional().describe('Id (in this record\'s `sources`) of the vendor\'s own advisory.'),
  fixSources: z.array(z.string()).describe('Ids (in this record\'s `sources`) of the sources that give the fix date and fixed versions.'),
  fixNote: z.string().optional().describe('Why the fix date or fixed versions are not given.'),
  kev: z
    .strictObject({
      dateAdded: day,
      dueDate: day.optional(),
      knownRansomwareCampaignUse: z.enum(['Known', 'Unknown']).optional(),
    })
    .optional()
    .describe('CISA Known Exploited Vulnerabilities catalogue fields.'),
  sources: z.array(entitySource),
  incidents: incidentIds,
});

export const attackTypeOutput = z.strictObject({
  id,
  url: permalink,
  name: z.string(),
  summary: z.string(),
  parent: id.optional().describe('Parent attack type, for the two-level taxonomy.'),
  veris: z.string().optional().describe('Closest VERIS action variety.'),
  rsit: z.string().optional().describe('Closest ENISA Reference Security Incident Taxonomy class.'),
  techniques: z.array(z.string()).describe('ATT&CK techniques typical of this attack type.'),
  incidents: incidentIds,
});

export const controlOutput = z.strictObject({
  id,
  url: permalink,
  name: z.string(),
  framework: z.enum(controlFrameworks),
  reference: z.string(),
  summary: z.string(),
  frameworkUrl: url.optional().describe('Where the framework text can be read.'),
  sourceNote: z.string().optional().describe('Which source the summary paraphrases.'),
  mitigations: z.array(z.string()).describe('Related ATT&CK mitigation ids (M####).'),
  incidents: incidentIds,
});

/** Every JSON list file: its name (file name and top-level key) and the schema of one item. */
export const exportFiles = {
  incidents: { item: incidentOutput, title: 'Incidents' },
  actors: { item: actorOutput, title: 'Threat actors' },
  vendors: { item: vendorOutput, title: 'Suppliers and vendors' },
  organisations: { item: organisationOutput, title: 'Organisations' },
  vulnerabilities: { item: vulnerabilityOutput, title: 'Vulnerabilities' },
  'attack-types': { item: attackTypeOutput, title: 'Attack types' },
  controls: { item: controlOutput, title: 'Controls' },
} as const;

export type ExportFileName = keyof typeof exportFiles;
export const exportFileNames = Object.keys(exportFiles) as ExportFileName[];

/** The schema of a whole file: the envelope plus its list under a key named like the file. */
export function exportFileSchema<N extends ExportFileName>(name: N) {
  const { item, title } = exportFiles[name];
  return z
    .strictObject({ ...envelope, [name]: z.array(item as (typeof exportFiles)[N]['item']).describe(`${title}, in a stable order.`) })
    .describe(`${title} from the NHS cyber incidents knowledge base.`);
}

export type IncidentOutput = z.output<typeof incidentOutput>;
export type ImpactSummaryOutput = z.output<typeof impactSummaryOutput>;
export type ActorOutput = z.output<typeof actorOutput>;
export type VendorOutput = z.output<typeof vendorOutput>;
export type OrganisationOutput = z.output<typeof organisationOutput>;
export type VulnerabilityOutput = z.output<typeof vulnerabilityOutput>;
export type AttackTypeOutput = z.output<typeof attackTypeOutput>;
export type ControlOutput = z.output<typeof controlOutput>;

/** The published JSON Schema (draft 2020-12) for one file, generated from the zod schema above. */
export function exportJsonSchema(name: ExportFileName, schemaUrl: string): Record<string, unknown> {
  const generated = z.toJSONSchema(exportFileSchema(name), { target: 'draft-2020-12', io: 'output' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return { $schema, $id: schemaUrl, title: `${exportFiles[name].title} (schema version ${schemaVersion})`, ...rest };
}
