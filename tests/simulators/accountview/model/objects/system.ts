import { SYSTEM_TABLE_FIELDS as S } from '../../assumptions';
import type { Row, SimCompany } from '../../types';
import type { BusinessObjectDef, TableDef } from '../business-object';
import { char, int, logical, num, type FieldDef } from '../fields';
import { DATA_OBJECTS } from '../data-objects';

const DCT_FLD: TableDef = {
  name: 'DCT_FLD',
  description: 'Velden',
  lastKey: 'REC_ID',
  fields: [
    char('DBF_NAME', 8, 'Tabel'),
    char('FIELD_NAME', 10, 'Veld'),
    char('FLD_DESC', 40, 'Omschrijving'),
    char('FIELD_TYPE', 1, 'Type'),
    num('FIELD_LEN', 0, 'Lengte'),
    num(S.decimals, 0, 'Decimalen'),
    logical('INP_MAND', 'Verplicht'),
    int('REC_ID', 'Recordnummer'),
  ],
};

const DCT_FILE: TableDef = {
  name: 'DCT_FILE',
  description: 'Tabellen',
  lastKey: 'REC_ID',
  fields: [
    char('DBF_NAME', 8, 'Tabel'),
    char(S.tableDescription, 40, 'Omschrijving'),
    char('OBJ_CODE', 8, 'Bedrijfsobject'),
    logical('NO_INSERT', 'Geen toevoegen'),
    logical('NO_UPDATE', 'Geen wijzigen'),
    logical('NO_DELETE', 'Geen verwijderen'),
    logical('NO_XML_UPD', 'Geen wijzigingen via Web API'),
    int('REC_ID', 'Recordnummer'),
  ],
};

const ADM_LIST: TableDef = {
  name: 'ADM_LIST',
  description: 'Administraties',
  lastKey: 'REC_ID',
  fields: [char(S.administrationCode, 8, 'Code'), char(S.administrationName, 40, 'Naam'), int('REC_ID', 'Recordnummer')],
};

const WIDTHS: Partial<Record<FieldDef['type'], number>> = { N: 12, I: 4, Y: 8, B: 8, L: 1, T: 8, D: 8, M: 4, G: 4 };

function dataTables(): { table: TableDef; bo: BusinessObjectDef }[] {
  return [...DATA_OBJECTS.values()].flatMap((bo) => [{ table: bo.table, bo }, ...(bo.detail ? [{ table: bo.detail.table, bo }] : [])]);
}

/** The data dictionary GO reads through /accountviewsystemdata?businessobject=fld (reference §4(a)). */
export function fieldRows(only?: string): Row[] {
  const rows: Row[] = [];
  for (const { table } of dataTables()) {
    if (only !== undefined && table.name !== only) continue;
    for (const f of table.fields) {
      rows.push({
        DBF_NAME: table.name,
        FIELD_NAME: f.name,
        FLD_DESC: f.description,
        FIELD_TYPE: f.type,
        FIELD_LEN: f.len ?? WIDTHS[f.type] ?? 0,
        [S.decimals]: f.dec ?? 0,
        INP_MAND: f.mandatory === true,
        REC_ID: rows.length + 1,
      });
    }
  }
  return rows;
}

export const FLD: BusinessObjectDef = {
  code: 'FLD',
  description: 'Velden',
  table: DCT_FLD,
  insertAllowed: false,
  updateAllowed: false,
  deleteAllowed: false,
  rows: () => fieldRows(),
};

export const DBF: BusinessObjectDef = {
  code: 'DBF',
  description: 'Tabellen',
  table: DCT_FILE,
  insertAllowed: false,
  updateAllowed: false,
  deleteAllowed: false,
  rows: () =>
    dataTables().map(({ table, bo }, i) => ({
      DBF_NAME: table.name,
      [S.tableDescription]: table.description,
      OBJ_CODE: bo.code,
      NO_INSERT: !bo.insertAllowed,
      NO_UPDATE: !bo.updateAllowed,
      NO_DELETE: !bo.deleteAllowed,
      NO_XML_UPD: !bo.insertAllowed && !bo.updateAllowed,
      REC_ID: i + 1,
    })),
};

export const ADL: BusinessObjectDef = {
  code: 'ADL',
  description: 'Administraties',
  table: ADM_LIST,
  insertAllowed: false,
  updateAllowed: false,
  deleteAllowed: false,
  rows: (company: SimCompany) => [{ [S.administrationCode]: company.code, [S.administrationName]: company.description, REC_ID: 1 }],
};

/** Objects served by /accountviewsystemdata, by code. */
export const SYSTEM_OBJECTS: ReadonlyMap<string, BusinessObjectDef> = new Map([FLD, DBF, ADL].map((bo) => [bo.code, bo]));
