import { ApolloServerPlugin } from '@apollo/server';
import {
  DefinitionNode, DocumentNode, FieldNode, getArgumentValues, getNamedType, getNullableType, getVariableValues, GraphQLField, GraphQLInputType, GraphQLSchema, isInputObjectType,
  isListType, Kind, OperationDefinitionNode, TypeInfo, visit, visitWithTypeInfo,
} from 'graphql';
import { perOperation, perSchema } from '../common/per-operation';
import { parseDistrictCode } from '../core/district-code';

// Every argument and input field of the read API that names a district of the service: each is read
// by parseDistrictCode (src/core/district-code.ts) before the operation runs, whatever resolver
// takes it, so a malformed or unknown code is a 400 with no SQL. The department record inputs
// (DrugCaseInput.districtCode, ...) are not here: a bad district in a row rejects that row into the
// quarantine (src/core/record-validators.ts), it does not refuse the batch. test/district-inputs.test.ts
// fails when an argument or input field that looks like a district code is in neither place.
export const DISTRICT_CODE_INPUTS: ReadonlySet<string> = new Set([
  'Query.district(code)',
  'Query.districts(parentCode)',
  'PersonFilter.districtCode',
  'JointReportInput.parentCode',
]);

const inputFieldKey = (type: string, field: string) => `${type}.${field}`;

// Input types that hold a district code somewhere below them (so the others are never walked).
function reachingTypes(schema: GraphQLSchema): Set<string> {
  const reaching = new Set<string>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isInputObjectType(type) || reaching.has(type.name)) continue;
      const reaches = Object.values(type.getFields()).some((f) => DISTRICT_CODE_INPUTS.has(inputFieldKey(type.name, f.name)) || reaching.has(getNamedType(f.type).name));
      if (reaches) {
        reaching.add(type.name);
        grew = true;
      }
    }
  }
  return reaching;
}

function check(value: unknown, type: GraphQLInputType, isCode: boolean, path: string, reaching: Set<string>): void {
  if (value === null || value === undefined) return;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    if (Array.isArray(value)) value.forEach((item, i) => check(item, nullable.ofType, isCode, `${path}[${i}]`, reaching));
    return;
  }
  if (isCode) {
    parseDistrictCode(value, path);
    return;
  }
  if (!isInputObjectType(nullable) || !reaching.has(nullable.name) || typeof value !== 'object') return;
  for (const field of Object.values(nullable.getFields())) {
    const own = DISTRICT_CODE_INPUTS.has(inputFieldKey(nullable.name, field.name));
    check((value as Record<string, unknown>)[field.name], field.type, own, `${path}.${field.name}`, reaching);
  }
}

// Where the operation (and the fragments it may spread) can pass a district code, literal or
// variable: the fields with an argument that is a code or an input type reaching one. Static per
// operation, so found once; a request whose operation has no such place coerces nothing.
interface DistrictInputSite {
  parent: string;
  def: GraphQLField<unknown, unknown>;
  node: FieldNode;
}

const reachingTypesOf = perSchema(reachingTypes);

const districtInputSites = perOperation(function districtInputSites(schema, document, operation): DistrictInputSite[] {
  const reaching = reachingTypesOf(schema);
  const sites: DistrictInputSite[] = [];
  const definitions: DefinitionNode[] = [operation, ...document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)];
  const typeInfo = new TypeInfo(schema);
  visit({ kind: Kind.DOCUMENT, definitions }, visitWithTypeInfo(typeInfo, {
    Field(node) {
      const def = typeInfo.getFieldDef();
      const parent = typeInfo.getParentType();
      if (!def || !parent || !def.args.length || !node.arguments?.length) return;
      const takesCode = def.args.some((arg) => DISTRICT_CODE_INPUTS.has(`${parent.name}.${def.name}(${arg.name})`) || reaching.has(getNamedType(arg.type).name));
      if (takesCode) sites.push({ parent: parent.name, def, node });
    },
  }));
  return sites;
});

// Checks every district code the operation passes at those places.
export function checkDistrictInputs(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, rawVariables: Record<string, unknown> = {}): void {
  const sites = districtInputSites(schema, document, operation);
  if (!sites.length) return;
  const reaching = reachingTypesOf(schema);
  const { coerced } = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables, { maxErrors: 1 });
  if (!coerced) return; // wrong variables are refused by the limits plugin with their own message
  for (const { parent, def, node } of sites) {
    let values: Record<string, unknown>;
    try {
      values = getArgumentValues(def, node, coerced);
    } catch {
      continue; // a value of the wrong type: graphql-js refuses it with its own message
    }
    for (const arg of def.args) {
      const own = DISTRICT_CODE_INPUTS.has(`${parent}.${def.name}(${arg.name})`);
      if (own || reaching.has(getNamedType(arg.type).name)) check(values[arg.name], arg.type, own, arg.name, reaching);
    }
  }
}

export function districtInputsPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          checkDistrictInputs(schema, document, operation, request.variables);
        },
      };
    },
  };
}
