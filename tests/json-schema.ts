// A small JSON Schema (2020-12 subset, as used by OpenAPI 3.1) validator for tests: enough of
// the keywords to hold API responses to their documented shape. Unknown keywords are reported
// by `unknownKeywords`, so a schema cannot silently use something this checker ignores.
export type Schema = Record<string, unknown> | boolean;

export const SUPPORTED_KEYWORDS = new Set([
  "$ref", "type", "enum", "const", "properties", "required", "additionalProperties", "items", "minItems", "maxItems",
  "minimum", "maximum", "minLength", "maxLength", "pattern", "format", "oneOf", "anyOf", "allOf", "minProperties",
  "maxProperties", "description", "default", "example", "title",
]);

const TYPES = new Set(["string", "number", "integer", "boolean", "object", "array", "null"]);

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

function matchesType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  return actual === type || (type === "number" && actual === "integer");
}

const FORMATS: Record<string, (v: string) => boolean> = {
  "date-time": (v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(v) && !Number.isNaN(Date.parse(v)),
  date: (v) => /^\d{4}-\d{2}-\d{2}$/.test(v),
  email: (v) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v),
};

export function resolveRef(root: unknown, ref: string): unknown {
  if (!ref.startsWith("#/")) throw new Error(`only local $refs are supported: ${ref}`);
  return ref
    .slice(2)
    .split("/")
    .reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part.replace(/~1/g, "/").replace(/~0/g, "~")] : undefined), root);
}

/** Errors of `value` against `schema` ("" when valid), each with the JSON path it concerns. */
export function validate(value: unknown, schema: Schema, root: unknown, at = "$"): string[] {
  if (schema === true) return [];
  if (schema === false) return [`${at}: no value is allowed here`];
  const errors: string[] = [];
  if (typeof schema.$ref === "string") {
    const target = resolveRef(root, schema.$ref);
    if (target === undefined) return [`${at}: unresolved $ref ${schema.$ref}`];
    errors.push(...validate(value, target as Schema, root, at));
  }
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if (!types.some((t) => matchesType(value, t))) return [...errors, `${at}: expected ${types.join(" | ")}, got ${typeOf(value)}`];
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((e) => e === value)) errors.push(`${at}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  if ("const" in schema && schema.const !== value) errors.push(`${at}: expected ${JSON.stringify(schema.const)}`);
  if (typeof value === "string") {
    if (typeof schema.minLength === "number" && value.length < schema.minLength) errors.push(`${at}: shorter than ${schema.minLength}`);
    if (typeof schema.maxLength === "number" && value.length > schema.maxLength) errors.push(`${at}: longer than ${schema.maxLength}`);
    if (typeof schema.pattern === "string" && !new RegExp(schema.pattern, "u").test(value)) errors.push(`${at}: does not match ${schema.pattern}`);
    if (typeof schema.format === "string" && FORMATS[schema.format] && !FORMATS[schema.format]!(value)) errors.push(`${at}: not a valid ${schema.format}`);
  }
  if (typeof value === "number") {
    if (typeof schema.minimum === "number" && value < schema.minimum) errors.push(`${at}: below ${schema.minimum}`);
    if (typeof schema.maximum === "number" && value > schema.maximum) errors.push(`${at}: above ${schema.maximum}`);
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === "number" && value.length < schema.minItems) errors.push(`${at}: fewer than ${schema.minItems} items`);
    if (typeof schema.maxItems === "number" && value.length > schema.maxItems) errors.push(`${at}: more than ${schema.maxItems} items`);
    if (schema.items !== undefined) value.forEach((item, i) => errors.push(...validate(item, schema.items as Schema, root, `${at}[${i}]`)));
  }
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const object = value as Record<string, unknown>;
    const keys = Object.keys(object);
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const key of (schema.required as string[] | undefined) ?? []) if (!(key in object)) errors.push(`${at}: missing required property "${key}"`);
    for (const key of keys) {
      if (key in properties) errors.push(...validate(object[key], properties[key]!, root, `${at}.${key}`));
      else if (schema.additionalProperties === false) errors.push(`${at}: unexpected property "${key}"`);
      else if (schema.additionalProperties && typeof schema.additionalProperties === "object") errors.push(...validate(object[key], schema.additionalProperties as Schema, root, `${at}.${key}`));
    }
    if (typeof schema.minProperties === "number" && keys.length < schema.minProperties) errors.push(`${at}: fewer than ${schema.minProperties} properties`);
    if (typeof schema.maxProperties === "number" && keys.length > schema.maxProperties) errors.push(`${at}: more than ${schema.maxProperties} properties`);
  }
  if (Array.isArray(schema.allOf)) for (const sub of schema.allOf) errors.push(...validate(value, sub as Schema, root, at));
  if (Array.isArray(schema.anyOf) && !schema.anyOf.some((sub) => validate(value, sub as Schema, root, at).length === 0)) errors.push(`${at}: matches none of anyOf`);
  if (Array.isArray(schema.oneOf)) {
    const matching = schema.oneOf.filter((sub) => validate(value, sub as Schema, root, at).length === 0).length;
    if (matching !== 1) errors.push(`${at}: matches ${matching} of oneOf, expected exactly 1`);
  }
  return errors;
}

/** Keywords and type names in a schema tree that `validate` would not understand. */
export function unknownKeywords(schema: unknown, at = "$"): string[] {
  if (typeof schema === "boolean") return [];
  if (!schema || typeof schema !== "object" || Array.isArray(schema)) return [`${at}: a schema must be an object or boolean`];
  const node = schema as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of Object.keys(node)) if (!SUPPORTED_KEYWORDS.has(key)) problems.push(`${at}: unknown keyword "${key}"`);
  const types = node.type === undefined ? [] : Array.isArray(node.type) ? node.type : [node.type];
  for (const t of types) if (typeof t !== "string" || !TYPES.has(t)) problems.push(`${at}: unknown type ${JSON.stringify(t)}`);
  if (node.required !== undefined && (!Array.isArray(node.required) || node.required.some((r) => typeof r !== "string"))) problems.push(`${at}: required must list strings`);
  if (Array.isArray(node.required) && node.properties && typeof node.properties === "object") {
    for (const r of node.required as string[]) if (node.additionalProperties === false && !(r in (node.properties as object))) problems.push(`${at}: required "${r}" is not a property`);
  }
  for (const [key, sub] of Object.entries((node.properties as Record<string, unknown>) ?? {})) problems.push(...unknownKeywords(sub, `${at}.properties.${key}`));
  if (node.items !== undefined) problems.push(...unknownKeywords(node.items, `${at}.items`));
  if (node.additionalProperties !== undefined && typeof node.additionalProperties !== "boolean") problems.push(...unknownKeywords(node.additionalProperties, `${at}.additionalProperties`));
  for (const combinator of ["oneOf", "anyOf", "allOf"]) {
    if (node[combinator] !== undefined) {
      if (!Array.isArray(node[combinator])) problems.push(`${at}.${combinator}: must be an array`);
      else (node[combinator] as unknown[]).forEach((sub, i) => problems.push(...unknownKeywords(sub, `${at}.${combinator}[${i}]`)));
    }
  }
  return problems;
}
