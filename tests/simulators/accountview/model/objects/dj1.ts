import { JOURNAL_TYPE_FIELD } from '../../assumptions';
import type { BusinessObjectDef, TableDef } from '../business-object';
import { char, num } from '../fields';
import { recordColumns } from './common';

export const DAILY: TableDef = {
  name: 'DAILY',
  description: 'Dagboeken',
  lastKey: 'REC_ID',
  fields: [char('DJ_CODE', 3, 'Dagboekcode', { mandatory: true }), char('DJ_NAME', 30, 'Naam'), num(JOURNAL_TYPE_FIELD, 0, 'Soort dagboek'), ...recordColumns],
};

/** Journals (GO, PAS): PAS finds the sales journal by DJ_NAME = 'Verkoopboek'. Maintained in AccountView only. */
export const DJ1: BusinessObjectDef = {
  code: 'DJ1',
  description: 'Dagboeken',
  table: DAILY,
  insertAllowed: false,
  updateAllowed: false,
  deleteAllowed: false,
};
