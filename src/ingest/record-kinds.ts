// The record kinds of every registered department (DepartmentModule.recordKinds), by kind.
import { getMetadataStorage } from 'class-validator';
import { departmentModules } from '../core/department-module';
import { Department } from '../common/department';
import { KindSpec, RecordKind } from '../core/record-kind';

export type { KindSpec, RefRow } from '../core/record-kind';

// Built from the registry on first use, and again if a department registers later (a list read
// before the composition root registered the departments would otherwise stay empty for good).
let memo: { modules: number; specs: readonly KindSpec[]; byKind: ReadonlyMap<RecordKind, KindSpec> } | undefined;
function registered() {
  const modules = departmentModules();
  if (memo?.modules !== modules.length) {
    const specs = modules.flatMap((m) => m.recordKinds ?? []);
    memo = { modules: modules.length, specs, byKind: new Map(specs.map((s) => [s.kind, s])) };
  }
  return memo;
}

export function kindSpecs(): readonly KindSpec[] {
  return registered().specs;
}

// Departments as written in URLs and on the command line: the name of each registered module that
// sends records (public-security, justice, employment, prevention).
export function departmentBySlug(slug: string): Department | undefined {
  return kindSpecs().find((s) => departmentSlug(s.department) === slug)?.department;
}

export function departmentSlug(department: Department): string {
  return departmentModules().find((m) => m.recordKinds?.some((k) => k.department === department))?.name ?? department.toLowerCase();
}

export function departmentSlugs(): string[] {
  return [...new Set(kindSpecs().map((s) => departmentSlug(s.department)))];
}

export function specOf(kind: RecordKind): KindSpec {
  const spec = registered().byKind.get(kind);
  if (!spec) throw new Error(`no registered department sends ${kind}`);
  return spec;
}

// 'drug-cases', 'DRUG_CASE' or 'drug_case' -> RecordKind; undefined when unknown.
export function parseKind(text: unknown): RecordKind | undefined {
  if (typeof text !== 'string') return undefined;
  const t = text.trim();
  const bySlug = kindSpecs().find((s) => s.slug === t.toLowerCase());
  if (bySlug) return bySlug.kind;
  const upper = t.toUpperCase().replace(/-/g, '_');
  return kindSpecs().find((s) => s.kind === upper)?.kind;
}

// The input fields of a kind (every field carries at least one validation decorator).
const fieldCache = new Map<RecordKind, ReadonlySet<string>>();
export function inputFields(spec: KindSpec): ReadonlySet<string> {
  let set = fieldCache.get(spec.kind);
  if (!set) {
    set = new Set(getMetadataStorage().getTargetValidationMetadatas(spec.input, '', true, false).map((m) => m.propertyName));
    fieldCache.set(spec.kind, set);
  }
  return set;
}
