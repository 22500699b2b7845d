import {
  AUTO_NUMBERED,
  DETAIL_LINKS,
  ERROR_NUMBERS,
  HEADERS_NEED_LINES,
  INSERT_DEFAULTS,
  JOURNAL_TYPE_FIELD,
  JOURNAL_TYPES,
  REFUSE_DUPLICATE_INVOICE_NUMBER,
} from '../../assumptions';
import type { Row } from '../../types';
import type { BusinessObjectDef, TableDef } from '../business-object';
import { char, datetime, logical, num } from '../fields';
import { nextNumber, requireReference, tableRows, text } from '../lookups';
import { AvRefusal } from '../refusal';
import { recordColumns } from './common';

export const DJ_PAGE: TableDef = {
  name: 'DJ_PAGE',
  description: 'Boekstukken',
  lastKey: 'REC_ID',
  fields: [
    char('DJ_CODE', 3, 'Dagboek', { mandatory: true }),
    num('PAGE_NR', 0, 'Boekstuknummer'),
    char('INV_NR', 10, 'Factuurnummer'),
    char('SUB_NR', 10, 'Debiteur'),
    datetime('TRN_DATE', 'Boekdatum', { mandatory: true }),
    num('PERIOD', 0, 'Periode'),
    char('HDR_DESC', 40, 'Omschrijving'),
    logical('GROSS_FLG', 'Bedragen incl. btw'),
    char('CUR_CODE', 3, 'Valuta'),
    num('CRED_DAYS', 0, 'Betalingstermijn (dagen)'),
    num('PD_PCT', 2, 'Kortingspercentage'),
    char('COMMENT1', 60, 'Opmerking'),
    ...recordColumns,
  ],
};

export const DJ_LINE: TableDef = {
  name: 'DJ_LINE',
  description: 'Boekingsregels',
  lastKey: 'REC_ID',
  fields: [
    char('DJ_CODE', 3, 'Dagboek'),
    num('PAGE_NR', 0, 'Boekstuknummer'),
    char('ACCT_NR', 10, 'Grootboekrekening', { mandatory: true }),
    char('TRN_DESC', 40, 'Omschrijving'),
    num('AMOUNT', 2, 'Bedrag', { mandatory: true }),
    char('VAT_CODE', 3, 'Btw-code'),
    num('VAT_AMT', 2, 'Btw-bedrag'),
    num('TRN_QTY', 2, 'Aantal'),
    datetime('TRN_DATE', 'Boekdatum'),
    char('INV_NR', 10, 'Factuurnummer'),
    char('SUB_NR', 10, 'Debiteur'),
    char('COST_CODE', 10, 'Kostenplaats'),
    char('CUR_CODE', 3, 'Valuta'),
    num('BASE_AMT', 2, 'Bedrag in basisvaluta'),
    ...recordColumns,
  ],
};

/** Filled on lines from the page when left empty; the link columns themselves are set by the write engine. */
const COPIED_TO_LINES = ['INV_NR', 'SUB_NR', 'TRN_DATE', 'CUR_CODE'] as const;

function assignInvoiceNumber(pages: readonly Row[], header: Row): void {
  const djCode = text(header.DJ_CODE);
  const sameJournal = pages.filter((p) => text(p.DJ_CODE) === djCode);
  const invNr = text(header.INV_NR);
  if (invNr === '') {
    header[AUTO_NUMBERED.invoice] = String(nextNumber(sameJournal, 'INV_NR', 25000001));
  } else if (REFUSE_DUPLICATE_INVOICE_NUMBER && sameJournal.some((p) => text(p.INV_NR) === invNr)) {
    throw new AvRefusal(ERROR_NUMBERS.duplicateKey, `Factuurnummer '${invNr}' bestaat al in dagboek ${djCode} (INV_NR).`);
  }
}

/** Journal pages (GO, PAS): sales invoices are booked as DJ_PAGE + DJ_LINE in the sales journal; no updates (PAS). */
export const DJ2: BusinessObjectDef = {
  code: 'DJ2',
  description: 'Boekstukken',
  table: DJ_PAGE,
  detail: { table: DJ_LINE, link: DETAIL_LINKS.DJ_LINE },
  insertAllowed: true,
  updateAllowed: false,
  deleteAllowed: false,
  prepareInsert(ctx, header, lines) {
    const journal = requireReference(ctx.company, header, 'DJ_CODE', 'DAILY', 'DJ_CODE', 'Dagboek', true);
    const pages = [...tableRows(ctx.company, 'DJ_PAGE'), ...ctx.pending];
    if (journal?.[JOURNAL_TYPE_FIELD] === JOURNAL_TYPES.sales) {
      requireReference(ctx.company, header, 'SUB_NR', 'CONTACT', 'SUB_NR', 'Debiteur', true);
      assignInvoiceNumber(pages, header);
    }
    const djCode = text(header.DJ_CODE);
    header[AUTO_NUMBERED.page] = nextNumber(pages.filter((p) => text(p.DJ_CODE) === djCode), 'PAGE_NR', 1);
    if (Number(header.PERIOD) === 0) header.PERIOD = Number(text(header.TRN_DATE).slice(5, 7));
    if (text(header.CUR_CODE) === '') header.CUR_CODE = INSERT_DEFAULTS.currency;
    if (HEADERS_NEED_LINES && lines.length === 0) throw new AvRefusal(ERROR_NUMBERS.mandatory, 'Een boekstuk moet minstens één boekingsregel hebben.');
    for (const line of lines) {
      requireReference(ctx.company, line, 'ACCT_NR', 'LEDGER', 'ACCT_NR', 'Grootboekrekening', true);
      requireReference(ctx.company, line, 'VAT_CODE', 'VAT', 'VAT_CODE', 'Btw-code');
      for (const field of COPIED_TO_LINES) if (text(line[field]) === '') line[field] = header[field] ?? '';
      if (Number(line.BASE_AMT) === 0) line.BASE_AMT = Number(line.AMOUNT);
    }
  },
};
