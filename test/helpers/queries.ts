// Operations shared by tests and benchmarks: every relation of Person, down to seizures and checks.
export const PERSON_FIELDS = `
  id idNumber name gender birthDate residenceDistrictCode householdDistrictCode deceasedAt
  residenceDistrict { code name } householdDistrict { code name }
  drugCases { sourceKey role arrestedAt arrestProvinceCode isFugitive
    case { id caseNumber caseType filedAt solvedAt isTargetCase manufacturingSitesDestroyed heroinEquivalentKg
      seizures { kind substance seizedAt quantityGrams quantityKg }
      suspects { role person { id name } } } }
  drugUseDetections { detectedAt substance method disposition districtCode }
  riskAssessments { assessedAt riskColour controlColour }
  latestRisk { riskColour assessedAt }
  rehabProgrammes { kind orderedAt reportedAt plannedEndAt endedAt outcome districtCode
    followUpChecks { checkedAt kind result }
    caseworker { name districtCode } centre { name } }
  employmentAssistances { kind startedAt endedAt provider subsidyAmountCny outcome }
  timeline { department kind date summary record { __typename } }
  status(asOf: "2023-12-31") { registeredUser abstinentThreeYears lastEvidenceOfUseAt inOpenProgramme inOpenCommunityProgramme employed }
`;

export const PERSONS_PAGE = `query PersonsPage($first: Int, $after: String, $filter: PersonFilter) {
  persons(first: $first, after: $after, filter: $filter) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { ${PERSON_FIELDS} } }
  }
}`;

export const PERSON_PROFILE = `query PersonProfile($id: ID!) { person(id: $id) { ${PERSON_FIELDS} } }`;

export const INDICATOR_FIELDS = `from to heroinEquivalentTable
  casesFiled casesSolved targetCasesSolved suspectsArrested fugitivesArrested manufacturingSitesDestroyed
  seizedHeroinEquivalentKg precursorSeizedKg outflowTraffickers drugUseDetections newUsers registeredUsers newUserRate
  abstinentThreeYears currentUsers abstinenceConsolidationRate compulsoryIsolationAdmissions communityOrders
  communityExecutionRate communityConsolidationRate absconded usersPerCaseworker employmentAssisted employedShare
  liftedOutOfPoverty riskDistribution { colour persons } precursorPermits precursorPermittedTonnes`;

export const DISTRICT_INDICATORS = `query DistrictIndicators($level: DistrictLevel, $parentCode: String, $from: Date!, $to: Date!) {
  districts(level: $level, parentCode: $parentCode) { code name indicators(period: { from: $from, to: $to }) { ${INDICATOR_FIELDS} } }
}`;
