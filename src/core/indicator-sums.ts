
// The additive parts of the district indicators (docs/DOMAIN.md, "Indicators"): counts and sums only,
// never rates. A district's sums are its own rows plus those of all its descendants, so every field
// must be attributed to exactly one district per counted item (a person, a record, a gram).
export interface IndicatorSums {
  // public security (公安), by the case's / record's district
  casesFiled: number;
  casesSolved: number;
  targetCasesSolved: number;
  manufacturingSitesDestroyed: number;
  suspectsArrested: number;
  fugitivesArrested: number;
  seizedHeroinEquivalentKg: number;
  precursorSeizedKg: number;
  drugUseDetections: number;
  precursorPermits: number;
  precursorPermittedTonnes: number;
  // public security, by the person's residence district
  outflowTraffickers: number;
  riskRed: number;
  riskOrange: number;
  riskYellow: number;
  riskGreen: number;
  // persons, by residence district
  newUsers: number;
  registeredUsers: number;
  abstinentThreeYears: number;
  // justice (司法行政), by the programme's / caseworker's district
  compulsoryIsolationAdmissions: number;
  communityOrders: number;
  communityOrdersExecuted: number;
  communityEnded: number;
  communityCompleted: number;
  absconded: number;
  openCommunityPersons: number;
  caseworkers: number;
  // employment (就业): employed persons follow openCommunityPersons' district; the rest by residence
  employedOpenCommunityPersons: number;
  employmentAssisted: number;
  liftedOutOfPoverty: number;
}

export type SumField = keyof IndicatorSums;

// Partial sums per raw district code, as one department query returns them.
export type SumsByCode = Map<string, Partial<IndicatorSums>>;

export const SUM_FIELDS: readonly SumField[] = [
  'casesFiled',
  'casesSolved',
  'targetCasesSolved',
  'manufacturingSitesDestroyed',
  'suspectsArrested',
  'fugitivesArrested',
  'seizedHeroinEquivalentKg',
  'precursorSeizedKg',
  'drugUseDetections',
  'precursorPermits',
  'precursorPermittedTonnes',
  'outflowTraffickers',
  'riskRed',
  'riskOrange',
  'riskYellow',
  'riskGreen',
  'newUsers',
  'registeredUsers',
  'abstinentThreeYears',
  'compulsoryIsolationAdmissions',
  'communityOrders',
  'communityOrdersExecuted',
  'communityEnded',
  'communityCompleted',
  'absconded',
  'openCommunityPersons',
  'caseworkers',
  'employedOpenCommunityPersons',
  'employmentAssisted',
  'liftedOutOfPoverty',
];

export function emptySums(): IndicatorSums {
  const sums = {} as IndicatorSums;
  for (const f of SUM_FIELDS) sums[f] = 0;
  return sums;
}

// Adds `part` into `into`, field by field.
export function addSums(into: IndicatorSums, part: Partial<IndicatorSums>): void {
  for (const f of SUM_FIELDS) {
    const v = part[f];
    if (v !== undefined) into[f] += v;
  }
}

// Merges department results: the same code may appear in several maps (different fields, or not).
export function mergeSums(maps: SumsByCode[]): Map<string, IndicatorSums> {
  const out = new Map<string, IndicatorSums>();
  for (const map of maps) {
    for (const [code, part] of map) {
      let sums = out.get(code);
      if (!sums) out.set(code, (sums = emptySums()));
      addSums(sums, part);
    }
  }
  return out;
}

// Rows of a grouped statement -> partial sums by code. Each row has `code` and the listed fields as
// columns; mysql2 returns SUM() as a decimal string and COUNT() as a number, SQLite numbers: Number().
export function rowsToSums(rows: Array<Record<string, unknown>>, fields: readonly SumField[]): SumsByCode {
  const out: SumsByCode = new Map();
  for (const row of rows) {
    const code = String(row.code);
    const part = out.get(code) ?? {};
    for (const f of fields) part[f] = (part[f] ?? 0) + Number(row[f] ?? 0);
    out.set(code, part);
  }
  return out;
}

// Lets the SQL name its parameters (`:from`, `:ref`) and returns it with positional `?` placeholders,
// which both mysql2 and better-sqlite3 accept, and the values in order. Enum literals stay inline.
export function bindNamed(sql: string, values: Record<string, string | number>): [string, Array<string | number>] {
  const params: Array<string | number> = [];
  const text = sql.replace(/:([A-Za-z]\w*)/g, (_match, name: string) => {
    if (!(name in values)) throw new Error(`bindNamed: no value for :${name}`);
    params.push(values[name]);
    return '?';
  });
  return [text, params];
}

// ` AND column IN (...)` limiting rows to the given district codes, or '' without codes. Summing only
// the districts of the tree changes nothing (rollUp ignores other codes) and lets the database read
// just the period's range of each (district_code, day) index. Codes are digits, inlined as literals.
export function districtFilter(column: string, codes?: readonly string[]): string {
  if (!codes) return '';
  for (const code of codes) if (!/^\d{1,12}$/.test(code)) throw new Error(`districtFilter: not a district code: ${code}`);
  return codes.length ? ` AND ${column} IN (${codes.map((c) => `'${c}'`).join(', ')})` : ' AND 1 = 0';
}
