import { INSERT_DEFAULTS, UPDATE_KEYS } from '../../assumptions';
import type { BusinessObjectDef, TableDef } from '../business-object';
import { char } from '../fields';
import { requireReference, text } from '../lookups';
import { recordColumns } from './common';

export const DEL_ADDR: TableDef = {
  name: 'DEL_ADDR',
  description: 'Afleveradressen',
  lastKey: 'REC_ID',
  fields: [
    char('SUB_NR', 10, 'Debiteurnummer', { mandatory: true }),
    char('DEL_NAME', 40, 'Naam'),
    char('ADDRESS1', 40, 'Adres'),
    char('POST_CODE', 10, 'Postcode'),
    char('CITY', 30, 'Plaats'),
    char('CNT_CODE', 3, 'Landcode'),
    char('MAIL_BUS', 60, 'E-mail'),
    char('TEL_BUS', 20, 'Telefoon'),
    ...recordColumns,
  ],
};

/** Delivery addresses (PHP): the insert response carries the new REC_ID, which SO_HDR.DEL_CODE refers to. */
export const ADDR: BusinessObjectDef = {
  code: 'ADDR',
  description: 'Afleveradressen',
  table: DEL_ADDR,
  updateKey: UPDATE_KEYS.ADDR,
  insertAllowed: true,
  updateAllowed: true,
  deleteAllowed: false,
  prepareInsert(ctx, header) {
    requireReference(ctx.company, header, 'SUB_NR', 'CONTACT', 'SUB_NR', 'Debiteur', true);
    if (text(header.CNT_CODE) === '') header.CNT_CODE = INSERT_DEFAULTS.countryCode;
  },
  prepareUpdate(ctx, _existing, changes) {
    if ('SUB_NR' in changes) requireReference(ctx.company, changes, 'SUB_NR', 'CONTACT', 'SUB_NR', 'Debiteur', true);
  },
};
