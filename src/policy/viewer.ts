import { registerEnumType } from 'type-graphql';

export enum Role {
  PUBLIC_SECURITY = 'PUBLIC_SECURITY',
  JUSTICE = 'JUSTICE',
  EMPLOYMENT = 'EMPLOYMENT',
  PROVINCIAL_OFFICE = 'PROVINCIAL_OFFICE',
  AUDITOR = 'AUDITOR',
  ADMIN = 'ADMIN',
}
registerEnumType(Role, {
  name: 'Role',
  description: 'Role of a user, carried in the token (角色)',
  valuesConfig: {
    PUBLIC_SECURITY: { description: 'Public security officer (公安)' },
    JUSTICE: { description: 'Justice administration officer (司法行政)' },
    EMPLOYMENT: { description: 'Employment bureau officer (人社)' },
    PROVINCIAL_OFFICE: { description: 'Provincial anti-drug office: aggregates and reports only (禁毒办)' },
    AUDITOR: { description: 'Auditor: the audit trail only (审计)' },
    ADMIN: { description: 'Administrator: everything, still audited (管理员)' },
  },
});

// Who is asking, from a verified token, and for what purpose (X-Access-Purpose).
export interface Viewer {
  sub: string;
  name: string;
  role: Role;
  // jurisdiction: a GB/T 2260 code; the user reaches this district and everything below it
  district: string;
  purpose: string | null;
  // when the token this viewer comes from expires (seconds since the epoch): what it issues (a report
  // download link) expires no later
  expiresAt?: number;
}

export const ROLES = Object.values(Role);
