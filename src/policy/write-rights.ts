// Who may write which department's records: the department's own role, or ADMIN. The one write-rights
// table of the service (reads are ruled by the access table in src/policy).
import { forbidden } from '../common/errors';
import { Role, Viewer } from './viewer';
import { Department } from '../common/department';

export const ROLE_DEPARTMENT: Partial<Record<Role, Department>> = {
  [Role.PUBLIC_SECURITY]: Department.PUBLIC_SECURITY,
  [Role.JUSTICE]: Department.JUSTICE,
  [Role.EMPLOYMENT]: Department.EMPLOYMENT,
  // the anti-drug office organises publicity and education and reports it
  [Role.PROVINCIAL_OFFICE]: Department.PREVENTION,
};

// Writes: the department's own role, or ADMIN.
export function mayWrite(viewer: Pick<Viewer, 'role'>, department: Department): boolean {
  return viewer.role === Role.ADMIN || ROLE_DEPARTMENT[viewer.role] === department;
}

export function assertMayWrite(viewer: Pick<Viewer, 'role'>, department: Department): void {
  if (!mayWrite(viewer, department)) throw forbidden(`Role ${viewer.role} may not write ${department} records`);
}


// Identity conflicts between departments: ADMIN reviews all, a department those it is party to.
// null = every conflict; otherwise the department whose conflicts the viewer may see (none: null role).
export function conflictDepartmentScope(viewer: Pick<Viewer, 'role'>): { all: true } | { all: false; department: Department | null } {
  return viewer.role === Role.ADMIN ? { all: true } : { all: false, department: ROLE_DEPARTMENT[viewer.role] ?? null };
}

export function mayReviewConflict(viewer: Pick<Viewer, 'role'>, departmentA: string, departmentB: string): boolean {
  const scope = conflictDepartmentScope(viewer);
  return scope.all || (scope.department !== null && (departmentA === scope.department || departmentB === scope.department));
}
