import { UPDATE_KEYS } from '../../assumptions';
import type { BusinessObjectDef, TableDef } from '../business-object';
import { char } from '../fields';
import { tableRows, text } from '../lookups';
import { recordColumns, refuseDuplicate } from './common';

export const ART_GRP: TableDef = {
  name: 'ART_GRP',
  description: 'Artikelgroepen',
  lastKey: 'REC_ID',
  fields: [char('AG_CODE', 10, 'Artikelgroep', { mandatory: true }), char('AG_DESC', 40, 'Omschrijving', { mandatory: true }), ...recordColumns],
};

export const AG1: BusinessObjectDef = {
  code: 'AG1',
  description: 'Artikelgroepen',
  table: ART_GRP,
  updateKey: UPDATE_KEYS.AG1,
  insertAllowed: true,
  updateAllowed: true,
  deleteAllowed: false,
  prepareInsert(ctx, header) {
    refuseDuplicate(tableRows(ctx.company, 'ART_GRP'), ctx.pending, 'AG_CODE', text(header.AG_CODE), 'Artikelgroep');
  },
};
