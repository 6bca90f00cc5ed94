import { day, LedgerFactsSource, selectionFilter } from '../core/ledger-facts';
import { AssistanceKind, AssistanceOutcome } from './employment.enums';

const EMPLOYED = new Set<unknown>([AssistanceOutcome.EMPLOYED, AssistanceOutcome.SELF_EMPLOYED]);

// The employment bureau's part of a person's ledger facts: starts of assistances, spells in work, and
// the days a poverty alleviation lifted the person out of poverty.
export const employmentLedgerFacts: LedgerFactsSource = {
  tables: ['employment_assistance'],
  async load(em, persons, facts) {
    const [where, params] = selectionFilter('person_id', persons);
    const rows = (await em.query(`SELECT person_id, kind, started_at, ended_at, outcome FROM employment_assistance WHERE ${where}`, params)) as Array<Record<string, unknown>>;
    for (const r of rows) {
      const p = facts.get(Number(r.person_id));
      if (!p) continue;
      const [startedAt, endedAt] = [day(r.started_at) as string, day(r.ended_at)];
      p.assistanceStarts.push(startedAt);
      if (EMPLOYED.has(r.outcome)) p.employments.push({ startedAt, endedAt });
      if (endedAt !== null && r.kind === AssistanceKind.POVERTY_ALLEVIATION && r.outcome === AssistanceOutcome.LIFTED_OUT_OF_POVERTY) p.liftedDays.push(endedAt);
    }
  },
};
