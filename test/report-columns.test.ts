import { ColumnDefinition, ColumnGroup, DepartmentColumns, IndicatorKind } from '../src/core/report-column';
import { INDICATOR_DEFINITIONS } from '../src/indicators/indicator-definitions';
import { buildCatalogue } from '../src/reports/report-columns';

// The joint report's catalogue of columns (src/reports/report-columns.ts): the indicator ledger's
// columns, then each department's own group; what it refuses to register.

const GROUP: ColumnGroup = { key: 'sample', label: '示例 Sample' };
const column = (key: string, kind = IndicatorKind.RECORD_COUNT, group = GROUP): ColumnDefinition => ({
  key, group, kind, format: 'integer', nameZh: key, nameEn: key, definitionZh: key, definitionEn: key, unitZh: '场', unitEn: 'events',
});
const source = (columns: ColumnDefinition[], group = GROUP): DepartmentColumns => ({ group, columns, figures: async () => new Map() });

describe('report column catalogue', () => {
  it('lists the ledger columns, then a department group, with its group among the groups', () => {
    const c = buildCatalogue([source([column('sampleEvents'), column('sampleVisitors', IndicatorKind.ATTENDANCE)])]);
    expect(c.columns.map((d) => d.key)).toEqual([...INDICATOR_DEFINITIONS.map((d) => d.key), 'sampleEvents', 'sampleVisitors']);
    expect(c.groups.map((g) => g.key)).toEqual(['cases', 'users', 'rehabilitation', 'employment', 'precursors', 'sample']);
    expect(c.byKey.get('sampleEvents')).toMatchObject({ key: 'sampleEvents', group: GROUP });
  });

  it.each([
    ['a department column counting persons', [source([column('samplePersons', IndicatorKind.PERSON_COUNT)])], /may not count persons/],
    ['a key the ledger has', [source([column('casesFiled')])], /casesFiled: declared twice/],
    ['the name that stands for the four risk columns', [source([column('riskDistribution')])], /declared twice/],
    ['a key two departments declare', [source([column('sampleEvents')]), source([column('sampleEvents')], GROUP)], /declared twice/],
    ['a column outside its source group', [source([column('sampleEvents', IndicatorKind.RECORD_COUNT, { key: 'other', label: 'Other' })])], /not in its source's group/],
    ['a group key two departments declare with different labels', [source([column('a')]), source([column('b', IndicatorKind.RECORD_COUNT, { key: 'sample', label: 'Again' })], { key: 'sample', label: 'Again' })], /group sample: declared twice/],
  ])('refuses %s', (_what, sources, message) => {
    expect(() => buildCatalogue(sources)).toThrow(message);
  });
});
