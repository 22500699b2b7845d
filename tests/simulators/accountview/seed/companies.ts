import { createRandom } from '../random';
import type { SimCompany } from '../types';
import { seedArticles } from './articles';
import { BICYCLE_SHOP, DEMO_SHOP, DRINKS_WHOLESALER, type GroupTemplate } from './catalogues';
import { seedDebtors } from './debtors';
import { seedInvoices } from './invoices';
import { seedOrders } from './orders';
import { journalRows, ledgerRows, vatRows } from './reference-data';

interface CompanyProfile {
  id: string;
  code: string;
  description: string;
  eanPrefix: string;
  catalogue: readonly GroupTemplate[];
  debtors: number;
  orders: number;
  invoices: number;
}

/** The companies ("ondernemingen") the simulated user can open. FVR matches the BigCommerce simulator's first store. */
export const COMPANY_PROFILES: readonly CompanyProfile[] = [
  { id: '6f1d0c52-3b8e-4e27-9a51-2c7d9e4f8a10', code: 'FVR', description: 'Fietsenwinkel De Vries B.V.', eanPrefix: '71234', catalogue: BICYCLE_SHOP, debtors: 240, orders: 40, invoices: 35 },
  { id: 'b3a9e7d4-51c2-4f86-8e0b-7d2a6c5f9e31', code: 'HANK', description: 'Het Anker Dranken B.V.', eanPrefix: '75678', catalogue: DRINKS_WHOLESALER, debtors: 160, orders: 30, invoices: 25 },
  { id: '0c4e8f2a-9d71-4b3e-a6f5-1e8b2d7c3f94', code: 'DEMO', description: 'Demo Onderneming B.V.', eanPrefix: '79999', catalogue: DEMO_SHOP, debtors: 30, orders: 5, invoices: 5 },
];

function seedCompany(profile: CompanyProfile, seed: number, index: number): SimCompany {
  // One generator per company, so adding rows to one company never reshuffles another.
  const random = createRandom(seed * 31 + index + 1);
  const { groups, articles } = seedArticles(random, profile.eanPrefix, profile.catalogue);
  const { contacts, addresses } = seedDebtors(random, profile.debtors);
  const orders = seedOrders(random, profile.orders, contacts, articles);
  const invoices = seedInvoices(random, profile.invoices, contacts);
  return {
    id: profile.id,
    code: profile.code,
    description: profile.description,
    tables: {
      CONTACT: contacts,
      DEL_ADDR: addresses,
      ART_GRP: groups,
      ARTICLE: articles,
      SO_HDR: orders.headers,
      SO_LINE: orders.lines,
      DAILY: journalRows(),
      DJ_PAGE: invoices.pages,
      DJ_LINE: invoices.lines,
      VAT: vatRows(),
      LEDGER: ledgerRows(),
    },
  };
}

/** A realistic Dutch administration per company; the same seed always gives the same rows. */
export function seedCompanies(seed: number): SimCompany[] {
  return COMPANY_PROFILES.map((profile, i) => seedCompany(profile, seed, i));
}
