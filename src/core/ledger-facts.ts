import { EntityManager } from 'typeorm';

// What the indicator ledger (src/indicators/summary/) reads of one person's records, in the form its
// metrics need: each department supplies its part from its own tables (DepartmentModule.ledgerFacts),
// so that the ledger's definitions name no department table, kind or outcome. Days are 'YYYY-MM-DD'.

export interface LedgerProgramme {
  id: number;
  districtCode: string;
  orderedAt: string;
  endedAt: string | null;
  reportedAt: string | null;
  // compulsory isolated detox (admissions) or community detox/rehab (orders, open programmes), or neither
  form: 'ISOLATION' | 'COMMUNITY' | 'OTHER';
  completed: boolean;
  absconded: boolean;
}

export interface LedgerFacts {
  detections: string[]; // every drug-use detection
  positiveChecks: string[]; // every positive test during follow-up
  risks: Array<{ id: number; assessedAt: string; colour: string }>; // every risk assessment
  programmes: LedgerProgramme[]; // every rehabilitation programme
  employments: Array<{ startedAt: string; endedAt: string | null }>; // assistances that found work or self-employment
  assistanceStarts: string[]; // start of every employment assistance
  liftedDays: string[]; // end of every poverty alleviation that lifted the person out of poverty
}

export const emptyLedgerFacts = (): LedgerFacts => ({
  detections: [], positiveChecks: [], risks: [], programmes: [], employments: [], assistanceStarts: [], liftedDays: [],
});

// The persons whose facts are read: a list of ids or a range of ids (the rebuild walks the table).
export type PersonSelection = { ids: number[] } | { from: number; to: number };

// `column IN (...)` or `column BETWEEN ? AND ?` with its parameters.
export function selectionFilter(column: string, sel: PersonSelection): [string, number[]] {
  if ('ids' in sel) return [`${column} IN (${sel.ids.map(() => '?').join(', ')})`, sel.ids];
  return [`${column} BETWEEN ? AND ?`, [sel.from, sel.to]];
}

export const day = (v: unknown): string | null => (v === null || v === undefined ? null : String(v).slice(0, 10));

export interface LedgerFactsSource {
  // the tables it reads (by their person_id): a write to one of them refreshes the person's contribution
  tables: readonly string[];
  // adds the selected persons' facts from its tables to `facts` (by person id; persons not there are skipped)
  load(em: Pick<EntityManager, 'query'>, persons: PersonSelection, facts: ReadonlyMap<number, LedgerFacts>): Promise<void>;
}
