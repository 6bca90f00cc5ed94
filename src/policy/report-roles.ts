import { Role, Viewer } from './viewer';

// Who may read joint reports; the auditor reads the audit trail only.
const REPORT_ROLES: ReadonlySet<Role> = new Set([Role.PROVINCIAL_OFFICE, Role.ADMIN, Role.PUBLIC_SECURITY, Role.JUSTICE, Role.EMPLOYMENT]);
// Roles without person-level access: the figures they read are released under the aggregate rules
// (small counts of persons withheld).
const AGGREGATE_ONLY_ROLES: ReadonlySet<Role> = new Set([Role.PROVINCIAL_OFFICE]);

export function mayReadReports(viewer: Pick<Viewer, 'role'>): boolean {
  return REPORT_ROLES.has(viewer.role);
}

export function readsAggregatesOnly(viewer: Pick<Viewer, 'role'>): boolean {
  return AGGREGATE_ONLY_ROLES.has(viewer.role);
}
