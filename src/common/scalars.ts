import { GraphQLScalarType } from 'graphql';
import { LocalDateResolver } from 'graphql-scalars';

// `Date` in the public contract is a calendar day (ISO 8601 'YYYY-MM-DD'), carried as a string end to end.
export const DateScalar = new GraphQLScalarType({
  ...LocalDateResolver.toConfig(),
  name: 'Date',
  description: 'A calendar day in ISO 8601 form, YYYY-MM-DD (日期)',
});
