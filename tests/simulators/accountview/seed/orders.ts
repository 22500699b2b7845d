import { ARTICLE_FIELDS as A, ORDER_NUMBER_FIELD } from '../assumptions';
import type { Random } from '../random';
import type { Row } from '../types';
import { addDays, officeHours } from './wall-clock';

const SOURCES = ['Telefonische bestelling', 'Balieverkoop', 'Bestelling per e-mail', 'Beursorder'];

/** Sales orders entered in AccountView itself (not by the app), so SO1 reads have history. */
export function seedOrders(random: Random, count: number, contacts: readonly Row[], articles: readonly Row[]): { headers: Row[]; lines: Row[] } {
  const sellable = articles.filter((a) => a[A.blocked] !== true);
  const debtors = contacts.filter((c) => c.REC_BLK !== true && c.BLK_SP !== true);
  const headers: Row[] = [];
  const lines: Row[] = [];
  for (let i = 0; i < count; i++) {
    const debtor = random.pick(debtors);
    const ordNr = String(250001 + i);
    const ordDate = officeHours(random, '2025-01-06', 140);
    const delDate = addDays(ordDate, random.int(1, 10));
    headers.push({
      [ORDER_NUMBER_FIELD]: ordNr,
      ORD_DATE: ordDate,
      DEL_DATE: delDate,
      INV_DATE: '',
      RPL_INV: debtor.SUB_NR ?? '',
      RPL_DEL: debtor.SUB_NR ?? '',
      DEL_CODE: '',
      COMMENT1: random.pick(SOURCES),
      COMMENT2: '',
      TO_EMAIL: debtor.MAIL_BUS ?? '',
      PD_AMT: 0,
      EMP_NR: random.pick(['JDV', 'PJ', '']),
      APX_LIST: '',
      CNG_DATE: ordDate,
      REC_ID: i + 1,
    });
    for (let k = random.int(1, 4); k > 0; k--) {
      const article = random.pick(sellable);
      lines.push({
        [ORDER_NUMBER_FIELD]: ordNr,
        ART_CODE: article.ART_CODE ?? '',
        ORD_QTY: random.int(1, 6),
        ART_PX: Number(article.PX_SELL),
        DEL_DATE: delDate,
        CNG_DATE: ordDate,
        REC_ID: lines.length + 1,
      });
    }
  }
  return { headers, lines };
}
