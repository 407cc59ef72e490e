/**
 * The ATT&CK Navigator layer file format, version 4.5 (attack-navigator layers/spec/v4.5/layerformat.md),
 * as a JSON Schema (draft 2020-12) written from the format's property tables: required fields, types,
 * and the values the tables allow. Unknown properties are refused, so a misspelt field cannot be
 * silently ignored by Navigator. Two rules a JSON Schema cannot say are in {@link layerFormatProblems}.
 */

const metadataOrDivider = {
  oneOf: [
    // Metadata object: name and value, both required strings.
    { type: 'object', properties: { name: { type: 'string', minLength: 1 }, value: { type: 'string', minLength: 1 } }, required: ['name', 'value'], additionalProperties: false },
    // Divider object: divider, a required boolean.
    { type: 'object', properties: { divider: { type: 'boolean' } }, required: ['divider'], additionalProperties: false },
  ],
};

const linkOrDivider = {
  oneOf: [
    // Link object: label and url required; "URLs must be prefixed with a protocol identifier".
    { type: 'object', properties: { label: { type: 'string', minLength: 1 }, url: { type: 'string', pattern: '^[a-z][a-z0-9+.-]*://' } }, required: ['label', 'url'], additionalProperties: false },
    { type: 'object', properties: { divider: { type: 'boolean' } }, required: ['divider'], additionalProperties: false },
  ],
};

const color = { type: 'string', pattern: '^#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?$' };

export const navigatorLayerSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'ATT&CK Navigator layer, format 4.5',
  type: 'object',
  required: ['name', 'domain'],
  additionalProperties: false,
  properties: {
    versions: {
      type: 'object',
      required: ['navigator', 'layer'],
      additionalProperties: false,
      properties: {
        attack: { type: 'string' },
        navigator: { type: 'string', pattern: '^\\d+\\.\\d+(\\.\\d+)?$' },
        layer: { const: '4.5' },
      },
    },
    name: { type: 'string', minLength: 1 },
    description: { type: 'string' },
    domain: { enum: ['enterprise-attack', 'mobile-attack', 'ics-attack'] },
    customDataURL: { type: 'string' },
    filters: {
      type: 'object',
      additionalProperties: false,
      properties: {
        platforms: {
          type: 'array',
          items: { enum: ['PRE', 'Windows', 'Linux', 'macOS', 'Network', 'AWS', 'GCP', 'Azure', 'Azure AD', 'Office 365', 'SaaS'] },
        },
      },
    },
    sorting: { enum: [0, 1, 2, 3] },
    layout: {
      type: 'object',
      additionalProperties: false,
      properties: {
        layout: { enum: ['side', 'flat', 'mini'] },
        showID: { type: 'boolean' },
        showName: { type: 'boolean' },
        showAggregateScores: { type: 'boolean' },
        countUnscored: { type: 'boolean' },
        aggregateFunction: { enum: ['average', 'min', 'max', 'sum'] },
        expandedSubtechniques: { enum: ['none', 'all', 'annotated'] },
      },
    },
    hideDisabled: { type: 'boolean' },
    techniques: {
      type: 'array',
      items: {
        type: 'object',
        required: ['techniqueID'],
        additionalProperties: false,
        properties: {
          // "T####", or "T####.###" for a sub-technique.
          techniqueID: { type: 'string', pattern: '^T\\d{4}(\\.\\d{3})?$' },
          tactic: { type: 'string', pattern: '^[a-z]+(-[a-z]+)*$' },
          comment: { type: 'string' },
          enabled: { type: 'boolean' },
          score: { type: 'number' },
          color: { anyOf: [color, { const: '' }] },
          metadata: { type: 'array', items: metadataOrDivider },
          links: { type: 'array', items: linkOrDivider },
          showSubtechniques: { type: 'boolean' },
        },
      },
    },
    gradient: {
      type: 'object',
      required: ['colors', 'minValue', 'maxValue'],
      additionalProperties: false,
      properties: {
        // "at least two values, corresponding to the minValue and maxValue scores".
        colors: { type: 'array', minItems: 2, items: color },
        minValue: { type: 'number' },
        maxValue: { type: 'number' },
      },
    },
    legendItems: {
      type: 'array',
      items: { type: 'object', required: ['label', 'color'], additionalProperties: false, properties: { label: { type: 'string' }, color } },
    },
    showTacticRowBackground: { type: 'boolean' },
    tacticRowBackground: color,
    selectTechniquesAcrossTactics: { type: 'boolean' },
    selectSubtechniquesWithParent: { type: 'boolean' },
    selectVisibleTechniques: { type: 'boolean' },
    metadata: { type: 'array', items: metadataOrDivider },
    links: { type: 'array', items: linkOrDivider },
  },
} as const;

/** The format's rules that JSON Schema cannot state: the gradient's maxValue must be above minValue, and Navigator must be at least 4.9.0. */
export function layerFormatProblems(layer: { versions?: { navigator?: string }; gradient?: { minValue: number; maxValue: number } }): string[] {
  const problems: string[] = [];
  if (layer.gradient && !(layer.gradient.maxValue > layer.gradient.minValue)) problems.push(`gradient maxValue ${layer.gradient.maxValue} must be greater than minValue ${layer.gradient.minValue}`);
  const [major = 0, minor = 0] = (layer.versions?.navigator ?? '0').split('.').map(Number);
  if (major < 4 || (major === 4 && minor < 9)) problems.push(`versions.navigator "${layer.versions?.navigator}" must be at least 4.9.0`);
  return problems;
}
