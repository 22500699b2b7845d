import { ARTICLE_FIELDS as A, FREE_STOCK_INCLUDES_PURCHASE_ORDERS, IMAGE_FIELDS, INSERT_DEFAULTS, UPDATE_KEYS } from '../../assumptions';
import type { Row } from '../../types';
import type { BusinessObjectDef, TableDef } from '../business-object';
import { char, general, logical, memo, num } from '../fields';
import { requireReference, tableRows, text } from '../lookups';
import { recordColumns, refuseDuplicate } from './common';

export const ARTICLE: TableDef = {
  name: 'ARTICLE',
  description: 'Artikelen',
  lastKey: 'REC_ID',
  fields: [
    char('ART_CODE', 20, 'Artikelcode', { mandatory: true }),
    char('ART_DESC1', 50, 'Omschrijving', { mandatory: true }),
    char(A.description2, 50, 'Omschrijving 2'),
    char('AG_CODE', 10, 'Artikelgroep'),
    char(A.variantGroup, 20, 'Modelcode (variantfamilie)'),
    char(A.size, 10, 'Maat'),
    char(A.colour, 20, 'Kleur'),
    char(A.ean, 13, 'EAN-code'),
    char(A.unit, 3, 'Eenheid'),
    num('PX_SELL', 4, 'Verkoopprijs excl. btw'),
    num('COST_PX', 4, 'Kostprijs'),
    char(A.vatCode, 3, 'Btw-code'),
    num('QTY_TECH', 2, 'Technische voorraad'),
    num(A.reserved, 2, 'Gereserveerd'),
    num('QTY_AVAIL', 2, 'Beschikbare voorraad'),
    num('QTY_BESTEL', 2, 'Besteld bij leveranciers'),
    num('QTY_FREE2', 2, 'Vrije voorraad 2'),
    num(A.weight, 3, 'Gewicht (kg)'),
    logical(A.blocked, 'Geblokkeerd'),
    general(IMAGE_FIELDS.name, 'Afbeelding', { heavy: true }),
    memo(IMAGE_FIELDS.data, 'Afbeelding (data)', { heavy: true }),
    ...recordColumns,
  ],
};

/** Stock columns that follow from the others (see the stock assumptions). */
export function deriveStock(row: Row): void {
  const tech = Number(row.QTY_TECH ?? 0);
  const reserved = Number(row[A.reserved] ?? 0);
  const ordered = Number(row.QTY_BESTEL ?? 0);
  row.QTY_AVAIL = tech - reserved;
  row.QTY_FREE2 = tech - reserved + (FREE_STOCK_INCLUDES_PURCHASE_ORDERS ? ordered : 0);
}

const STOCK_INPUTS = ['QTY_TECH', A.reserved, 'QTY_BESTEL'];

export const AK1: BusinessObjectDef = {
  code: 'AK1',
  description: 'Artikelen',
  table: ARTICLE,
  updateKey: UPDATE_KEYS.AK1,
  insertAllowed: true,
  updateAllowed: true,
  deleteAllowed: false,
  prepareInsert(ctx, header) {
    refuseDuplicate(tableRows(ctx.company, 'ARTICLE'), ctx.pending, 'ART_CODE', text(header.ART_CODE), 'Artikel');
    if (text(header[A.vatCode]) === '') header[A.vatCode] = INSERT_DEFAULTS.articleVatCode;
    if (text(header[A.unit]) === '') header[A.unit] = INSERT_DEFAULTS.articleUnit;
    requireReference(ctx.company, header, 'AG_CODE', 'ART_GRP', 'AG_CODE', 'Artikelgroep');
    requireReference(ctx.company, header, A.vatCode, 'VAT', 'VAT_CODE', 'Btw-code');
    deriveStock(header);
  },
  prepareUpdate(ctx, existing, changes) {
    if ('AG_CODE' in changes) requireReference(ctx.company, changes, 'AG_CODE', 'ART_GRP', 'AG_CODE', 'Artikelgroep');
    if (A.vatCode in changes) requireReference(ctx.company, changes, A.vatCode, 'VAT', 'VAT_CODE', 'Btw-code', true);
    if (STOCK_INPUTS.some((f) => f in changes)) {
      const merged = { ...existing, ...changes };
      deriveStock(merged);
      changes.QTY_AVAIL = merged.QTY_AVAIL ?? 0;
      changes.QTY_FREE2 = merged.QTY_FREE2 ?? 0;
    }
  },
};
