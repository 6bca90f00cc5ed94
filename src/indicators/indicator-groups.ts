import { ColumnGroup } from '../core/report-column';

// The column groups of the indicator ledger's figures, by the department and line of work that reports
// them: the CSV names each above its columns, the printable page draws a table per group, and
// `group=` on the report URLs exports one alone. Departments with their own column group declare it
// in their folder (DepartmentModule.reportColumns).
export const CASES: ColumnGroup = { key: 'cases', label: '公安·毒品案件与缴获 Public security: drug cases and seizures' };
export const USERS: ColumnGroup = { key: 'users', label: '公安·吸毒人员管控 Public security: drug users' };
export const REHABILITATION: ColumnGroup = { key: 'rehabilitation', label: '司法行政·戒毒康复 Justice: rehabilitation' };
export const EMPLOYMENT: ColumnGroup = { key: 'employment', label: '人社·就业帮扶 Employment: assistance' };
export const PRECURSORS: ColumnGroup = { key: 'precursors', label: '公安·易制毒化学品管理 Public security: precursor chemicals' };
