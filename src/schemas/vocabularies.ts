/**
 * Closed vocabularies. Values a reader filters on are never free text. Where the field already
 * has a vocabulary we reuse it: VERIS 1.4 (data varieties, data subjects), STIX 2.1 open
 * vocabularies (threat-actor-type-ov, identity sectors), CISA KEV, and NHS structures.
 */

/** How sure a claim is. Every claim in an incident carries one. */
export const certainties = ['confirmed', 'claimed', 'reported', 'suspected'] as const;
export type Certainty = (typeof certainties)[number];
export const certaintyLabels: Record<Certainty, string> = {
  confirmed: 'Confirmed',
  claimed: 'Claimed by the attacker',
  reported: 'Reported',
  suspected: 'Suspected',
};
export const certaintyHelp: Record<Certainty, string> = {
  confirmed: 'stated by the organisation affected, an authority, a court or a regulator',
  claimed: 'said by the attackers themselves and not independently verified',
  reported: 'reported by the press or researchers, not confirmed by the organisation',
  suspected: 'an inference by researchers or analysts, not a statement of fact',
};

/** Attribution status of an actor for an incident (VERIS confidence meets STIX practice). */
export const attributionStatuses = ['confirmed', 'claimed', 'reported', 'suspected'] as const;
export type AttributionStatus = (typeof attributionStatuses)[number];
export const attributionLabels: Record<AttributionStatus, string> = {
  confirmed: 'Confirmed by an authority or the victim',
  claimed: 'Claimed by the attacker',
  reported: 'Reported by researchers or the press',
  suspected: 'Suspected',
};

/** Role of an affected organisation. */
export const organisationRoles = ['victim', 'downstream', 'data-exposed'] as const;
export const organisationRoleLabels: Record<(typeof organisationRoles)[number], string> = {
  victim: 'Directly attacked',
  downstream: 'Disrupted through a supplier or partner',
  'data-exposed': 'Its data was exposed',
};

/** A compromised supplier is not the same as a vulnerable product. */
export const vendorRoles = ['compromised-supplier', 'vulnerable-product'] as const;
export const vendorRoleLabels: Record<(typeof vendorRoles)[number], string> = {
  'compromised-supplier': 'Compromised supplier',
  'vulnerable-product': 'Vulnerable product exploited',
};

/** Kinds of organisation (for the organisation-type facet). */
export const organisationTypes = [
  'nhs-trust',
  'nhs-foundation-trust',
  'health-board',
  'integrated-care-board',
  'gp-practice',
  'primary-care-network',
  'community-provider',
  'independent-provider',
  'arms-length-body',
  'government',
  'local-authority',
  'other',
] as const;
export const organisationTypeLabels: Record<(typeof organisationTypes)[number], string> = {
  'nhs-trust': 'NHS trust',
  'nhs-foundation-trust': 'NHS foundation trust',
  'health-board': 'Health board (Scotland, Wales)',
  'integrated-care-board': 'Integrated care board',
  'gp-practice': 'GP practice',
  'primary-care-network': 'Primary care network or GP federation',
  'community-provider': 'Community health provider',
  'independent-provider': 'Independent provider of NHS services',
  'arms-length-body': 'National NHS body',
  government: 'Government department',
  'local-authority': 'Local authority',
  other: 'Other',
};

/** NHS England's seven regions plus the other UK nations. */
export const regions = [
  'london',
  'south-east',
  'south-west',
  'east-of-england',
  'midlands',
  'north-east-and-yorkshire',
  'north-west',
  'scotland',
  'wales',
  'northern-ireland',
  'england-national',
  'uk-wide',
] as const;
export const regionLabels: Record<(typeof regions)[number], string> = {
  london: 'London',
  'south-east': 'South East',
  'south-west': 'South West',
  'east-of-england': 'East of England',
  midlands: 'Midlands',
  'north-east-and-yorkshire': 'North East and Yorkshire',
  'north-west': 'North West',
  scotland: 'Scotland',
  wales: 'Wales',
  'northern-ireland': 'Northern Ireland',
  'england-national': 'England (national)',
  'uk-wide': 'UK-wide',
};

