'use strict';
// The four workloads of issue 7, as GraphQL operations (ours and the naive baseline serve the same
// schema) and as plain HTTP paths of the raw lower bound. Every implementation gets the same inputs.
const { join } = require('node:path');
const { loadTs, prng, ROOT } = require('./common');

// PERSON_PROFILE, PERSONS_PAGE and DISTRICT_INDICATORS are the operations the tests use.
const Q = loadTs(join(ROOT, 'test', 'helpers', 'queries.ts'));

const PERIOD = { from: '2022-01-01', to: '2022-12-31' };
const COMPARE = { from: '2021-01-01', to: '2021-12-31' };

const CELL = 'indicator value suppressed compareValue compareSuppressed change relativeChange rank';
// Everything of the joint report except metadata.dataAsOf / dataAsOfBasis (a scan of every table's
// updated_at, computed only when asked for; measured apart, see BENCHMARKS.md).
const JOINT_REPORT = `query JointReport($input: JointReportInput!) {
  jointReport(input: $input) {
    level parent { code name } period { from to days } comparePeriod { from to days }
    rows { district { code name } isTotal values { ${CELL} } }
    total { district { code name } isTotal values { ${CELL} } }
    metadata { generatedAt heroinEquivalentTable suppression { applied threshold suppressedCells } notes
      indicators { indicator field riskColour nameZh nameEn definitionZh definitionEn unitZh unitEn kind suppressible } }
  }
}`;

// The 22 counties of Ningxia (GB/T 2260), as in migrations/reference.
const COUNTIES = [
  '640104', '640105', '640106', '640121', '640122', '640181', '640202', '640205', '640221', '640302', '640303',
  '640323', '640324', '640381', '640402', '640422', '640423', '640424', '640425', '640502', '640521', '640522',
];

// Each workload: a name, the GraphQL operation, and input(i) -> { variables, rawPath } for request i.
// `pick` draws deterministic inputs: the same sequence for every implementation.
function workloads(persons) {
  return [
    {
      key: 'profile',
      title: '1 person profile',
      operationName: 'PersonProfile',
      query: Q.PERSON_PROFILE,
      input: (r) => {
        const id = String(1 + Math.floor(r() * persons));
        return { variables: { id }, rawPath: `/profile?id=${id}` };
      },
      dataKey: 'person',
    },
    {
      key: 'page',
      title: '2 persons(first: 100), one county',
      operationName: 'PersonsPage',
      query: Q.PERSONS_PAGE,
      input: (r) => {
        const code = COUNTIES[Math.floor(r() * COUNTIES.length)];
        return { variables: { first: 100, filter: { districtCode: code } }, rawPath: `/persons?district=${code}&first=100` };
      },
      dataKey: 'persons',
    },
    {
      key: 'indicators',
      title: '3 county indicators 2022',
      operationName: 'DistrictIndicators',
      query: Q.DISTRICT_INDICATORS,
      input: () => ({
        variables: { level: 'COUNTY', from: PERIOD.from, to: PERIOD.to },
        rawPath: `/indicators?level=COUNTY&from=${PERIOD.from}&to=${PERIOD.to}`,
      }),
      dataKey: 'districts',
    },
    {
      key: 'report',
      title: '4 jointReport 22 counties vs 2021',
      operationName: 'JointReport',
      query: JOINT_REPORT,
      input: () => ({
        variables: { input: { period: PERIOD, compareTo: COMPARE, level: 'COUNTY', parentCode: '640000' } },
        rawPath: `/report?level=COUNTY&parent=640000&from=${PERIOD.from}&to=${PERIOD.to}&compareFrom=${COMPARE.from}&compareTo=${COMPARE.to}`,
      }),
      dataKey: 'jointReport',
    },
  ];
}

module.exports = { workloads, PERIOD, COMPARE, COUNTIES, JOINT_REPORT, Q, prng };
