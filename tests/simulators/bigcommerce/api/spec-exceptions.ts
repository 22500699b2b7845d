/**
 * The one place where BigCommerce's published specs are corrected before request bodies are checked
 * against them: each entry is a spec that is stricter than the live API (reference §3).
 */
type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function schema(doc: Json, name: string): Json {
  const found = isObject(doc.components) && isObject(doc.components.schemas) ? doc.components.schemas[name] : undefined;
  if (!isObject(found)) throw new Error(`spec exception: no schema ${name}`);
  return found;
}

/** Drops names from every `required` list inside a schema (not following $refs). */
function unrequire(node: unknown, names: readonly string[]): void {
  if (Array.isArray(node)) return node.forEach((n) => unrequire(n, names));
  if (!isObject(node)) return;
  if (Array.isArray(node.required)) node.required = node.required.filter((r) => !names.includes(String(r)));
  for (const value of Object.values(node)) unrequire(value, names);
}

const EXCEPTIONS: Record<string, (doc: Json) => void> = {
  'products_catalog.v3.yml': (doc) => {
    // `POST /catalog/products` reuses productVariant_Full for `variants[]`, which requires `id` and `product_id`;
    // a variant being created has neither (reference §3).
    unrequire(schema(doc, 'productVariant_Full'), ['id', 'product_id']);
  },
  'category-trees_catalog.v3.yml': (doc) => {
    // The spec's anyOf demands `tree_id` and `parent_id` together; the docs (reference §2.3) need either one,
    // which the category-trees route checks itself.
    const items = schema(doc, 'CreateCategories').items;
    if (isObject(items)) delete items.anyOf;
  },
};

export function applySpecExceptions(file: string, doc: Json): void {
  EXCEPTIONS[file]?.(doc);
}
