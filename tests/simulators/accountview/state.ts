import type { SimCompany, SimulatorState } from './types';

/** Rows are flat records of primitives, so a spread per row is a full copy, several times cheaper than structuredClone. */
function copyCompany(company: SimCompany): SimCompany {
  const tables = Object.fromEntries(Object.entries(company.tables).map(([name, rows]) => [name, rows.map((row) => ({ ...row }))]));
  return { ...company, tables };
}

export function createState(pristine: readonly SimCompany[]): SimulatorState {
  return { companies: pristine.map(copyCompany), codes: [], accessTokens: [], refreshTokens: [] };
}

/** In place, because tests hold on to `simulator.state`. */
export function resetState(state: SimulatorState, pristine: readonly SimCompany[]): void {
  Object.assign(state, createState(pristine));
}
