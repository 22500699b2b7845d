/** One field that would be sent differently. `undefined` on a side: not sent there at all. */
export interface FieldChange {
  path: string;
  before?: string;
  after?: string;
}

/** Leaf values by path (`Sales order.lines[1].ART_PX`), as display text; empty objects and arrays count as leaves. */
export function flatten(value: unknown, path = '', out = new Map<string, string>()): Map<string, string> {
  if (Array.isArray(value) && value.length > 0) {
    value.forEach((item, i) => flatten(item, `${path}[${i}]`, out));
  } else if (value !== null && typeof value === 'object' && !(value instanceof Date) && Object.keys(value).length > 0) {
    for (const [key, child] of Object.entries(value)) flatten(child, path === '' ? key : `${path}.${key}`, out);
  } else if (value !== undefined) {
    out.set(path, value instanceof Date ? value.toISOString() : JSON.stringify(value));
  }
  return out;
}

/** The fields whose values differ between two records, in the order they appear (before's first). */
export function diffRecords(before: unknown, after: unknown): FieldChange[] {
  const a = flatten(before);
  const b = flatten(after);
  const changes: FieldChange[] = [];
  for (const [path, value] of a) {
    const next = b.get(path);
    if (next !== value) changes.push({ path, before: value, ...(next === undefined ? {} : { after: next }) });
  }
  for (const [path, value] of b) if (!a.has(path)) changes.push({ path, after: value });
  return changes;
}
