import { LEDGER_VAT_FIELD } from '../../assumptions';
import type { BusinessObjectDef, TableDef } from '../business-object';
import { char } from '../fields';
import { recordColumns } from './common';

export const LEDGER: TableDef = {
  name: 'LEDGER',
  description: 'Grootboekrekeningen',
  lastKey: 'ACCT_NR',
  fields: [char('ACCT_NR', 10, 'Rekeningnummer', { mandatory: true }), char('ACCT_NAME', 40, 'Omschrijving', { mandatory: true }), char(LEDGER_VAT_FIELD, 3, 'Btw-code'), ...recordColumns],
};

/** General ledger (GO, RB, PAS): PAS looks up the receivables account by ACCT_NAME = 'Debiteuren'. */
export const GL1: BusinessObjectDef = {
  code: 'GL1',
  description: 'Grootboekrekeningen',
  table: LEDGER,
  insertAllowed: false,
  updateAllowed: false,
  deleteAllowed: false,
};
