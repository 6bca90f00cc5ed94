import { DepartmentModule, registerDepartments } from './core/department-module';
import { employmentModule } from './employment';
import { justiceModule } from './justice';
import { preventionModule } from './prevention';
import { publicSecurityModule } from './public-security';

// The composition root's list of sources: each department plugs in here and nowhere else; the
// cross-department features (persons, indicators, reports, ingest) read this registry.
// Timeline order of the union follows this order.
export const departments: readonly DepartmentModule[] = [publicSecurityModule, justiceModule, employmentModule, preventionModule];

registerDepartments(departments);
