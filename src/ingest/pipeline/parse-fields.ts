// Stage: parse fields. A row's fields (CSV text or JSON values) -> the kind's input object: text
// trimmed, empty text = absent, numbers and booleans converted when they look like one.
import { KindSpec, inputFields } from '../record-kinds';
import { Reason } from '../../core/record-validators';

const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const TRUE = new Set(['true', '1', 'yes', 'y', '是', 't']);
const FALSE = new Set(['false', '0', 'no', 'n', '否', 'f']);

// Text fields trimmed, empty text = absent; numbers and booleans from CSV text converted when they
// look like one (otherwise left as text for the validator to name). Unknown fields are reasons.
export function coerce(spec: KindSpec, fields: Record<string, unknown>): { obj: Record<string, any>; reasons: Reason[] } {
  const known = inputFields(spec);
  const obj = new spec.input() as Record<string, any>;
  const reasons: Reason[] = [];
  for (const [key, original] of Object.entries(fields)) {
    if (key === 'recordKind') continue;
    if (!known.has(key)) {
      reasons.push({ field: key.slice(0, 64), rule: 'UNKNOWN_FIELD', message: `not a field of ${spec.kind}` });
      continue;
    }
    let v = original;
    if (typeof v === 'string') {
      v = v.trim();
      if (v === '') v = undefined;
    }
    if (typeof v === 'string') {
      if (spec.numbers.includes(key) || spec.integers.includes(key)) {
        if (NUMERIC.test(v)) v = Number(v);
      } else if (spec.booleans.includes(key)) {
        const lower = v.toLowerCase();
        if (TRUE.has(lower)) v = true;
        else if (FALSE.has(lower)) v = false;
      }
    }
    if (v !== undefined) obj[key] = v;
  }
  return { obj, reasons };
}
