import { day, LedgerFactsSource, LedgerProgramme, selectionFilter } from '../core/ledger-facts';
import { CheckResult, ProgrammeKind, ProgrammeOutcome } from './justice.enums';

const FORM: Record<string, LedgerProgramme['form']> = {
  [ProgrammeKind.COMPULSORY_ISOLATION]: 'ISOLATION',
  [ProgrammeKind.COMMUNITY_DETOX]: 'COMMUNITY',
  [ProgrammeKind.COMMUNITY_REHAB]: 'COMMUNITY',
};

// Justice's part of a person's ledger facts: positive tests during follow-up and every programme.
export const justiceLedgerFacts: LedgerFactsSource = {
  tables: ['follow_up_check', 'rehab_programme'],
  async load(em, persons, facts) {
    const [where, params] = selectionFilter('person_id', persons);
    const [checks, programmes] = (await Promise.all([
      em.query(`SELECT person_id, checked_at FROM follow_up_check WHERE ${where} AND result = '${CheckResult.POSITIVE}'`, params),
      em.query(`SELECT id, person_id, kind, district_code, ordered_at, ended_at, reported_at, outcome FROM rehab_programme WHERE ${where}`, params),
    ])) as Array<Array<Record<string, unknown>>>;
    for (const r of checks) facts.get(Number(r.person_id))?.positiveChecks.push(day(r.checked_at) as string);
    for (const r of programmes) {
      facts.get(Number(r.person_id))?.programmes.push({
        id: Number(r.id), districtCode: String(r.district_code), orderedAt: day(r.ordered_at) as string, endedAt: day(r.ended_at), reportedAt: day(r.reported_at),
        form: FORM[String(r.kind)] ?? 'OTHER', completed: r.outcome === ProgrammeOutcome.COMPLETED, absconded: r.outcome === ProgrammeOutcome.ABSCONDED,
      });
    }
  },
};
