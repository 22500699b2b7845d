import { z } from 'zod';
import { avNumber, type AccountViewClient } from '@/lib/accountview';
import { describeAccountViewProblem } from '@/lib/accountview-connection';
import type { Choice, ChoiceList } from './types';

type Reader = Pick<AccountViewClient, 'readAll' | 'readPages'>;

const text = z.union([z.string(), z.number()]).transform((v) => String(v).trim());
const optionalText = z.union([z.string(), z.number(), z.null()]).optional().transform((v) => (v === undefined || v === null ? '' : String(v).trim()));

async function guarded(read: () => Promise<Choice[]>): Promise<ChoiceList> {
  try {
    return { ok: true, choices: await read() };
  } catch (error) {
    const problem = describeAccountViewProblem(error);
    if (!problem) throw error;
    return { ok: false, choices: [], message: problem.message, hint: problem.hint };
  }
}

const vatRow = z.looseObject({ VAT_CODE: text, VAT_DESC: optionalText, VAT_PCT: avNumber.optional() });

/** The administration's VAT codes (VA1) with their description and percentage. */
export function vatCodeChoices(av: Reader): Promise<ChoiceList> {
  return guarded(async () =>
    (await av.readAll('VA1', { pageSize: 1000 }, vatRow)).map((r) => ({
      value: r.VAT_CODE,
      label: [r.VAT_CODE, r.VAT_DESC, r.VAT_PCT === undefined ? '' : `${r.VAT_PCT} %`].filter(Boolean).join(' — '),
      ...(r.VAT_PCT === undefined ? {} : { percent: r.VAT_PCT }),
    })),
  );
}

const ledgerRow = z.looseObject({ ACCT_NR: text, ACCT_NAME: optionalText });

/** The general ledger accounts (GL1), for revenue and service-line accounts. */
export function ledgerAccountChoices(av: Reader): Promise<ChoiceList> {
  return guarded(async () =>
    (await av.readAll('GL1', { fields: ['ACCT_NR', 'ACCT_NAME'], pageSize: 1000, sortFields: ['ACCT_NR'] }, ledgerRow)).map((r) => ({
      value: r.ACCT_NR,
      label: r.ACCT_NAME ? `${r.ACCT_NR} — ${r.ACCT_NAME}` : r.ACCT_NR,
    })),
  );
}

const articleRow = z.looseObject({ ART_CODE: text, ART_DESC1: optionalText });
const ARTICLE_PAGE = 200;

/**
 * Articles (AK1) whose code or description contains `search`, one page of at most 200, plus the
 * `keep` codes (the ones the settings already use) so a stored choice is always in the list.
 */
export function articleChoices(av: Reader, search = '', keep: readonly string[] = []): Promise<ChoiceList> {
  return guarded(async () => {
    const found = new Map<string, Choice>();
    const add = (r: z.output<typeof articleRow>) => found.set(r.ART_CODE, { value: r.ART_CODE, label: r.ART_DESC1 ? `${r.ART_CODE} — ${r.ART_DESC1}` : r.ART_CODE });
    const wanted = [...new Set(keep.map((k) => k.trim()).filter((k) => k !== '' && !k.includes(',')))];
    if (wanted.length > 0) {
      for (const r of await av.readAll('AK1', { fields: ['ART_CODE', 'ART_DESC1'], filters: [{ field: 'ART_CODE', operator: 'In', values: wanted }], pageSize: 1000 }, articleRow)) add(r);
    }
    const term = search.trim().replace(/,/g, ' ');
    // AccountView compares text case-sensitively (VFP): "expres" is also looked for as EXPRES (codes) and Expres.
    const spellings = [...new Set([term, term.toUpperCase(), term.toLowerCase(), term.charAt(0).toUpperCase() + term.slice(1).toLowerCase()])];
    const filters = spellings.flatMap((value) => [
      { field: 'ART_CODE', operator: 'Contains' as const, value },
      { field: 'ART_DESC1', operator: 'Contains' as const, value },
    ]);
    const query = { fields: ['ART_CODE', 'ART_DESC1'], sortFields: ['ART_CODE'], pageSize: ARTICLE_PAGE, ...(term === '' ? {} : { filters, matchAny: true }) };
    // One page is enough for a picker; the merchant narrows it by typing.
    for await (const page of av.readPages('AK1', query, articleRow)) {
      for (const r of page) add(r);
      break;
    }
    return [...found.values()].sort((a, b) => a.value.localeCompare(b.value));
  });
}

const debtorTermRow = z.looseObject({ DISC_CODE: optionalText });
/** Terms offered even when no debtor uses them yet: prepaid, one week, two weeks, a month, two months. */
const COMMON_TERMS = [0, 7, 14, 30, 60];

/**
 * Payment terms in days (CRED_DAYS on the document). AccountView keeps a debtor's payment condition in
 * CONTACT.DISC_CODE; the administration's conditions table is not readable through the API we know of,
 * so the list is the usual terms plus every condition the debtors use that is a number of days.
 */
export function paymentTermChoices(av: Reader): Promise<ChoiceList> {
  return guarded(async () => {
    const days = new Set(COMMON_TERMS);
    for (const r of await av.readAll('AR1', { fields: ['DISC_CODE'], pageSize: 1000 }, debtorTermRow)) {
      if (/^\d{1,3}$/.test(r.DISC_CODE) && Number(r.DISC_CODE) <= 365) days.add(Number(r.DISC_CODE));
    }
    return [...days].sort((a, b) => a - b).map((d) => ({ value: String(d), label: d === 0 ? 'Paid at checkout (0 days)' : `${d} days` }));
  });
}
