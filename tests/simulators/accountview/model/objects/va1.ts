import { VAT_FIELDS } from '../../assumptions';
import type { BusinessObjectDef, TableDef } from '../business-object';
import { char, num } from '../fields';
import { recordColumns } from './common';

export const VAT: TableDef = {
  name: 'VAT',
  description: 'Btw-codes',
  lastKey: 'REC_ID',
  fields: [char('VAT_CODE', 3, 'Btw-code', { mandatory: true }), char(VAT_FIELDS.description, 30, 'Omschrijving'), num(VAT_FIELDS.percentage, 2, 'Percentage'), ...recordColumns],
};

export const VA1: BusinessObjectDef = {
  code: 'VA1',
  description: 'Btw-codes',
  table: VAT,
  insertAllowed: false,
  updateAllowed: false,
  deleteAllowed: false,
};
