import { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';

// What the schema and a parsed operation alone decide (not its variables, not the viewer), computed
// once per operation instead of once per request: Apollo's document store keeps one parsed document
// per distinct document text, so a front end sending the same operation again brings the same
// DocumentNode back. Keyed weakly by schema and document: a document dropped from the store is
// collected with what was learned about it, and a document parsed anew (no store) is simply computed.
export type OperationFact<T> = (schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode) => T;

export function perOperation<T>(compute: OperationFact<T>): OperationFact<T> {
  const bySchema = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<OperationDefinitionNode, T>>>();
  return (schema, document, operation) => {
    let byDocument = bySchema.get(schema);
    if (!byDocument) bySchema.set(schema, (byDocument = new WeakMap()));
    let byOperation = byDocument.get(document);
    if (!byOperation) byDocument.set(document, (byOperation = new Map()));
    if (byOperation.has(operation)) return byOperation.get(operation)!;
    const fact = compute(schema, document, operation);
    byOperation.set(operation, fact);
    return fact;
  };
}

// The same per schema alone.
export function perSchema<T>(compute: (schema: GraphQLSchema) => T): (schema: GraphQLSchema) => T {
  const bySchema = new WeakMap<GraphQLSchema, T>();
  return (schema) => {
    if (!bySchema.has(schema)) bySchema.set(schema, compute(schema));
    return bySchema.get(schema)!;
  };
}
