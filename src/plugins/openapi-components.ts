// Route schemas stay inline (so validation and response serialization compile each route on its
// own, with no shared-schema registry to keep in step); the published document is what client
// generators read, so there every object schema with a type name in `title` becomes one entry of
// `components.schemas` and each use of it a `$ref`.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** A title that names a type (`PublicUser`), not a prose title such as a problem's `Not Found`. */
const TYPE_NAME = /^[A-Z][A-Za-z0-9]*$/;

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNamedSchema(node: JsonObject): node is JsonObject & { title: string } {
  return (
    typeof node.title === 'string' &&
    TYPE_NAME.test(node.title) &&
    (node.type !== undefined || node.anyOf !== undefined || node.oneOf !== undefined || node.allOf !== undefined)
  );
}

/**
 * Moves every titled schema of `schemas` (and what is nested in it) into `components`, replacing
 * it by a `$ref`. Two different schemas with the same title are a mistake in the code: throws.
 */
export function extractNamedSchemas(root: Json, components: Record<string, Json>, refPrefix: string): Json {
  const seen = new Map<string, string>();
  for (const [name, schema] of Object.entries(components)) seen.set(name, JSON.stringify(schema));

  const visit = (node: Json): Json => {
    if (Array.isArray(node)) return node.map(visit);
    if (!isObject(node)) return node;
    const copy: JsonObject = {};
    for (const [key, value] of Object.entries(node)) {
      // `examples` and `example` are data, not schemas.
      copy[key] = key === 'examples' || key === 'example' ? value : visit(value);
    }
    if (!isNamedSchema(copy)) return copy;
    const name = copy.title;
    const text = JSON.stringify(copy);
    const known = seen.get(name);
    if (known === undefined) {
      seen.set(name, text);
      components[name] = copy;
    } else if (known !== text) {
      throw new Error(`Two different schemas are titled ${name}: give one of them another title`);
    }
    return { $ref: `${refPrefix}${name}` };
  };
  return visit(root);
}

/** The OpenAPI document with its named schemas in `components.schemas`. */
export function withNamedComponents<T extends object>(document: T): T {
  const doc = structuredClone(document) as unknown as JsonObject;
  const components = isObject(doc.components) ? doc.components : {};
  const schemas: Record<string, Json> = isObject(components.schemas) ? { ...components.schemas } : {};
  const paths = extractNamedSchemas(doc.paths ?? {}, schemas, '#/components/schemas/');
  const sorted = Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b)));
  return { ...doc, paths, components: { ...components, schemas: sorted } } as unknown as T;
}
