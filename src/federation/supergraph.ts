// The three department subgraphs composed into one supergraph (@apollo/composition), from the code:
// no running subgraph and no database is needed to compose.
import { composeServices } from '@apollo/composition';
import { GraphQLSchema } from 'graphql';
import { buildUnguardedSchema } from '../schema';
import { subgraphTypeDefs } from '../subgraph-sdl';
import { SUBGRAPH_NAMES, SubgraphName } from '../subgraph-split';

export interface Supergraph {
  supergraphSdl: string;
  // the schema clients of the gateway see
  apiSchema: GraphQLSchema;
}

// url: where each subgraph listens (the gateway reads it from the supergraph SDL)
export async function composeSupergraph(urls: Partial<Record<SubgraphName, string>> = {}): Promise<Supergraph> {
  const typeDefs = subgraphTypeDefs(await buildUnguardedSchema());
  const result = composeServices(
    SUBGRAPH_NAMES.map((name) => ({ name, typeDefs: typeDefs[name], url: urls[name] ?? `http://${name}.invalid/graphql` })),
  );
  if (result.errors) throw new Error(`supergraph composition failed: ${result.errors.map((e) => e.message).join('; ')}`);
  return { supergraphSdl: result.supergraphSdl, apiSchema: result.schema.toAPISchema().toGraphQLJSSchema() };
}
