/** Field-by-field documentation of a JSON file, read from its generated JSON Schema (so it cannot drift). */

export interface FieldDoc {
  /** Dotted path; "[]" marks an array item, e.g. "incidents[].dates.started.date.value". */
  path: string;
  type: string;
  required: boolean;
  description: string;
  /** Allowed values, for closed vocabularies. */
  values: string[];
}

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  description?: string;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  anyOf?: JsonSchema[];
};

function typeName(schema: JsonSchema): string {
  if (schema.const !== undefined) return `"${String(schema.const)}"`;
  if (schema.anyOf) return schema.anyOf.map(typeName).join(' or ');
  const type = Array.isArray(schema.type) ? schema.type.join(' or ') : (schema.type ?? 'any');
  if (type === 'array' && schema.items) return `list of ${typeName(schema.items)}`;
  if (type === 'string' && schema.format === 'uri') return 'URL';
  return type;
}

/** Every field under `schema`, depth first, in schema order. */
export function describeFields(schema: JsonSchema, prefix = '', required = true): FieldDoc[] {
  const docs: FieldDoc[] = [];
  if (prefix) {
    docs.push({
      path: prefix,
      type: typeName(schema),
      required,
      description: schema.description ?? schema.items?.description ?? '',
      values: (schema.enum ?? schema.items?.enum ?? []).map(String),
    });
  }
  const objectSchema = schema.type === 'array' ? schema.items : schema;
  const objectPrefix = schema.type === 'array' ? `${prefix}[]` : prefix;
  for (const [key, child] of Object.entries(objectSchema?.properties ?? {})) {
    docs.push(...describeFields(child, objectPrefix ? `${objectPrefix}.${key}` : key, objectSchema?.required?.includes(key) ?? false));
  }
  return docs;
}
