import { ACCESS_TOKEN_TTL_MS } from './assumptions';
import { createRandom, type Random } from './random';
import { seedCompanies } from './seed/companies';
import { createState } from './state';
import type { AccountViewSimulatorOptions, Fault, RecordedRequest, SimClient, SimCompany, SimulatorState } from './types';

export const DEFAULT_SEED = 20250601;

/** Everything a request handler needs: the resolved options plus the mutable state. */
export interface SimRuntime {
  clients: SimClient[];
  accessTokenTtlMs: number;
  now: () => number;
  seed: number;
  /** Generated once; reset() copies it, which is much cheaper than generating thousands of rows again. */
  pristine: readonly SimCompany[];
  state: SimulatorState;
  requests: RecordedRequest[];
  faults: Fault[];
  /** Drives fault probabilities, reseeded on reset so a test run is repeatable. */
  random: Random;
}

export function createRuntime(o: AccountViewSimulatorOptions): SimRuntime {
  if (o.clients.length === 0) throw new Error('AccountView simulator needs at least one registered client');
  for (const c of o.clients) {
    if (!c.clientId || !c.clientSecret) throw new Error('Every simulator client needs a clientId and a clientSecret');
  }
  const seed = o.seed ?? DEFAULT_SEED;
  const pristine = seedCompanies(seed);
  return {
    clients: o.clients.map((c) => ({ ...c, redirectUris: [...c.redirectUris] })),
    accessTokenTtlMs: o.accessTokenTtlMs ?? ACCESS_TOKEN_TTL_MS,
    now: o.now ?? Date.now,
    seed,
    pristine,
    state: createState(pristine),
    requests: [],
    faults: [],
    random: createRandom(seed),
  };
}

export function findClient(rt: SimRuntime, clientId: string | undefined): SimClient | undefined {
  return rt.clients.find((c) => c.clientId === clientId);
}

export function findCompany(rt: SimRuntime, id: string): SimCompany | undefined {
  const wanted = id.trim().toLowerCase();
  return rt.state.companies.find((c) => c.id.toLowerCase() === wanted);
}
