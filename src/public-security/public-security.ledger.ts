import { day, LedgerFactsSource, selectionFilter } from '../core/ledger-facts';

// Public security's part of a person's ledger facts: detections and risk assessments.
export const publicSecurityLedgerFacts: LedgerFactsSource = {
  tables: ['drug_use_detection', 'risk_assessment'],
  async load(em, persons, facts) {
    const [where, params] = selectionFilter('person_id', persons);
    const [detections, risks] = (await Promise.all([
      em.query(`SELECT person_id, detected_at FROM drug_use_detection WHERE ${where}`, params),
      em.query(`SELECT id, person_id, assessed_at, risk_colour FROM risk_assessment WHERE ${where}`, params),
    ])) as Array<Array<Record<string, unknown>>>;
    for (const r of detections) facts.get(Number(r.person_id))?.detections.push(day(r.detected_at) as string);
    for (const r of risks) facts.get(Number(r.person_id))?.risks.push({ id: Number(r.id), assessedAt: day(r.assessed_at) as string, colour: String(r.risk_colour) });
  },
};
