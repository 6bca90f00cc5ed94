import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed documents for the example client operations (operations/*.graphql), from the committed schema.
// `npm run codegen` writes operations/generated/; test/operations.test.ts fails when it is stale.
const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['operations/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'operations/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { Date: 'string' } },
    },
  },
};

export default config;
