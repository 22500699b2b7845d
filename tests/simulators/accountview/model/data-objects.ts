import type { BusinessObjectDef } from './business-object';
import { ADDR } from './objects/addr';
import { AG1 } from './objects/ag1';
import { AK1 } from './objects/ak1';
import { AR1 } from './objects/ar1';
import { DJ1 } from './objects/dj1';
import { DJ2 } from './objects/dj2';
import { GL1 } from './objects/gl1';
import { SO1 } from './objects/so1';
import { VA1 } from './objects/va1';

/** Business objects served by /accountviewdata, by code (reference §3.1). */
export const DATA_OBJECTS: ReadonlyMap<string, BusinessObjectDef> = new Map(
  [AR1, AK1, AG1, SO1, ADDR, DJ1, DJ2, VA1, GL1].map((bo) => [bo.code, bo]),
);

/** Every stored table, for seeding and the state summary. */
export function storedTables(): string[] {
  return [...DATA_OBJECTS.values()].flatMap((bo) => [bo.table.name, ...(bo.detail ? [bo.detail.table.name] : [])]);
}
