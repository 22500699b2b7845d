import { COMPANY_CODE_WIDTH } from '../assumptions';
import type { SimCompany } from '../types';

/** `GET /api/v3/companies` (GO `types.go`): `[{Id, Description, Code}]`, Code padded (see assumptions). */
export function companyList(companies: readonly SimCompany[]) {
  return companies.map((c) => ({ Id: c.id, Description: c.description, Code: c.code.padEnd(COMPANY_CODE_WIDTH) }));
}
