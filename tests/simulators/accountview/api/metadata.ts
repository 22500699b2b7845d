import { FIELDS_ENDPOINT_TABLE } from '../assumptions';
import type { BusinessObjectDef } from '../model/business-object';
import { DATA_OBJECTS } from '../model/data-objects';
import { AvBadRequest } from '../model/refusal';
import { FLD, fieldRows } from '../model/objects/system';
import { readPage } from './read';

/** `GET /accountviewsystembusinessobjects` (GO): `[{Code, Description, InsertAllowed, UpdateAllowed, DeleteAllowed}]`. */
export function businessObjectList() {
  return [...DATA_OBJECTS.values()].map((bo) => ({
    Code: bo.code,
    Description: bo.description,
    InsertAllowed: bo.insertAllowed,
    UpdateAllowed: bo.updateAllowed,
    DeleteAllowed: bo.deleteAllowed,
  }));
}

/** `GET /accountviewfields?BusinessObject=…` (GO): the shape is FIELDS_ENDPOINT_TABLE's assumption. */
export function fieldsOf(query: Map<string, string>) {
  const code = (query.get('businessobject') ?? '').trim().toUpperCase();
  const bo: BusinessObjectDef | undefined = DATA_OBJECTS.get(code);
  if (!bo) throw new AvBadRequest(`Onbekend bedrijfsobject '${query.get('businessobject') ?? ''}'.`);
  const rows = [...fieldRows(bo.table.name), ...(bo.detail ? fieldRows(bo.detail.table.name) : [])];
  const rest = new Map([...query].filter(([k]) => k !== 'businessobject'));
  const page = readPage(FLD, rows, [], rest);
  return { [FIELDS_ENDPOINT_TABLE]: page[FLD.table.name] ?? [] };
}
