// Stage: validate, with no database access (so it overlaps the previous batch's writes): the kind
// and department of each row, its fields (class-validator, per row), the ID number of a person, and
// the district it names against the writer's jurisdiction.
import { validateSync } from 'class-validator';
import { withinJurisdiction } from '../../policy/jurisdiction';
import { Viewer } from '../../policy/viewer';
import { validateIdNumber } from '../../common/id-number';
import { DistrictTree } from '../../core/district-tree';
import { Department } from '../ingest.enums';
import { specOf } from '../record-kinds';
import { reasonsOf, VALIDATION_ENV, ValidationEnv } from '../../core/record-validators';
import { coerce } from './parse-fields';
import { IncomingRow, Item } from './types';

export interface ValidateContext {
  viewer: Viewer;
  tree: DistrictTree;
  department: Department;
  env: ValidationEnv;
  nextIndex: () => number;
}

// Validation: no database access, so it can run while the previous batch is being written.
export function validateRows(rows: IncomingRow[], ctx: ValidateContext): Item[] {
  const { viewer, tree, department, env } = ctx;
  return rows.map((row) => {
    const item: Item = { index: ctx.nextIndex(), row, reasons: [...(row.problems ?? [])], refs: {} };
    if (item.reasons.length || !row.fields) {
      if (!item.reasons.length) item.reasons.push({ field: '', rule: 'PARSE', message: 'the row could not be read' });
      if (row.kind) item.spec = specOf(row.kind);
      return item;
    }
    if (!row.kind) {
      item.reasons.push({ field: 'recordKind', rule: 'UNKNOWN_KIND', message: 'record kind missing or unknown' });
      return item;
    }
    const spec = specOf(row.kind);
    item.spec = spec;
    if (spec.department !== department) {
      item.reasons.push({ field: 'recordKind', rule: 'DEPARTMENT', message: `${spec.kind} records belong to ${spec.department}, not ${department}` });
      return item;
    }
    const { obj, reasons } = coerce(spec, row.fields);
    obj[VALIDATION_ENV as unknown as string] = env;
    item.input = obj;
    item.reasons.push(...reasons, ...reasonsOf(validateSync(obj, { forbidUnknownValues: false }), obj));
    if (item.reasons.length) return item;
    if (spec.hasPerson) {
      const id = validateIdNumber(obj.idNumber as string);
      if (id.ok) {
        item.idNumber = id.idNumber; // 15-digit legacy numbers become 18
        item.idBirthDate = id.birthDate;
        item.gender = id.gender;
      }
    }
    if (typeof obj.districtCode === 'string' && !withinJurisdiction(viewer, tree, obj.districtCode)) {
      item.reasons.push({ field: 'districtCode', rule: 'JURISDICTION', message: `district ${obj.districtCode} is outside your jurisdiction (${viewer.district})` });
    }
    return item;
  });
}
