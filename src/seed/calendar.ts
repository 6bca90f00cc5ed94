// Calendar arithmetic on day numbers (days since 1970-01-01, UTC) for the generator's fixed world
// clock. The generated world runs from 2015-01-01 to 2023-12-31 and never depends on today.

const MS_PER_DAY = 86_400_000;

export function dayOf(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

// Pre-formatted 'YYYY-MM-DD' strings: formatting is on the hot path (millions of dates).
const TABLE_FROM = dayOf('1900-01-01');
const TABLE_TO = dayOf('2040-12-31');
const TABLE: string[] = [];
for (let day = TABLE_FROM; day <= TABLE_TO; day++) TABLE.push(new Date(day * MS_PER_DAY).toISOString().slice(0, 10));

export function isoOf(day: number): string {
  const s = TABLE[day - TABLE_FROM];
  if (s === undefined) throw new RangeError(`day ${day} outside the generator's calendar`);
  return s;
}

export function dayOfYearStart(year: number): number {
  return dayOf(`${year}-01-01`);
}

export function dayOfYearEnd(year: number): number {
  return dayOf(`${year}-12-31`);
}

// Same month and day `years` later (29 Feb -> 28 Feb).
export function addYears(day: number, years: number): number {
  const iso = isoOf(day);
  const y = Number(iso.slice(0, 4)) + years;
  let md = iso.slice(5);
  if (md === '02-29' && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) md = '02-28';
  return dayOf(`${y}-${md}`);
}

export const WORLD_END = dayOf('2023-12-31');
export const WORLD_YEARS = [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023] as const;
