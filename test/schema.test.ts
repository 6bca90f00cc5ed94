import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLEnumType, GraphQLInputObjectType, GraphQLObjectType, GraphQLUnionType, isIntrospectionType } from 'graphql';
import { createSchema, printSchemaFile } from '../src/schema';

describe('schema/schema.graphql', () => {
  it('is the schema the code builds (run `npm run schema:emit` when this fails)', async () => {
    const committed = readFileSync(join(__dirname, '..', 'schema', 'schema.graphql'), 'utf8');
    expect(committed).toBe(printSchemaFile(await createSchema()));
  });

  it('describes every type, field, argument and enum value in English with the Chinese term', async () => {
    const schema = await createSchema();
    const missing: string[] = [];
    const hasChinese = (s: string | null | undefined) => !!s && /[\u4e00-\u9fff]/.test(s);
    for (const type of Object.values(schema.getTypeMap())) {
      if (isIntrospectionType(type) || type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      const isRoot = ['Query', 'Mutation', 'Subscription'].includes(type.name);
      if (!isRoot && !hasChinese(type.description)) missing.push(type.name);
      if (type instanceof GraphQLObjectType || type instanceof GraphQLInputObjectType) {
        for (const field of Object.values(type.getFields())) {
          if (!hasChinese(field.description)) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) {
            if (!hasChinese(arg.description)) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
      if (type instanceof GraphQLEnumType) {
        for (const value of type.getValues()) if (!hasChinese(value.description)) missing.push(`${type.name}.${value.name}`);
      }
      if (type instanceof GraphQLUnionType && !hasChinese(type.description)) missing.push(type.name);
    }
    expect(missing).toEqual([]);
  });

  it('keeps the root fields of the public contract (docs/API.md)', async () => {
    const fields = Object.keys((await createSchema()).getQueryType()!.getFields());
    expect(fields).toEqual(expect.arrayContaining(['person', 'personByIdNumber', 'persons', 'district', 'districts']));
  });
});
