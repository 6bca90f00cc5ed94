import { IndicatorDefinition } from '../../indicators/indicator-definitions';

// The joint report's indicators by the department and line of work that reports them, so that a file
// of 150 columns can be read: the CSV names each group above its columns, and `group=` on the report
// URLs exports one group alone (src/reports/routes.ts). Every indicator belongs to one group; one the
// table does not name yet (a new indicator) is shown under OTHER until it is added here.
export interface ColumnGroup {
  key: string;
  label: string;
  indicators: readonly string[];
}

export const COLUMN_GROUPS: readonly ColumnGroup[] = [
  {
    key: 'cases',
    label: '公安·毒品案件与缴获 Public security: drug cases and seizures',
    indicators: [
      'casesFiled', 'casesSolved', 'targetCasesSolved', 'suspectsArrested', 'fugitivesArrested', 'manufacturingSitesDestroyed',
      'seizedHeroinEquivalentKg', 'precursorSeizedKg', 'outflowTraffickers',
    ],
  },
  {
    key: 'users',
    label: '公安·吸毒人员管控 Public security: drug users',
    indicators: [
      'drugUseDetections', 'newUsers', 'registeredUsers', 'newUserRate', 'abstinentThreeYears', 'currentUsers', 'abstinenceConsolidationRate',
      'riskDistribution.RED', 'riskDistribution.ORANGE', 'riskDistribution.YELLOW', 'riskDistribution.GREEN',
    ],
  },
  {
    key: 'rehabilitation',
    label: '司法行政·戒毒康复 Justice: rehabilitation',
    indicators: ['compulsoryIsolationAdmissions', 'communityOrders', 'communityExecutionRate', 'communityConsolidationRate', 'absconded', 'usersPerCaseworker'],
  },
  {
    key: 'employment',
    label: '人社·就业帮扶 Employment: assistance',
    indicators: ['employmentAssisted', 'employedShare', 'liftedOutOfPoverty'],
  },
  {
    key: 'precursors',
    label: '公安·易制毒化学品管理 Public security: precursor chemicals',
    indicators: ['precursorPermits', 'precursorPermittedTonnes'],
  },
];

export const OTHER_GROUP: ColumnGroup = { key: 'other', label: '其他 Other', indicators: [] };

const BY_INDICATOR = new Map(COLUMN_GROUPS.flatMap((g) => g.indicators.map((i) => [i, g] as const)));

export const groupOf = (def: IndicatorDefinition): ColumnGroup => BY_INDICATOR.get(def.key) ?? OTHER_GROUP;

export const columnGroup = (key: string): ColumnGroup | undefined => COLUMN_GROUPS.find((g) => g.key === key);

// One cell per column: the group's label over the first column of each run of its columns, empty
// over the rest (a spreadsheet shows the label spanning the run).
export function groupHeader(columns: IndicatorDefinition[], width: (def: IndicatorDefinition) => number): string[] {
  const out: string[] = [];
  let previous: ColumnGroup | null = null;
  for (const def of columns) {
    const group = groupOf(def);
    for (let i = 0; i < width(def); i++) out.push(group !== previous && i === 0 ? group.label : '');
    previous = group;
  }
  return out;
}
