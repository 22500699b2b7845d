import {
  ARTICLE_FIELDS as A,
  DELIVERY_ADDRESS_KEY,
  DETAIL_LINKS,
  ERROR_NUMBERS,
  HEADERS_NEED_LINES,
  ORDER_NUMBER_FIELD,
  ORDERS_RESERVE_STOCK,
  REFUSE_BLOCKED_ON_ORDERS,
  REFUSE_ZERO_QUANTITY,
  UPDATE_KEYS,
} from '../../assumptions';
import type { Row } from '../../types';
import type { BusinessObjectDef, TableDef, WriteContext } from '../business-object';
import { char, datetime, num } from '../fields';
import { findRow, nextNumber, requireReference, tableRows, text } from '../lookups';
import { AvRefusal } from '../refusal';
import { deriveStock } from './ak1';
import { recordColumns, refuseBlocked, refuseDuplicate } from './common';

export const SO_HDR: TableDef = {
  name: 'SO_HDR',
  description: 'Verkooporders',
  lastKey: 'REC_ID',
  fields: [
    char(ORDER_NUMBER_FIELD, 10, 'Ordernummer'),
    datetime('ORD_DATE', 'Orderdatum'),
    datetime('DEL_DATE', 'Leverdatum'),
    datetime('INV_DATE', 'Factuurdatum'),
    char('RPL_INV', 10, 'Factuurdebiteur', { mandatory: true }),
    char('RPL_DEL', 10, 'Afleverdebiteur'),
    char('DEL_CODE', 10, 'Afleveradres'),
    char('COMMENT1', 60, 'Omschrijving'),
    char('COMMENT2', 60, 'Opmerking'),
    char('TO_EMAIL', 60, 'E-mail orderbevestiging'),
    num('PD_AMT', 2, 'Kortingsbedrag'),
    char('EMP_NR', 10, 'Verkoper'),
    char('APX_LIST', 10, 'Prijslijst'),
    ...recordColumns,
  ],
};

export const SO_LINE: TableDef = {
  name: 'SO_LINE',
  description: 'Verkooporderregels',
  lastKey: 'REC_ID',
  fields: [
    char(ORDER_NUMBER_FIELD, 10, 'Ordernummer'),
    char('ART_CODE', 20, 'Artikelcode', { mandatory: true }),
    num('ORD_QTY', 2, 'Aantal', { mandatory: true }),
    num('ART_PX', 4, 'Prijs per eenheid'),
    datetime('DEL_DATE', 'Leverdatum'),
    ...recordColumns,
  ],
};

function checkDebtor(ctx: WriteContext, header: Row): void {
  const debtor = requireReference(ctx.company, header, 'RPL_INV', 'CONTACT', 'SUB_NR', 'Factuurdebiteur', true);
  if (debtor && REFUSE_BLOCKED_ON_ORDERS) {
    refuseBlocked(debtor, 'REC_BLK', `Debiteur '${text(debtor.SUB_NR)}' is geblokkeerd.`);
    refuseBlocked(debtor, 'BLK_SP', `Debiteur '${text(debtor.SUB_NR)}' is geblokkeerd voor verkooporders.`);
  }
  requireReference(ctx.company, header, 'RPL_DEL', 'CONTACT', 'SUB_NR', 'Afleverdebiteur');
  const delCode = text(header.DEL_CODE);
  if (delCode !== '' && !tableRows(ctx.company, 'DEL_ADDR').some((r) => text(r[DELIVERY_ADDRESS_KEY]) === delCode)) {
    throw new AvRefusal(ERROR_NUMBERS.unknownReference, `Afleveradres '${delCode}' bestaat niet (DEL_CODE).`);
  }
}

function checkLine(ctx: WriteContext, line: Row, index: number): void {
  const article = requireReference(ctx.company, line, 'ART_CODE', 'ARTICLE', 'ART_CODE', 'Artikel', true);
  if (article && REFUSE_BLOCKED_ON_ORDERS) refuseBlocked(article, A.blocked, `Artikel '${text(article.ART_CODE)}' is geblokkeerd.`);
  if (REFUSE_ZERO_QUANTITY && Number(line.ORD_QTY) === 0) {
    throw new AvRefusal(ERROR_NUMBERS.invalidValue, `Orderregel ${index + 1}: het aantal (ORD_QTY) mag niet 0 zijn.`);
  }
}

/** Sales orders (PHP `sendOrder`): header SO_HDR with SO_LINE details. */
export const SO1: BusinessObjectDef = {
  code: 'SO1',
  description: 'Verkooporders',
  table: SO_HDR,
  detail: { table: SO_LINE, link: DETAIL_LINKS.SO_LINE },
  updateKey: UPDATE_KEYS.SO1,
  insertAllowed: true,
  updateAllowed: true,
  deleteAllowed: false,
  prepareInsert(ctx, header, lines) {
    const rows = tableRows(ctx.company, 'SO_HDR');
    const ordNr = text(header[ORDER_NUMBER_FIELD]);
    if (ordNr === '') header[ORDER_NUMBER_FIELD] = String(nextNumber([...rows, ...ctx.pending], ORDER_NUMBER_FIELD, 250001));
    else refuseDuplicate(rows, ctx.pending, ORDER_NUMBER_FIELD, ordNr, 'Verkooporder');
    if (text(header.ORD_DATE) === '') header.ORD_DATE = ctx.now;
    checkDebtor(ctx, header);
    if (HEADERS_NEED_LINES && lines.length === 0) throw new AvRefusal(ERROR_NUMBERS.mandatory, 'Een verkooporder moet minstens één orderregel hebben.');
    lines.forEach((line, i) => {
      checkLine(ctx, line, i);
      if (text(line.DEL_DATE) === '') line.DEL_DATE = header.DEL_DATE ?? '';
    });
  },
  afterInsert(ctx, _header, lines) {
    if (!ORDERS_RESERVE_STOCK) return;
    for (const line of lines) {
      const article = findRow(ctx.company, 'ARTICLE', 'ART_CODE', line.ART_CODE);
      if (!article) continue;
      article[A.reserved] = Number(article[A.reserved] ?? 0) + Number(line.ORD_QTY);
      deriveStock(article);
      article.CNG_DATE = ctx.now;
    }
  },
  prepareUpdate(ctx, existing, changes) {
    checkDebtor(ctx, { ...existing, ...changes });
  },
};
