import { registerEnumType } from 'type-graphql';

// The departments whose records meet in a person's timeline.
export enum Department {
  PUBLIC_SECURITY = 'PUBLIC_SECURITY',
  JUSTICE = 'JUSTICE',
  EMPLOYMENT = 'EMPLOYMENT',
}
registerEnumType(Department, {
  name: 'Department',
  description: 'The department that owns a record (数据来源部门)',
  valuesConfig: {
    PUBLIC_SECURITY: { description: 'Public security (公安)' },
    JUSTICE: { description: 'Justice administration (司法行政)' },
    EMPLOYMENT: { description: 'Employment bureau (人社)' },
  },
});
