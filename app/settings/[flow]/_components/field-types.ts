import type { ChoiceListName } from '@/lib/choice-lists/types';

/**
 * How one option of a flow's settings is edited. `path` is the option's place in the settings object
 * (dots for nesting), the same path zod names in its issues, so a refused value is shown at its field.
 */
export type Field =
  | { kind: 'text'; path: string; label: string; description?: string }
  | { kind: 'number'; path: string; label: string; description?: string; step?: number }
  | { kind: 'toggle'; path: string; label: string; description?: string }
  | { kind: 'radio'; path: string; label: string; options: { value: string; label: string }[] }
  | { kind: 'choice'; path: string; label: string; description?: string; list: ChoiceListName; numeric?: boolean; optional?: boolean }
  | { kind: 'multi-choice'; path: string; label: string; description?: string; list: ChoiceListName }
  | { kind: 'text-list'; path: string; label: string; description?: string }
  | { kind: 'map'; path: string; label: string; description?: string; key: MapSide; value: MapValueSide }
  | { kind: 'json'; path: string; label: string; description?: string };

/** One side of a key → value map: chosen from a list, typed, or a number. */
export type MapSide = { label: string } & ({ list: ChoiceListName; numeric?: boolean } | { type: 'text' | 'number' });

/** A map's value that is an object of optional parts, each chosen from its own list (e.g. article and/or account). */
export type MapValueSide = MapSide | { label: string; parts: { name: string; label: string; list: ChoiceListName }[] };

export interface Group {
  title: string;
  description?: string;
  fields: Field[];
}

export type Values = Record<string, unknown>;

export function getPath(values: unknown, path: string): unknown {
  let at: unknown = values;
  for (const key of path.split('.')) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

export function setPath(values: Values, path: string, value: unknown): Values {
  const [head, ...rest] = path.split('.');
  if (head === undefined) return values;
  if (rest.length === 0) {
    const next = { ...values };
    if (value === undefined) delete next[head];
    else next[head] = value;
    return next;
  }
  const child = values[head];
  return { ...values, [head]: setPath(child && typeof child === 'object' ? (child as Values) : {}, rest.join('.'), value) };
}
