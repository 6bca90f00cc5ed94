import { ruleFor } from './access-rules';
import { Role, Viewer } from './viewer';

// Who may read joint reports; the auditor reads the audit trail only.
const REPORT_ROLES: ReadonlySet<Role> = new Set([Role.PROVINCIAL_OFFICE, Role.ADMIN, Role.PUBLIC_SECURITY, Role.JUSTICE, Role.EMPLOYMENT]);

export function mayReadReports(viewer: Pick<Viewer, 'role'>): boolean {
  return REPORT_ROLES.has(viewer.role);
}

// A role that may not list persons reads aggregates only: the figures it gets are released under the
// aggregate rules (docs/RELEASE-RULES.md). Derived from the access table, so that a new role is released
// to unless it is given person-level access there: the rule fails closed.
export function readsAggregatesOnly(viewer: Pick<Viewer, 'role'>): boolean {
  return !ruleFor('Query', 'persons')?.includes(viewer.role);
}
