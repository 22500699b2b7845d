import { VAT_CODES } from '../assumptions';
import type { Random } from '../random';
import type { Row } from '../types';
import { officeHours } from './wall-clock';

const round2 = (n: number) => Math.round(n * 100) / 100;

const REVENUE = [
  { acct: '8000', vat: VAT_CODES.high, rate: 0.21, desc: 'Omzet hoog' },
  { acct: '8010', vat: VAT_CODES.low, rate: 0.09, desc: 'Omzet laag' },
  { acct: '8100', vat: VAT_CODES.high, rate: 0.21, desc: 'Verzendkosten' },
];

/** Sales invoices booked in the sales journal (VRK), the way PAS posts them: one page per invoice. */
export function seedInvoices(random: Random, count: number, contacts: readonly Row[]): { pages: Row[]; lines: Row[] } {
  const pages: Row[] = [];
  const lines: Row[] = [];
  const debtors = contacts.filter((c) => c.REC_BLK !== true);
  for (let i = 0; i < count; i++) {
    const debtor = random.pick(debtors);
    const trnDate = `${officeHours(random, '2025-01-02', 145).slice(0, 10)}T00:00:00`;
    const invNr = String(25000001 + i);
    const page = {
      DJ_CODE: 'VRK',
      PAGE_NR: i + 1,
      INV_NR: invNr,
      SUB_NR: debtor.SUB_NR ?? '',
      TRN_DATE: trnDate,
      PERIOD: Number(trnDate.slice(5, 7)),
      HDR_DESC: `Factuur ${invNr}`,
      GROSS_FLG: false,
      CUR_CODE: 'EUR',
      CRED_DAYS: Number(debtor.DISC_CODE) || 30,
      PD_PCT: 0,
      COMMENT1: '',
      CNG_DATE: trnDate,
      REC_ID: i + 1,
    };
    pages.push(page);
    for (let k = random.int(1, 3); k > 0; k--) {
      const revenue = random.pick(REVENUE);
      const amount = round2(10 + random.next() * 400);
      lines.push({
        DJ_CODE: 'VRK',
        PAGE_NR: page.PAGE_NR,
        ACCT_NR: revenue.acct,
        TRN_DESC: revenue.desc,
        AMOUNT: amount,
        VAT_CODE: revenue.vat,
        VAT_AMT: round2(amount * revenue.rate),
        TRN_QTY: 1,
        TRN_DATE: trnDate,
        INV_NR: invNr,
        SUB_NR: page.SUB_NR,
        COST_CODE: '',
        CUR_CODE: 'EUR',
        BASE_AMT: amount,
        CNG_DATE: trnDate,
        REC_ID: lines.length + 1,
      });
    }
  }
  return { pages, lines };
}
