import { domainError } from '../common/errors';
import { Viewer } from './viewer';

// What the policy needs of the district hierarchy (the tree of src/core answers it).
export interface JurisdictionTree {
  get(code: string): { parentCode: string | null } | undefined;
  isWithin(code: string, ancestor: string): boolean;
  descendantCodes(code: string): string[];
}

// A user reaches their own district and everything below it (a county user its county, a city user
// its counties, the province everything).
// A province-level user also reaches what lies outside the tree (e.g. suspects resident in another province).
export function isProvinceWide(viewer: Viewer, tree: JurisdictionTree): boolean {
  const own = tree.get(viewer.district);
  return !!own && !own.parentCode;
}

export function withinJurisdiction(viewer: Viewer, tree: JurisdictionTree, code: string | null | undefined): boolean {
  if (isProvinceWide(viewer, tree)) return true;
  if (!code) return false;
  if (code === viewer.district) return true;
  return tree.isWithin(code, viewer.district);
}

export function assertDistrictAccess(viewer: Viewer, tree: JurisdictionTree, code: string): void {
  if (!withinJurisdiction(viewer, tree, code)) {
    throw domainError('FORBIDDEN', `District ${code} is outside your jurisdiction (${viewer.district})`);
  }
}

// The residence codes a viewer may list; null = no restriction (province-wide).
export function jurisdictionCodes(viewer: Viewer, tree: JurisdictionTree): string[] | null {
  return isProvinceWide(viewer, tree) ? null : tree.descendantCodes(viewer.district);
}