/** Data varieties, after VERIS attribute.confidentiality.data.variety, in plain words. */
export const dataTypes = [
  'medical',
  'personal',
  'sensitive-personal',
  'identity-documents',
  'contact-details',
  'device-identifiers',
  'credentials',
  'financial',
  'internal',
  'system',
  'unknown',
] as const;
export const dataTypeLabels: Record<(typeof dataTypes)[number], string> = {
  medical: 'Medical (test results, records, letters)',
  personal: 'Personal (names, dates of birth, NHS numbers)',
  'sensitive-personal': 'Sensitive personal (special category)',
  'identity-documents': 'Identity documents (passports, licences)',
  'contact-details': 'Contact details (phone numbers, addresses)',
  'device-identifiers': 'Device identifiers (IMEI, tokens)',
  credentials: 'Credentials',
  financial: 'Financial and business records',
  internal: 'Internal documents and email',
  system: 'System and technical data',
  unknown: 'Unknown',
};

/** Whose data, after VERIS attribute.confidentiality.data_victim. */
export const dataSubjects = ['patient', 'employee', 'public', 'partner', 'organisation', 'unknown'] as const;
export const dataSubjectLabels: Record<(typeof dataSubjects)[number], string> = {
  patient: 'Patients',
  employee: 'Staff',
  public: 'Members of the public',
  partner: 'Partners and suppliers',
  organisation: 'The organisation itself',
  unknown: 'Unknown',
};

/** Units for impact figures. */
export const impactUnits = [
  'appointments',
  'procedures',
  'patients',
  'people',
  'organisations',
  'samples',
  'devices',
  'systems',
  'gbp',
  'usd',
  'percent',
  'terabytes',
  'gigabytes',
  'days',
  'cases',
  'accounts',
] as const;
export const impactUnitLabels: Record<(typeof impactUnits)[number], string> = {
  appointments: 'appointments',
  procedures: 'procedures',
  patients: 'patients',
  people: 'people',
  organisations: 'organisations',
  samples: 'samples',
  devices: 'devices',
  systems: 'systems',
  gbp: '£',
  usd: 'US$',
  percent: '%',
  terabytes: 'TB',
  gigabytes: 'GB',
  days: 'days',
  cases: 'cases',
  accounts: 'accounts',
};

/** How a figure relates to its number: "more than 700" (the source said over 700), "at least 81". */
export const impactQualifiers = ['exact', 'at-least', 'more-than', 'about', 'up-to'] as const;
export const impactQualifierWords: Record<(typeof impactQualifiers)[number], string> = {
  exact: '',
  'at-least': 'at least ',
  'more-than': 'more than ',
  about: 'about ',
  'up-to': 'up to ',
};

/** Currencies for costs and ransoms: the one the source gives, never converted. */
export const currencies = ['gbp', 'usd', 'eur', 'btc'] as const;
/** How a sum is written: £3m, US$50m, 50 BTC. */
export const currencySymbols: Record<(typeof currencies)[number], { prefix: string; suffix: string }> = {
  gbp: { prefix: '£', suffix: '' },
  usd: { prefix: 'US$', suffix: '' },
  eur: { prefix: '€', suffix: '' },
  btc: { prefix: '', suffix: ' BTC' },
};

/** Units for an amount of stolen data. */
export const dataVolumeUnits = ['gigabytes', 'terabytes', 'records', 'files'] as const;
export const dataVolumeUnitLabels: Record<(typeof dataVolumeUnits)[number], string> = {
  gigabytes: 'GB',
  terabytes: 'TB',
  records: 'records',
  files: 'files',
};

/** Whether a ransom was paid. refused: the organisation said it would not pay; not-paid: a source says it was not paid. */
export const ransomPaymentStatuses = ['paid', 'not-paid', 'refused'] as const;
export const ransomPaymentLabels: Record<(typeof ransomPaymentStatuses)[number], string> = {
  paid: 'Paid',
  'not-paid': 'Not paid',
  refused: 'Refused to pay',
};

/** Kinds of chronology event, so timelines can mark first access, detection and recovery alike. */
export const eventKinds = [
  'initial-access',
  'detection',
  'response',
  'disclosure',
  'claim',
  'data-published',
  'disruption',
  'recovery',
  'regulator',
  'legal',
  'investigation',
  'other',
] as const;
export const eventKindLabels: Record<(typeof eventKinds)[number], string> = {
  'initial-access': 'First access',
  detection: 'Detection',
  response: 'Response',
  disclosure: 'Disclosure',
  claim: 'Attacker claim',
  'data-published': 'Data published',
  disruption: 'Disruption',
  recovery: 'Recovery',
  regulator: 'Regulator action',
  legal: 'Legal action',
  investigation: 'Investigation',
  other: 'Other',
};

