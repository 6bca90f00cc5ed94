import { departmentModules } from '../src/core/department-module';
import { kindSpecs, parseKind } from '../src/ingest/record-kinds';

// The record kinds come from the departments registered at the composition root; asking before they
// are registered must not leave the list empty for good.
describe('record kinds from the registry', () => {
  it('are read again once the departments register', async () => {
    expect(departmentModules()).toHaveLength(0);
    expect(kindSpecs()).toEqual([]);
    expect(parseKind('drug-cases')).toBeUndefined();
    await import('../src/departments');
    expect(kindSpecs().map((s) => s.kind)).toContain('EDUCATION_BASE');
    expect(parseKind('drug-cases')).toBe('DRUG_CASE');
  });
});
