import { registerEnumType } from 'type-graphql';

// The departments (sources) that send records; three of them meet in a person's timeline.
export enum Department {
  PUBLIC_SECURITY = 'PUBLIC_SECURITY',
  JUSTICE = 'JUSTICE',
  EMPLOYMENT = 'EMPLOYMENT',
  PREVENTION = 'PREVENTION',
}
registerEnumType(Department, {
  name: 'Department',
  description: 'The department that owns a record (数据来源部门)',
  valuesConfig: {
    PUBLIC_SECURITY: { description: 'Public security (公安)' },
    JUSTICE: { description: 'Justice administration (司法行政)' },
    EMPLOYMENT: { description: 'Employment bureau (人社)' },
    PREVENTION: { description: 'Prevention and education: education bases, publicity, schools (禁毒宣传教育)' },
  },
});
