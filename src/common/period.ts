import { Field, InputType } from 'type-graphql';
import { DateScalar } from './scalars';
import { badInput } from './errors';

@InputType({ description: 'A period of whole days, both ends inclusive (统计期间)' })
export class PeriodInput {
  @Field(() => DateScalar, { description: 'First day, inclusive (起始日期)' })
  from: string;

  @Field(() => DateScalar, { description: 'Last day, inclusive; the reference date of stock figures (截止日期)' })
  to: string;
}

export interface Period {
  from: string;
  to: string;
}

export const MAX_PERIOD_YEARS = 10;

// The same date minus whole years, clamped to the month's end (2024-02-29 minus 1 year = 2023-02-28).
export function minusYears(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const target = y - years;
  const lastDay = new Date(Date.UTC(target, m, 0)).getUTCDate();
  return `${String(target).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

export function validatePeriod(period: Period, argName = 'period'): Period {
  if (period.from > period.to) throw badInput(`${argName}: from (${period.from}) is after to (${period.to})`, argName);
  if (period.from < minusYears(period.to, MAX_PERIOD_YEARS)) {
    throw badInput(`${argName}: longer than ${MAX_PERIOD_YEARS} years`, argName);
  }
  return { from: period.from, to: period.to };
}
