/**
 * What the client knows about the business objects it uses (reference §3.1): the response key of the header
 * table, the detail table for writes, and a small column to count with.
 */
export interface KnownBusinessObject {
  table: string;
  detailTable?: string;
  countField: string;
}

export const BUSINESS_OBJECTS: Readonly<Record<string, KnownBusinessObject>> = {
  AR1: { table: 'CONTACT', countField: 'SUB_NR' },
  AP1: { table: 'CONTACT', countField: 'SUB_NR' },
  CON: { table: 'CONTACT', countField: 'SUB_NR' },
  AK1: { table: 'ARTICLE', countField: 'ART_CODE' },
  AG1: { table: 'ART_GRP', countField: 'AG_CODE' },
  PCK: { table: 'ART_PACK', countField: 'ART_CODE' },
  SO1: { table: 'SO_HDR', detailTable: 'SO_LINE', countField: 'REC_ID' },
  ADDR: { table: 'DEL_ADDR', countField: 'REC_ID' },
  DJ1: { table: 'DAILY', countField: 'DJ_CODE' },
  DJ2: { table: 'DJ_PAGE', detailTable: 'DJ_LINE', countField: 'INV_NR' },
  DJ2P: { table: 'DJ_PAGE', countField: 'INV_NR' },
  GL1: { table: 'LEDGER', countField: 'ACCT_NR' },
  GJ1: { table: 'TRANSACT', countField: 'REC_ID' },
  VA1: { table: 'VAT', countField: 'VAT_CODE' },
  CC1: { table: 'COST', countField: 'COST_CODE' },
};

export function knownObject(businessObject: string): KnownBusinessObject | undefined {
  return BUSINESS_OBJECTS[businessObject.trim().toUpperCase()];
}
