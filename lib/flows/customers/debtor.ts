import { createHash } from 'node:crypto';
import { z } from 'zod';
import { avDate, avText } from '@/lib/accountview';
import type { CustomerFlowSettings } from './settings';

/** The CONTACT columns the mapping reads: nothing more is asked of AccountView. */
export const DEBTOR_FIELDS = ['SUB_NR', 'ACCT_NAME', 'MAIN_CONT', 'MAIL_BUS', 'MC_MAILB', 'TEL_BUS', 'ADDRESS1', 'POST_CODE', 'CITY', 'CNT_CODE', 'CNG_DATE'] as const;

const text = avText.nullish().transform((s) => (s ?? '').trim());
export const debtorRow = z.object({
  SUB_NR: z.union([z.string(), z.number()]).transform((s) => String(s).trim()),
  ACCT_NAME: text,
  MAIN_CONT: text,
  MAIL_BUS: text,
  MC_MAILB: text,
  TEL_BUS: text,
  ADDRESS1: text,
  POST_CODE: text,
  CITY: text,
  CNT_CODE: text,
  /** When the debtor last changed: a debtor BigCommerce refused is only tried again after a change. */
  CNG_DATE: avDate.nullish(),
});
export type DebtorRow = z.output<typeof debtorRow>;

export interface CustomerAddressDraft {
  first_name: string;
  last_name: string;
  company?: string;
  address1: string;
  city: string;
  postal_code: string;
  state_or_province: string;
  country_code: string;
  phone?: string;
}

/** What a debtor becomes in BigCommerce, with the hash of it that says whether it changed. */
export interface CustomerDraft {
  subNr: string;
  email: string;
  first_name: string;
  last_name: string;
  company: string;
  phone: string;
  address?: CustomerAddressDraft;
  hash: string;
}

export type Mapped = { ok: true; draft: CustomerDraft } | { ok: false; message: string; hint: string };

/** Deliberately loose: BigCommerce checks the address itself; this only keeps out what is plainly no address. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Splits a name on its first space: Dutch surnames keep their prefix ("Jan de Vries" → "Jan", "de Vries").
 * BigCommerce needs both parts, so a one-word name is used for both.
 */
export function splitName(name: string): { first_name: string; last_name: string } {
  const clean = name.replace(/\s+/g, ' ').trim();
  const space = clean.indexOf(' ');
  if (space < 0) return { first_name: clean, last_name: clean };
  return { first_name: clean.slice(0, space), last_name: clean.slice(space + 1) };
}

/**
 * A company debtor (one with a contact person) becomes its contact with the company name in `company`;
 * a person debtor becomes that person. The billing address is the debtor's own address.
 */
export function mapDebtor(row: DebtorRow, settings: CustomerFlowSettings): Mapped {
  const email = (row.MAIL_BUS || row.MC_MAILB).toLowerCase();
  if (email === '') {
    return { ok: false, message: `Debtor ${row.SUB_NR} (${row.ACCT_NAME}) has no e-mail address; BigCommerce customers are matched on it.`, hint: 'Fill in the e-mail address (MAIL_BUS) of the debtor in AccountView; it is sent on the next run.' };
  }
  if (!EMAIL.test(email)) {
    return { ok: false, message: `Debtor ${row.SUB_NR} has "${email}" as e-mail address, which is not one.`, hint: 'Correct the e-mail address of the debtor in AccountView.' };
  }
  const isCompany = row.MAIN_CONT !== '';
  const person = splitName(isCompany ? row.MAIN_CONT : row.ACCT_NAME);
  if (person.first_name === '') return { ok: false, message: `Debtor ${row.SUB_NR} has no name.`, hint: 'Fill in the name of the debtor in AccountView.' };
  const company = isCompany ? row.ACCT_NAME : '';
  const country = row.CNT_CODE.toUpperCase();
  // BigCommerce refuses an address without street, city or a two-letter country; the customer still comes across.
  const hasAddress = settings.includeAddresses && row.ADDRESS1 !== '' && row.CITY !== '' && /^[A-Z]{2}$/.test(country);
  const address: CustomerAddressDraft | undefined = hasAddress
    ? {
        ...person,
        ...(company ? { company } : {}),
        address1: row.ADDRESS1,
        city: row.CITY,
        postal_code: row.POST_CODE,
        state_or_province: '',
        country_code: country,
        ...(row.TEL_BUS ? { phone: row.TEL_BUS } : {}),
      }
    : undefined;
  const fields = { email, ...person, company, phone: row.TEL_BUS, ...(address ? { address } : {}) };
  const hash = createHash('sha256').update(JSON.stringify([fields, settings.customerGroupId ?? null])).digest('hex').slice(0, 32);
  return { ok: true, draft: { subNr: row.SUB_NR, ...fields, hash } };
}

/** Whether BigCommerce already holds this address (its core fields, as BigCommerce de-duplicates them). */
export function sameAddress(a: CustomerAddressDraft, b: Partial<Record<keyof CustomerAddressDraft, unknown>>): boolean {
  const keys: (keyof CustomerAddressDraft)[] = ['first_name', 'last_name', 'address1', 'city', 'postal_code', 'country_code'];
  return keys.every((k) => String(a[k] ?? '') === String(b[k] ?? '')) && (a.company ?? '') === String(b.company ?? '');
}
