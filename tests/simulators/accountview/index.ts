export * as assumptions from './assumptions';
export { COMPANY_PROFILES } from './seed/companies';
export { DEFAULT_SEED } from './runtime';
export { startAccountViewSimulator } from './server';
export type {
  AccountViewSimulator,
  AccountViewSimulatorOptions,
  Fault,
  FaultControl,
  FaultKind,
  FaultSpec,
  IssueCodeInput,
  RecordedRequest,
  Row,
  SimClient,
  SimCompany,
  SimulatorState,
} from './types';
