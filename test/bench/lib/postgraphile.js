'use strict';
// Issue 17: the profile and page workloads as PostGraphile 5 documents with the same field set as
// ours (test/helpers/queries.ts PERSON_FIELDS, in the same orders), aliased to ours' field names; and
// the normalisation that turns a PostGraphile answer into ours' shape, only for the comparison (the
// timed requests are the documents as they are): connections' `nodes` -> lists, Int ids -> ID
// strings, BigFloat strings -> numbers, timeline.recordType -> record.__typename, cursors blanked
// (each implementation has its own).
const { firstDifference } = require('./compare');
const { prng } = require('./common');

const PERSON = `
  id: rowId idNumber name gender birthDate residenceDistrictCode householdDistrictCode deceasedAt
  residenceDistrict { code name } householdDistrict { code name }
  drugCases: caseSuspectsByPersonId(orderBy: PRIMARY_KEY_DESC) { nodes { sourceKey role arrestedAt arrestProvinceCode isFugitive
    case: drugCaseByCaseId { id: rowId caseNumber caseType filedAt solvedAt isTargetCase manufacturingSitesDestroyed heroinEquivalentKg
      seizures: seizuresByCaseId(orderBy: [SEIZED_AT_ASC, PRIMARY_KEY_ASC]) { nodes { kind substance seizedAt quantityGrams quantityKg } }
      suspects: caseSuspectsByCaseId(orderBy: PRIMARY_KEY_ASC) { nodes { role person: personByPersonId { id: rowId name } } } } } }
  drugUseDetections: drugUseDetectionsByPersonId(orderBy: [DETECTED_AT_DESC, PRIMARY_KEY_DESC]) { nodes { detectedAt substance method disposition districtCode } }
  riskAssessments: riskAssessmentsByPersonId(orderBy: [ASSESSED_AT_DESC, PRIMARY_KEY_DESC]) { nodes { assessedAt riskColour controlColour } }
  latestRisk { riskColour assessedAt }
  rehabProgrammes: rehabProgrammesByPersonId(orderBy: [ORDERED_AT_DESC, PRIMARY_KEY_DESC]) { nodes { kind orderedAt reportedAt plannedEndAt endedAt outcome districtCode
    followUpChecks: followUpChecksByProgrammeId(orderBy: [CHECKED_AT_DESC, PRIMARY_KEY_DESC]) { nodes { checkedAt kind result } }
    caseworker: caseworkerByCaseworkerId { name districtCode } centre: rehabCentreByCentreId { name } } }
  employmentAssistances: employmentAssistancesByPersonId(orderBy: [STARTED_AT_DESC, PRIMARY_KEY_DESC]) { nodes { kind startedAt endedAt provider subsidyAmountCny outcome } }
  timeline { nodes { department kind date summary recordType } }
  status(asOf: "2023-12-31") { registeredUser abstinentThreeYears lastEvidenceOfUseAt inOpenProgramme inOpenCommunityProgramme employed }
`;

// Persons live at county level in the seeded data, so ours' districtCode filter (the county and
// everything under it) is PostGraphile's equality condition on the county; the comparison checks it.
const DOCUMENTS = {
  profile: {
    operationName: 'PersonProfile',
    query: `query PersonProfile($id: Int!) { person: personByRowId(rowId: $id) { ${PERSON} } }`,
    variables: (v) => ({ id: Number(v.id) }),
  },
  page: {
    operationName: 'PersonsPage',
    query: `query PersonsPage($first: Int, $code: String!) {
  persons: allPeople(first: $first, condition: { residenceDistrictCode: $code }, orderBy: PRIMARY_KEY_ASC) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { ${PERSON} } }
  }
}`,
    variables: (v) => ({ first: v.first, code: v.filter.districtCode }),
  },
};

const supports = (workloadKey) => Boolean(DOCUMENTS[workloadKey]);

function body(workloadKey, ourVariables) {
  const d = DOCUMENTS[workloadKey];
  return JSON.stringify({ operationName: d.operationName, query: d.query, variables: d.variables(ourVariables) });
}

const list = (conn) => (conn ? conn.nodes : conn);
const num = (v) => (v === null || v === undefined ? v : Number(v));

function person(p) {
  if (!p) return p;
  return {
    ...p,
    id: String(p.id),
    drugCases: list(p.drugCases).map((s) => ({
      ...s,
      case: s.case && {
        ...s.case,
        id: String(s.case.id),
        seizures: list(s.case.seizures).map((z) => ({ ...z, quantityGrams: num(z.quantityGrams), quantityKg: num(z.quantityKg) })),
        suspects: list(s.case.suspects).map((x) => ({ ...x, person: x.person && { ...x.person, id: String(x.person.id) } })),
      },
    })),
    drugUseDetections: list(p.drugUseDetections),
    riskAssessments: list(p.riskAssessments),
    rehabProgrammes: list(p.rehabProgrammes).map((rp) => ({ ...rp, followUpChecks: list(rp.followUpChecks) })),
    employmentAssistances: list(p.employmentAssistances).map((a) => ({ ...a, subsidyAmountCny: num(a.subsidyAmountCny) })),
    timeline: list(p.timeline).map(({ recordType, ...e }) => ({ ...e, record: { __typename: recordType } })),
  };
}

// data of either implementation -> the shape compared (cursors blanked on both sides)
function comparable(workloadKey, data, fromPostgraphile) {
  if (workloadKey === 'profile') return fromPostgraphile ? person(data.person) : data.person;
  const c = data.persons;
  return {
    totalCount: c.totalCount,
    pageInfo: { hasNextPage: c.pageInfo.hasNextPage, endCursor: c.pageInfo.endCursor === null ? null : 'cursor' },
    edges: c.edges.map((e) => ({ cursor: 'cursor', node: fromPostgraphile ? person(e.node) : e.node })),
  };
}

// Field-by-field comparison of ours and PostGraphile on `samples` inputs of the workload (the inputs of
// the timed run come from the same generator). Returns { compared, differences: [..] }.
async function compareWithOurs(w, samples, askOurs, askPostgraphile) {
  const r = prng(3);
  const differences = [];
  for (let i = 0; i < samples; i++) {
    const input = w.input(r);
    const [ours, pgl] = await Promise.all([askOurs(input), askPostgraphile(input)]);
    const where = `${w.key} ${JSON.stringify(input.variables)}`;
    if (!ours?.data?.[w.dataKey] || ours.errors) differences.push(`${where}: ours answered ${JSON.stringify(ours).slice(0, 200)}`);
    else if (!pgl?.data || pgl.errors) differences.push(`${where}: PostGraphile answered ${JSON.stringify(pgl).slice(0, 300)}`);
    else {
      const d = firstDifference(comparable(w.key, ours.data, false), comparable(w.key, pgl.data, true), w.dataKey);
      if (d) differences.push(`${where}: differs at ${d}`);
    }
  }
  return { compared: samples, differences };
}

module.exports = { DOCUMENTS, supports, body, comparable, compareWithOurs };
