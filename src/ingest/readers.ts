// Streaming readers for department files: bytes -> text (UTF-8 with or without BOM, or GB18030,
// chosen by the caller or detected) -> lines -> CSV records or NDJSON objects -> rows for the engine.
// Everything is a pull-based async iteration, so memory stays flat whatever the file size, and a
// broken line is one rejected row: it never takes the rest of the file with it.
import { badInput } from '../common/errors';
import { Decoded, decodeLines, Encoding, Line, MAX_LINE_CHARS } from './pipeline/decode';
import { RecordKind } from './ingest.enums';
import { IncomingRow } from './pipeline/types';
import { inputFields, parseKind, specOf } from './record-kinds';
import { Reason } from '../core/record-validators';

export type Format = 'csv' | 'ndjson';
export type { Decoded, Encoding, Line } from './pipeline/decode';

const MAX_RECORD_LINES = 20; // a quoted CSV field may span lines, but not more than this

// One CSV record (RFC 4180; quotes doubled inside quoted fields) -> fields, or what is wrong with it.
export function splitCsvRecord(text: string): string[] | string {
  const out: string[] = [];
  const n = text.length;
  let i = 0;
  for (;;) {
    if (text.charCodeAt(i) === 34) {
      let v = '';
      i += 1;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) return 'a quoted field is not closed';
        v += text.slice(i, q);
        if (text.charCodeAt(q + 1) === 34) {
          v += '"';
          i = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      out.push(v);
      if (i >= n) return out;
      if (text.charCodeAt(i) !== 44) return 'characters after a closing quote';
      i += 1;
    } else {
      const c = text.indexOf(',', i);
      const end = c < 0 ? n : c;
      const v = text.slice(i, end);
      if (v.includes('"')) return 'a quote inside an unquoted field';
      out.push(v);
      if (c < 0) return out;
      i = c + 1;
    }
  }
}

export interface CsvRecord {
  lineNumber: number;
  raw: string;
  fields: string[] | null;
  error?: string;
}

const quotes = (s: string) => {
  let count = 0;
  for (let i = s.indexOf('"'); i >= 0; i = s.indexOf('"', i + 1)) count += 1;
  return count;
};

// Lines -> CSV records. A record spans lines while a quoted field is open; when it cannot be closed
// within MAX_RECORD_LINES lines (or the file ends), its first line is reported alone and the lines
// after it are read again as records of their own.
export async function* csvRecords(source: AsyncIterable<Line>): AsyncGenerator<CsvRecord> {
  let pending: Line[] = [];
  let quoteCount = 0;
  const feed = function* (line: Line): Generator<CsvRecord> {
    if (!pending.length && line.text.trim() === '') return; // blank lines are not rows
    if (line.oversized) {
      yield* drain(false);
      yield { lineNumber: line.lineNumber, raw: line.text, fields: null, error: `the line is longer than ${MAX_LINE_CHARS} characters` };
      return;
    }
    pending.push(line);
    quoteCount += quotes(line.text);
    if (quoteCount % 2 === 0) {
      const raw = pending.map((l) => l.text).join('\n');
      const split = splitCsvRecord(raw);
      const first = pending[0].lineNumber;
      pending = [];
      quoteCount = 0;
      yield typeof split === 'string' ? { lineNumber: first, raw, fields: null, error: split } : { lineNumber: first, raw, fields: split };
    } else if (pending.length >= MAX_RECORD_LINES) {
      yield* drain(true);
    }
  };
  // the first pending line is broken: report it, then read the others again
  const drain = function* (all: boolean): Generator<CsvRecord> {
    while (pending.length) {
      const [first, ...rest] = pending;
      pending = [];
      quoteCount = 0;
      yield { lineNumber: first.lineNumber, raw: first.text, fields: null, error: 'a quoted field is not closed (truncated line?)' };
      for (const l of rest) yield* feed(l);
      if (!all) break;
    }
  };
  for await (const line of source) yield* feed(line);
  yield* drain(true);
}

export interface ReadOptions {
  format: Format;
  kind?: RecordKind;
  encoding: Encoding;
}


