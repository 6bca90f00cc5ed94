import { GraphQLScalarType } from 'graphql';
import { LocalDateResolver } from 'graphql-scalars';

const localDate = LocalDateResolver.toConfig();

// Days already validated on the way out. Answers carry the same few thousand days over and over (a
// page of 100 persons serialises tens of thousands of dates), and graphql-scalars validates each by
// building a Date and its ISO string: ~5 % of the server's CPU on a persons page (BENCHMARKS.md).
// Bounded: 50,000 days are 137 years; past that, values are validated every time.
const VALID_DAYS_CACHED = 50_000;
const validDays = new Set<string>();

function serializeDay(value: unknown): string {
  if (typeof value === 'string' && validDays.has(value)) return value;
  const day = localDate.serialize(value); // throws on anything that is not a calendar day
  if (validDays.size < VALID_DAYS_CACHED) validDays.add(day);
  return day;
}

// `Date` in the public contract is a calendar day (ISO 8601 'YYYY-MM-DD'), carried as a string end to end.
// Inputs are validated by graphql-scalars' LocalDate every time.
export const DateScalar = new GraphQLScalarType({
  ...localDate,
  name: 'Date',
  description: 'A calendar day in ISO 8601 form, YYYY-MM-DD (日期)',
  serialize: serializeDay,
});
