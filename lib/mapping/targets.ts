const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9_-]*$/;

// Keys that would reach an object's prototype when the result is assembled or later merged by a caller.
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** `address.street` → `['address', 'street']`, or the reason the target cannot be used. */
export function parseTarget(target: string): { path: string[] } | { reason: string } {
  if (target.trim() === '') return { reason: 'the target is empty' };
  const path = target.split('.');
  for (const segment of path) {
    if (!SEGMENT.test(segment)) {
      return { reason: `"${target}" is not a valid target: use letters, digits, _ and -, with dots between levels` };
    }
    if (FORBIDDEN.has(segment)) return { reason: `"${segment}" cannot be used as a target name` };
  }
  return { path };
}

/**
 * Targets that cannot both be written: the same target twice, or a target and a field inside it
 * (`address` and `address.street`). Returns one reason per offending target.
 */
export function conflictingTargets(targets: readonly string[]): Array<{ target: string; reason: string }> {
  const problems: Array<{ target: string; reason: string }> = [];
  const seen = new Set<string>();
  for (const target of targets) {
    if (seen.has(target)) problems.push({ target, reason: 'is mapped more than once' });
    seen.add(target);
  }
  for (const target of seen) {
    const parent = [...seen].find((other) => target.startsWith(`${other}.`));
    if (parent) problems.push({ target, reason: `cannot be set inside "${parent}", which is mapped as a whole` });
  }
  return problems;
}

/** Sets `value` at `path`, creating the objects on the way; conflicting targets were refused at compile time. */
export function setAt(record: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = record;
  for (const [i, key] of path.entries()) {
    if (i === path.length - 1) {
      node[key] = value;
      return;
    }
    const next = node[key];
    if (typeof next === 'object' && next !== null && !Array.isArray(next)) {
      node = next as Record<string, unknown>;
    } else {
      const created: Record<string, unknown> = {};
      node[key] = created;
      node = created;
    }
  }
}
