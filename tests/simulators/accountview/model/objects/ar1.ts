import { AR1_EXTRA_TABLES, AUTO_NUMBERED, DEFAULT_DEBTOR_COLLECTIVE_ACCOUNT, INSERT_DEFAULTS, UPDATE_KEYS } from '../../assumptions';
import type { BusinessObjectDef, TableDef } from '../business-object';
import { char, logical } from '../fields';
import { nextNumber, requireReference, tableRows, text } from '../lookups';
import { recordColumns, refuseDuplicate } from './common';

export const CONTACT: TableDef = {
  name: 'CONTACT',
  description: 'Relaties',
  lastKey: 'SUB_NR',
  fields: [
    char('SUB_NR', 10, 'Debiteurnummer'),
    char('ACCT_NAME', 40, 'Naam', { mandatory: true }),
    char('SRC_CODE', 10, 'Zoekcode'),
    char('ACCT_NR', 10, 'Verzamelrekening'),
    char('ADDRESS1', 40, 'Adres'),
    char('POST_CODE', 10, 'Postcode'),
    char('CITY', 30, 'Plaats'),
    char('BOX_CITY', 40, 'Postcode en plaats'),
    char('CNT_CODE', 3, 'Landcode'),
    char('COUNTRY', 30, 'Land'),
    char('MAIL_BUS', 60, 'E-mail zakelijk'),
    char('TEL_BUS', 20, 'Telefoon zakelijk'),
    char('TEL_MOB', 20, 'Telefoon mobiel'),
    char('WWW_URL', 60, 'Website'),
    char('MAIN_CONT', 40, 'Contactpersoon'),
    char('MC_MAILB', 60, 'E-mail contactpersoon'),
    char('MC_DEAR', 40, 'Aanhef contactpersoon'),
    char('VAT_NR', 20, 'Btw-nummer'),
    char('COC_CODE', 12, 'KvK-nummer'),
    char('IBAN_NR', 34, 'IBAN'),
    char('VAT_CODE', 3, 'Btw-code'),
    char('CUR_CODE', 3, 'Valuta'),
    char('LNG_CODE', 3, 'Taal'),
    char('DISC_CODE', 3, 'Betalingsconditie'),
    logical('REC_BLK', 'Geblokkeerd'),
    logical('BLK_SP', 'Geblokkeerd voor verkooporders'),
    logical('EL_SI', 'Facturen per e-mail'),
    ...recordColumns,
  ],
};

/** Debtors (reference §4(b)): PHP inserts without SUB_NR and AccountView numbers them. */
export const AR1: BusinessObjectDef = {
  code: 'AR1',
  description: 'Debiteuren',
  table: CONTACT,
  alsoReturns: AR1_EXTRA_TABLES,
  updateKey: UPDATE_KEYS.AR1,
  insertAllowed: true,
  updateAllowed: true,
  deleteAllowed: false,
  prepareInsert(ctx, header) {
    const rows = tableRows(ctx.company, 'CONTACT');
    const subNr = text(header.SUB_NR);
    if (subNr === '') header[AUTO_NUMBERED.debtor] = String(nextNumber([...rows, ...ctx.pending], 'SUB_NR', 10001));
    else refuseDuplicate(rows, ctx.pending, 'SUB_NR', subNr, 'Debiteur');
    if (text(header.ACCT_NR) === '') header.ACCT_NR = DEFAULT_DEBTOR_COLLECTIVE_ACCOUNT;
    if (text(header.CNT_CODE) === '') header.CNT_CODE = INSERT_DEFAULTS.countryCode;
    if (text(header.CUR_CODE) === '') header.CUR_CODE = INSERT_DEFAULTS.currency;
    requireReference(ctx.company, header, 'ACCT_NR', 'LEDGER', 'ACCT_NR', 'Grootboekrekening');
    requireReference(ctx.company, header, 'VAT_CODE', 'VAT', 'VAT_CODE', 'Btw-code');
  },
  prepareUpdate(ctx, _existing, changes) {
    if ('ACCT_NR' in changes) requireReference(ctx.company, changes, 'ACCT_NR', 'LEDGER', 'ACCT_NR', 'Grootboekrekening', true);
    if ('VAT_CODE' in changes) requireReference(ctx.company, changes, 'VAT_CODE', 'VAT', 'VAT_CODE', 'Btw-code');
  },
};