// The record kind of a row: `recordKind`, or `kind` when its value is a record kind (input fields
// named `kind`, e.g. a seizure's DRUG/PRECURSOR, never are). The field naming the record kind is
// taken out of the row. With --kind (?kind=) a row may still name it, but not another one.
function recordKindOf(fields: Record<string, unknown>, expected: RecordKind | undefined): { kind: RecordKind | null; problem?: Reason } {
  let named: RecordKind | undefined;
  let problem: Reason | undefined;
  const present = (v: unknown) => v !== undefined && v !== null && v !== '';
  if ('recordKind' in fields) {
    const given = fields.recordKind;
    delete fields.recordKind;
    if (present(given)) {
      named = parseKind(given);
      if (!named) problem = { field: 'recordKind', rule: 'UNKNOWN_KIND', message: 'not a record kind such as drug-cases or DRUG_CASE' };
    }
  } else if (typeof fields.kind === 'string' && parseKind(fields.kind)) {
    named = parseKind(fields.kind);
    delete fields.kind;
  }
  if (expected) {
    if (named && named !== expected) return { kind: expected, problem: { field: 'recordKind', rule: 'KIND', message: `the row names another record kind than ${expected}` } };
    return { kind: expected, problem };
  }
  if (!named && !problem) problem = { field: 'recordKind', rule: 'UNKNOWN_KIND', message: 'give "recordKind" (or "kind"), a record kind such as drug-cases or DRUG_CASE' };
  return { kind: named ?? null, problem };
}

// Rows of a CSV or NDJSON stream. A CSV header names input fields (and optionally `recordKind`); unknown
// columns stop the import before anything is read, since every row would be wrong.
export async function* readRows(source: AsyncIterable<Buffer | string>, options: ReadOptions, seen?: Decoded): AsyncGenerator<IncomingRow> {
  const text = decodeLines(source, options.encoding, seen);
  if (options.format === 'ndjson') {
    for await (const line of text) {
      if (!line.text.trim()) continue;
      const problems: Reason[] = [];
      let fields: Record<string, unknown> | null = null;
      if (line.oversized) problems.push({ field: '', rule: 'PARSE', message: `the line is longer than ${MAX_LINE_CHARS} characters` });
      else {
        try {
          const parsed: unknown = JSON.parse(line.text);
          if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) fields = parsed as Record<string, unknown>;
          else problems.push({ field: '', rule: 'PARSE', message: 'each line must be a JSON object' });
        } catch {
          problems.push({ field: '', rule: 'PARSE', message: 'not valid JSON' });
        }
      }
      const { kind, problem } = fields ? recordKindOf(fields, options.kind) : { kind: options.kind ?? null, problem: undefined };
      if (problem) problems.push(problem);
      yield { rowNumber: line.lineNumber, kind, raw: line.text, fields, problems };
    }
    return;
  }
  let header: string[] | null = null;
  for await (const rec of csvRecords(text)) {
    if (!header) {
      if (!rec.fields) throw badInput(`CSV header (line ${rec.lineNumber}): ${rec.error}`, 'file', 'CSV_HEADER');
      header = rec.fields.map((h) => h.replace(/^\ufeff/, '').trim());
      checkHeader(header, options.kind);
      continue;
    }
    const problems: Reason[] = [];
    let fields: Record<string, unknown> | null = null;
    if (!rec.fields) problems.push({ field: '', rule: 'CSV_SYNTAX', message: rec.error ?? 'not a CSV record' });
    else {
      const values = rec.fields;
      fields = Object.fromEntries(header.slice(0, values.length).map((h, i) => [h, values[i]]));
      if (values.length !== header.length) {
        problems.push({ field: '', rule: 'COLUMN_COUNT', message: `the row has ${values.length} fields, the header ${header.length}` });
        if (values.length > header.length) fields._extra = values.slice(header.length);
      }
    }
    const { kind, problem } = fields ? recordKindOf(fields, options.kind) : { kind: options.kind ?? null, problem: undefined };
    if (problem) problems.push(problem);
    yield { rowNumber: rec.lineNumber, kind, raw: rec.raw, fields, problems };
  }
}

function checkHeader(header: string[], kind: RecordKind | undefined): void {
  const dup = header.find((h, i) => header.indexOf(h) !== i);
  if (dup !== undefined) throw badInput(`CSV header: column ${JSON.stringify(dup.slice(0, 40))} appears twice`, 'file', 'CSV_HEADER');
  if (!kind) {
    if (!header.includes('recordKind')) throw badInput('CSV: give the record kind (--kind, ?kind=) or a "recordKind" column', 'kind', 'UNKNOWN_KIND');
    return;
  }
  const known = inputFields(specOf(kind));
  const unknown = header.filter((h) => h !== 'recordKind' && !known.has(h));
  if (unknown.length) {
    throw badInput(`CSV header: unknown column(s) ${unknown.map((u) => JSON.stringify(u.slice(0, 40))).join(', ')}; ${kind} has ${[...known].join(', ')}`, 'file', 'CSV_HEADER');
  }
}

// .csv -> csv; .ndjson, .jsonl, .json -> ndjson
export function formatOf(name: string): Format | undefined {
  if (/\.csv$/i.test(name)) return 'csv';
  if (/\.(ndjson|jsonl|json)$/i.test(name)) return 'ndjson';
  return undefined;
}
