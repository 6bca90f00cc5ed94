// Reads the ledger metrics (contributions.ts METRIC) for a period in ONE grouped statement over
// indicator_day_total, whose size depends on districts and days, never on persons. Stock figures are
// the value at R = period.to; flows (newUsers, admissions, ended / completed community programmes) the
// value at R minus the value the day before the period.
import { readQuery } from '../../common/read-replica';
import { DataSource } from 'typeorm';
import { Period } from '../../common/period';
import { bindNamed, rowsToSums, SumField, SumsByCode } from '../../core/indicator-sums';
import { addDays, EVENT, METRIC } from './contributions';

// Which sum each stock metric feeds. OP / OPX are the open-at-R part of communityOrders /
// communityOrdersExecuted; the ordered-in-the-period part comes from justice's direct statement.
const STOCK_FIELDS = new Map<string, SumField>([
  [METRIC.registered, 'registeredUsers'],
  [METRIC.abstinent, 'abstinentThreeYears'],
  [METRIC.riskRed, 'riskRed'],
  [METRIC.riskOrange, 'riskOrange'],
  [METRIC.riskYellow, 'riskYellow'],
  [METRIC.riskGreen, 'riskGreen'],
  [METRIC.openPersons, 'openCommunityPersons'],
  [METRIC.employedOpen, 'employedOpenCommunityPersons'],
  [METRIC.absconded, 'absconded'],
  [METRIC.openProgrammes, 'communityOrders'],
  [METRIC.openExecuted, 'communityOrdersExecuted'],
]);

// Flows: the events in the period = value at R minus value the day before the period.
const FLOW_FIELDS = new Map<string, SumField>([
  [METRIC.firstDetected, 'newUsers'],
  [METRIC.admitted, 'compulsoryIsolationAdmissions'],
  [METRIC.communityEnded, 'communityEnded'],
  [METRIC.communityCompleted, 'communityCompleted'],
]);

// The rows whose sum is the value at :r<n> (summary.entities.ts: years, then months, then days).
function upTo(n: string): string {
  return `((grain = 'Y' AND day < :y${n}) OR (grain = 'M' AND day >= :y${n} AND day < :m${n}) OR (grain = 'D' AND day >= :m${n} AND day <= :r${n}))`;
}

export async function ledgerIndicators(ds: DataSource, period: Period): Promise<SumsByCode> {
  const before = addDays(period.from, -1);
  const bounds = (n: string, r: string) => ({ [`y${n}`]: `${r.slice(0, 4)}-01-01`, [`m${n}`]: `${r.slice(0, 7)}-01`, [`r${n}`]: r });
  const [text, params] = bindNamed(
    `SELECT district_code AS code, metric,
       SUM(CASE WHEN ${upTo('1')} THEN delta ELSE 0 END) AS at_to,
       SUM(CASE WHEN ${upTo('0')} THEN delta ELSE 0 END) AS at_before
     FROM indicator_day_total
     WHERE ${upTo('1')} OR ${upTo('0')}
     GROUP BY district_code, metric`,
    { ...bounds('1', period.to), ...bounds('0', before) },
  );
  const out: SumsByCode = new Map();
  for (const row of (await readQuery(ds, text, params)) as Array<Record<string, unknown>>) {
    const code = String(row.code);
    const part = out.get(code) ?? {};
    const metric = String(row.metric);
    const flow = FLOW_FIELDS.get(metric);
    if (flow) part[flow] = (part[flow] ?? 0) + Number(row.at_to) - Number(row.at_before);
    const stock = STOCK_FIELDS.get(metric);
    if (stock) part[stock] = (part[stock] ?? 0) + Number(row.at_to);
    out.set(code, part);
  }
  return out;
}

// employmentAssisted / liftedOutOfPoverty (distinct persons with such a day in the period, by
// residence) from person_event_day: a range of its primary key, no look-up of person.
export async function assistanceFromEventDays(ds: DataSource, period: Period): Promise<SumsByCode> {
  const [text, params] = bindNamed(
    `SELECT district_code AS code,
       COUNT(DISTINCT CASE WHEN figure = '${EVENT.assisted}' THEN person_id END) AS employmentAssisted,
       COUNT(DISTINCT CASE WHEN figure = '${EVENT.lifted}' THEN person_id END) AS liftedOutOfPoverty
     FROM person_event_day
     WHERE figure IN ('${EVENT.assisted}', '${EVENT.lifted}') AND day BETWEEN :from AND :to
     GROUP BY district_code`,
    { from: period.from, to: period.to },
  );
  return rowsToSums(await readQuery(ds, text, params), ['employmentAssisted', 'liftedOutOfPoverty']);
}
