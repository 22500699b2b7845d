import { DEFAULT_SCOPE, SCOPES, WILDCARD_SCOPE } from '../assumptions';

const KNOWN: readonly string[] = Object.values(SCOPES);

/** The scope a consent grants, or null when it names a scope AccountView does not know. */
export function grantedScope(requested: string | undefined): string | null {
  const parts = (requested ?? '').split(/[\s+]+/).filter(Boolean);
  if (parts.length === 0) return DEFAULT_SCOPE;
  if (parts.includes(WILDCARD_SCOPE)) return KNOWN.join(' ');
  if (parts.some((p) => !KNOWN.includes(p))) return null;
  return [...new Set(parts)].join(' ');
}

export function hasScope(granted: string, needed: string): boolean {
  return granted.split(' ').includes(needed);
}

export const SCOPE_LABELS: Record<string, string> = {
  [SCOPES.read]: 'Gegevens uit uw administratie lezen',
  [SCOPES.update]: 'Gegevens in uw administratie toevoegen en wijzigen',
  [SCOPES.delete]: 'Gegevens uit uw administratie verwijderen',
};
