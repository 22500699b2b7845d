export { accountViewConfig } from './config';
export {
  accountViewFor,
  chooseCompany,
  completeConnect,
  connectionView,
  consentUrl,
  disconnect,
  listCompanies,
  testConnection,
  withAccountView,
  type ConnectionTestReport,
  type ConnectionView,
} from './connection';
export { ConnectError, describeAccountViewProblem, NotConfiguredError, NotConnectedError, type AccountViewProblem } from './problems';
