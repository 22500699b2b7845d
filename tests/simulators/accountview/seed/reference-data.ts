import { JOURNAL_TYPE_FIELD, JOURNAL_TYPES, LEDGER_VAT_FIELD, VAT_CODES, VAT_FIELDS } from '../assumptions';
import type { Row } from '../types';

const SEEDED_AT = '2024-12-30T09:00:00';

export function vatRows(): Row[] {
  const codes: [string, string, number][] = [
    [VAT_CODES.none, 'Geen btw', 0],
    [VAT_CODES.low, 'Btw laag 9%', 9],
    [VAT_CODES.high, 'Btw hoog 21%', 21],
    [VAT_CODES.euGoods, 'Intracommunautaire levering 0%', 0],
    [VAT_CODES.export, 'Export buiten de EU 0%', 0],
  ];
  return codes.map(([code, desc, pct], i) => ({ VAT_CODE: code, [VAT_FIELDS.description]: desc, [VAT_FIELDS.percentage]: pct, CNG_DATE: SEEDED_AT, REC_ID: i + 1 }));
}

/** A small Dutch chart of accounts, numbered as most AccountView administrations are. */
export function ledgerRows(): Row[] {
  const accounts: [string, string, string][] = [
    ['0100', 'Inventaris', ''],
    ['0110', 'Afschrijving inventaris', ''],
    ['1000', 'Kas', ''],
    ['1100', 'Bank', ''],
    ['1300', 'Debiteuren', ''],
    ['1500', 'Te betalen btw hoog', ''],
    ['1510', 'Te betalen btw laag', ''],
    ['1520', 'Voorbelasting', ''],
    ['1530', 'Afdracht btw', ''],
    ['1600', 'Crediteuren', ''],
    ['3000', 'Voorraad handelsgoederen', ''],
    ['4000', 'Lonen en salarissen', ''],
    ['4300', 'Huisvestingskosten', ''],
    ['4500', 'Verkoopkosten', ''],
    ['7000', 'Inkoopwaarde van de omzet', ''],
    ['8000', 'Omzet hoog', VAT_CODES.high],
    ['8010', 'Omzet laag', VAT_CODES.low],
    ['8020', 'Omzet geen btw', VAT_CODES.none],
    ['8030', 'Omzet intracommunautair', VAT_CODES.euGoods],
    ['8040', 'Omzet export', VAT_CODES.export],
    ['8100', 'Verzendkosten omzet', VAT_CODES.high],
    ['8900', 'Betalingskortingen', ''],
    ['9999', 'Vraagposten', ''],
  ];
  return accounts.map(([nr, name, vat], i) => ({ ACCT_NR: nr, ACCT_NAME: name, [LEDGER_VAT_FIELD]: vat, CNG_DATE: SEEDED_AT, REC_ID: i + 1 }));
}

export function journalRows(): Row[] {
  const journals: [string, string, number][] = [
    ['MEM', 'Memoriaal', JOURNAL_TYPES.memorial],
    ['VRK', 'Verkoopboek', JOURNAL_TYPES.sales],
    ['INK', 'Inkoopboek', JOURNAL_TYPES.purchases],
    ['BNK', 'Bank', JOURNAL_TYPES.bank],
    ['KAS', 'Kas', JOURNAL_TYPES.bank],
  ];
  return journals.map(([code, name, type], i) => ({ DJ_CODE: code, DJ_NAME: name, [JOURNAL_TYPE_FIELD]: type, CNG_DATE: SEEDED_AT, REC_ID: i + 1 }));
}
