-- Issue 17: what PostGraphile needs, on top of the copied tables, to answer the same field set as ours
-- (test/helpers/queries.ts PERSON_FIELDS): the fields ours derives in TypeScript are computed columns
-- here (STABLE SQL functions whose first argument is the row), so PostGraphile computes them in the
-- same statement as the rest. Same definitions as src/persons/timeline.ts, person-status.ts and the
-- case's heroin equivalent (seizures of kind DRUG x the SPC-2016 factor, rounded to the gram).

-- person -> district: MariaDB has no foreign key here (some seeded codes are outside the tree), so a
-- smart tag declares the relation without enforcing it.
COMMENT ON TABLE person IS E'@foreignKey (residence_district_code) references district (code)|@fieldName residenceDistrict|@foreignFieldName residents\n@foreignKey (household_district_code) references district (code)|@fieldName householdDistrict|@foreignFieldName householders';

CREATE FUNCTION person_latest_risk(p person) RETURNS risk_assessment LANGUAGE sql STABLE AS $$
  SELECT r.* FROM risk_assessment r WHERE r.person_id = p.id ORDER BY r.assessed_at DESC, r.id DESC LIMIT 1
$$;

CREATE FUNCTION drug_case_heroin_equivalent_kg(c drug_case) RETURNS double precision LANGUAGE sql STABLE AS $$
  SELECT (round(coalesce(sum(coalesce(z.quantity_grams, 0) * coalesce(f.factor, 0)), 0)) / 1000)::double precision
    FROM seizure z LEFT JOIN heroin_equivalent_factor f ON f.table_name = 'SPC-2016' AND f.substance = z.substance
   WHERE z.case_id = c.id AND z.kind = 'DRUG'
$$;

CREATE TYPE timeline_event AS (department text, kind text, date date, summary text, record_type text);
CREATE FUNCTION person_timeline(p person) RETURNS SETOF timeline_event LANGUAGE sql STABLE AS $$
  SELECT e.department, e.kind, e.date, e.summary, e.record_type FROM (
    SELECT 'PUBLIC_SECURITY', 'DRUG_USE_DETECTION', d.detected_at,
           format('查处吸毒 Drug use detected: %s (%s), %s', d.substance, d.method, d.disposition), 'DrugUseDetection', d.id, 1
      FROM drug_use_detection d WHERE d.person_id = p.id
    UNION ALL
    SELECT 'PUBLIC_SECURITY', 'CASE_INVOLVEMENT', coalesce(s.arrested_at, c.filed_at),
           format('涉案 %s in case %s (%s)%s', s.role, c.case_number, c.case_type, CASE WHEN s.arrested_at IS NOT NULL THEN ', arrested' ELSE '' END),
           'CaseSuspect', s.id, 2
      FROM case_suspect s JOIN drug_case c ON c.id = s.case_id WHERE s.person_id = p.id
    UNION ALL
    SELECT 'PUBLIC_SECURITY', 'RISK_ASSESSMENT', r.assessed_at, format('风险评估 Risk %s, control %s', r.risk_colour, r.control_colour),
           'RiskAssessment', r.id, 3
      FROM risk_assessment r WHERE r.person_id = p.id
    UNION ALL
    SELECT 'JUSTICE', 'REHAB_PROGRAMME', rp.ordered_at,
           format('戒毒康复 %s ordered%s%s', rp.kind,
                  CASE WHEN rp.reported_at IS NOT NULL THEN ', reported ' || to_char(rp.reported_at, 'YYYY-MM-DD') ELSE ', not reported' END,
                  CASE WHEN coalesce(rp.outcome, '') <> '' THEN ', ' || rp.outcome ELSE '' END),
           'RehabProgramme', rp.id, 4
      FROM rehab_programme rp WHERE rp.person_id = p.id
    UNION ALL
    SELECT 'JUSTICE', 'FOLLOW_UP_CHECK', fc.checked_at, format('帮扶/检测 %s: %s', fc.kind, fc.result), 'FollowUpCheck', fc.id, 5
      FROM follow_up_check fc JOIN rehab_programme rp ON rp.id = fc.programme_id WHERE rp.person_id = p.id
    UNION ALL
    SELECT 'EMPLOYMENT', 'EMPLOYMENT_ASSISTANCE', a.started_at,
           format('就业帮扶 %s%s', a.kind, CASE WHEN coalesce(a.outcome, '') <> '' THEN ': ' || a.outcome ELSE '' END),
           'EmploymentAssistance', a.id, 6
      FROM employment_assistance a WHERE a.person_id = p.id
  ) e(department, kind, date, summary, record_type, id, source)
  ORDER BY e.date DESC, e.id DESC, e.source
$$;

CREATE TYPE person_status_summary AS (
  registered_user boolean, abstinent_three_years boolean, last_evidence_of_use_at date,
  in_open_programme boolean, in_open_community_programme boolean, employed boolean
);
CREATE FUNCTION person_status(p person, as_of date) RETURNS person_status_summary LANGUAGE sql STABLE AS $$
  WITH evidence AS (
    SELECT d.detected_at AS at, true AS detection FROM drug_use_detection d WHERE d.person_id = p.id AND d.detected_at <= as_of
    UNION ALL
    SELECT fc.checked_at, false FROM follow_up_check fc JOIN rehab_programme rp ON rp.id = fc.programme_id
     WHERE rp.person_id = p.id AND fc.result = 'POSITIVE' AND fc.checked_at <= as_of
  ), s AS (
    SELECT (p.deceased_at IS NULL OR p.deceased_at > as_of) AND coalesce(bool_or(detection), false) AS registered, max(at) AS last FROM evidence
  )
  SELECT s.registered,
         s.registered AND s.last IS NOT NULL AND s.last < (as_of - interval '3 years')::date,
         s.last,
         EXISTS (SELECT 1 FROM rehab_programme rp WHERE rp.person_id = p.id AND rp.ordered_at <= as_of AND (rp.ended_at IS NULL OR rp.ended_at > as_of)),
         EXISTS (SELECT 1 FROM rehab_programme rp WHERE rp.person_id = p.id AND rp.ordered_at <= as_of AND (rp.ended_at IS NULL OR rp.ended_at > as_of)
                   AND rp.kind IN ('COMMUNITY_DETOX', 'COMMUNITY_REHAB')),
         EXISTS (SELECT 1 FROM employment_assistance a WHERE a.person_id = p.id AND a.outcome IN ('EMPLOYED', 'SELF_EMPLOYED')
                   AND a.started_at <= as_of AND (a.ended_at IS NULL OR a.ended_at > as_of))
    FROM s
$$;