/** Sources: primary (the organisation, regulator, court, NAO, CVE record) or secondary (press, research). */
export const sourceKinds = ['primary', 'secondary'] as const;

/** STIX 2.1 threat-actor-type-ov. */
export const actorTypes = [
  'activist',
  'competitor',
  'crime-syndicate',
  'criminal',
  'hacker',
  'insider-accidental',
  'insider-disgruntled',
  'nation-state',
  'sensationalist',
  'spy',
  'terrorist',
  'unknown',
] as const;
export const actorTypeLabels: Record<(typeof actorTypes)[number], string> = {
  activist: 'Activist',
  competitor: 'Competitor',
  'crime-syndicate': 'Organised criminal group',
  criminal: 'Individual criminal',
  hacker: 'Hacker',
  'insider-accidental': 'Insider (accidental)',
  'insider-disgruntled': 'Insider (disgruntled)',
  'nation-state': 'Nation state',
  sensationalist: 'Sensationalist',
  spy: 'Spy',
  terrorist: 'Terrorist',
  unknown: 'Unknown',
};

/** STIX 2.1 attack-motivation-ov. */
export const motivations = [
  'accidental',
  'coercion',
  'dominance',
  'ideology',
  'notoriety',
  'organizational-gain',
  'personal-gain',
  'personal-satisfaction',
  'revenge',
  'unpredictable',
] as const;
export const motivationLabels: Record<(typeof motivations)[number], string> = {
  accidental: 'Accidental',
  coercion: 'Coercion',
  dominance: 'Dominance',
  ideology: 'Ideology',
  notoriety: 'Notoriety',
  'organizational-gain': 'Gain for an organisation',
  'personal-gain': 'Financial or personal gain',
  'personal-satisfaction': 'Personal satisfaction',
  revenge: 'Revenge',
  unpredictable: 'Unpredictable',
};

/** What a vendor is to the NHS. */
export const vendorKinds = ['nhs-supplier', 'software-vendor', 'service-provider'] as const;
export const vendorKindLabels: Record<(typeof vendorKinds)[number], string> = {
  'nhs-supplier': 'Supplier to the NHS',
  'software-vendor': 'Software vendor',
  'service-provider': 'Service provider',
};

/** Frameworks a control belongs to. */
export const controlFrameworks = ['nhs-supplier-charter', 'ncsc-caf', 'cyber-essentials', 'dspt'] as const;
export const controlFrameworkLabels: Record<(typeof controlFrameworks)[number], string> = {
  'nhs-supplier-charter': 'NHS cyber security charter for suppliers',
  'ncsc-caf': 'NCSC Cyber Assessment Framework',
  'cyber-essentials': 'Cyber Essentials',
  dspt: 'Data Security and Protection Toolkit',
};

/** How a control would have helped. */
export const controlEffects = ['prevent', 'detect', 'limit', 'recover'] as const;
/** Whether a source says so, or it is our reasoning (labelled as analysis). */
export const controlBases = ['sourced', 'analysis'] as const;
/** The same two bases, for any claim that may be ours (ATT&CK techniques, lessons). */
export const factBases = controlBases;
export const controlEffectLabels: Record<(typeof controlEffects)[number], string> = {
  prevent: 'Would have prevented it',
  detect: 'Would have detected it sooner',
  limit: 'Would have limited the damage',
  recover: 'Would have sped recovery',
};
export const controlBasisLabels: Record<(typeof controlBases)[number], string> = {
  sourced: 'A cited source says so',
  analysis: 'Our analysis, not a source\'s finding',
};

/** Who a case study is for. */
export const audiences = [
  'clinicians',
  'it-security',
  'information-governance',
  'eprr',
  'board',
  'suppliers',
  'all-staff',
] as const;
export const audienceLabels: Record<(typeof audiences)[number], string> = {
  clinicians: 'Clinicians and clinical managers',
  'it-security': 'IT and cyber security teams',
  'information-governance': 'Information governance and data protection',
  eprr: 'Emergency preparedness (EPRR)',
  board: 'Boards and executives',
  suppliers: 'Suppliers and procurement',
  'all-staff': 'All staff',
};

/** Training topics for the case-study catalogue. */
export const trainingTopics = [
  'ransomware',
  'supplier-failure',
  'clinical-impact',
  'data-breach',
  'patching',
  'identity-and-access',
  'business-continuity',
  'communications',
  'regulation',
] as const;
