#!/usr/bin/env node
// The raw lower bound of the benchmark (issue 7): hand-written mysql2 SQL that fetches exactly the data
// of each workload in as few round trips as possible, assembled into the same JSON the GraphQL answer
// carries, serialised with JSON.stringify and served by node:http. No GraphQL, no TypeORM, no auth, no
// audit. Pure domain functions of the service (status, rollup of indicator sums, report assembly) are
// reused from dist/, so that the figures are the same; the SQL is what differs.
//
//   DATABASE_URL=mysql://root@127.0.0.1:3306/jindu_bench_100k PORT=4802 node test/bench/raw-server.js
//
// Every answer carries x-sql-statements (statements run) and x-sql-roundtrips (trips to the database).
'use strict';
require('../../node_modules/reflect-metadata');
const http = require('node:http');
const mysql = require('mysql2');
const { service } = require('./lib/common');

const { computeStatus } = service('src/persons/user-status.js');
const { DistrictTree } = service('src/core/district-tree.js');
const { computeIndicators } = service('src/indicators/indicators.service.js');
const { buildJointReport } = service('src/reports/joint-report.service.js');
// the service limits how many indicator computations run at once (src/indicators); the
// baselines keep the unlimited behaviour (a build from before that limit has no such function)
service('src/indicators/indicators.service.js').configureIndicatorComputations?.({ atOnce: Infinity, maxWaiting: Infinity });

const DATABASE_URL = process.env.DATABASE_URL;
const PORT = Number(process.env.PORT || 4802);
const POOL_SIZE = Number(process.env.DB_POOL_SIZE || 10);
const FACTOR_TABLE = 'SPC-2016';

const pool = mysql.createPool({
  uri: DATABASE_URL.replace(/^mariadb:/, 'mysql:'),
  connectionLimit: POOL_SIZE,
  multipleStatements: true,
  dateStrings: true,
  timezone: 'Z',
  charset: 'utf8mb4_unicode_ci',
});
const q = (sql, params) =>
  new Promise((resolve, reject) => pool.query(sql, params, (err, rows) => (err ? reject(err) : resolve(rows))));

const num = (v) => (v === null || v === undefined ? null : Number(v));
const bool = (v) => v === 1 || v === true || v === '1';

// ---------------------------------------------------------------------------------------------
// Persons with every relation: one round trip of 10 statements, each keyed by the persons' ids
// (a derived table `ids` chosen by the caller: one person, or a page).

function personStatements(idsSql) {
  // idsSql: a derived table with one column `id`
  return [
    `SELECT p.id, p.id_number, p.name, p.gender, p.birth_date, p.residence_district_code, p.household_district_code, p.deceased_at
       FROM person p JOIN ${idsSql} ids ON ids.id = p.id ORDER BY p.id`,
    `SELECT cs.id, cs.person_id, cs.source_key, cs.role, cs.arrested_at, cs.arrest_province_code, cs.is_fugitive, cs.case_id,
            c.case_number, c.case_type, c.filed_at, c.solved_at, c.is_target_case, c.manufacturing_sites_destroyed
       FROM case_suspect cs JOIN ${idsSql} ids ON ids.id = cs.person_id JOIN drug_case c ON c.id = cs.case_id
      ORDER BY cs.id DESC`,
    `SELECT z.id, z.case_id, z.kind, z.substance, z.seized_at, z.quantity_grams, z.quantity_kg
       FROM seizure z WHERE z.case_id IN (SELECT cs.case_id FROM case_suspect cs JOIN ${idsSql} ids ON ids.id = cs.person_id)
      ORDER BY z.seized_at, z.id`,
    `SELECT s.case_id, s.role, sp.id AS person_id, sp.name AS person_name
       FROM case_suspect s LEFT JOIN person sp ON sp.id = s.person_id
      WHERE s.case_id IN (SELECT cs.case_id FROM case_suspect cs JOIN ${idsSql} ids ON ids.id = cs.person_id)
      ORDER BY s.id`,
    `SELECT d.id, d.person_id, d.detected_at, d.substance, d.method, d.disposition, d.district_code
       FROM drug_use_detection d JOIN ${idsSql} ids ON ids.id = d.person_id ORDER BY d.detected_at DESC, d.id DESC`,
    `SELECT r.id, r.person_id, r.assessed_at, r.risk_colour, r.control_colour
       FROM risk_assessment r JOIN ${idsSql} ids ON ids.id = r.person_id ORDER BY r.assessed_at DESC, r.id DESC`,
    `SELECT rp.id, rp.person_id, rp.kind, rp.ordered_at, rp.reported_at, rp.planned_end_at, rp.ended_at, rp.outcome, rp.district_code,
            cw.name AS caseworker_name, cw.district_code AS caseworker_district_code, ct.id AS centre_id, ct.name AS centre_name, cw.id AS caseworker_id
       FROM rehab_programme rp JOIN ${idsSql} ids ON ids.id = rp.person_id
       LEFT JOIN caseworker cw ON cw.id = rp.caseworker_id LEFT JOIN rehab_centre ct ON ct.id = rp.centre_id
      ORDER BY rp.ordered_at DESC, rp.id DESC`,
    `SELECT fc.id, fc.programme_id, fc.checked_at, fc.kind, fc.result
       FROM follow_up_check fc JOIN rehab_programme rp ON rp.id = fc.programme_id JOIN ${idsSql} ids ON ids.id = rp.person_id
      ORDER BY fc.checked_at DESC, fc.id DESC`,
    `SELECT ea.id, ea.person_id, ea.kind, ea.started_at, ea.ended_at, ea.provider, ea.subsidy_amount_cny, ea.outcome
       FROM employment_assistance ea JOIN ${idsSql} ids ON ids.id = ea.person_id ORDER BY ea.started_at DESC, ea.id DESC`,
    `SELECT substance, factor FROM heroin_equivalent_factor WHERE table_name = '${FACTOR_TABLE}'`,
  ];
}

function groupBy(rows, key) {
  const out = new Map();
  for (const r of rows) {
    const k = r[key];
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

// The same definitions as the service's timeline (src/persons/timeline.ts and the departments' *.timeline.ts) and status.
function assemblePersons(results, tree, asOf) {
  const [persons, involvements, seizures, suspects, detections, risks, programmes, checks, assistances, factorRows] = results;
  const factors = new Map(factorRows.map((f) => [f.substance, Number(f.factor)]));
  const seizuresByCase = groupBy(seizures, 'case_id');
  const suspectsByCase = groupBy(suspects, 'case_id');
  const checksByProgramme = groupBy(checks, 'programme_id');
  const inv = groupBy(involvements, 'person_id');
  const det = groupBy(detections, 'person_id');
  const risk = groupBy(risks, 'person_id');
  const prog = groupBy(programmes, 'person_id');
  const assist = groupBy(assistances, 'person_id');
  const district = (code) => {
    const d = code ? tree.get(code) : undefined;
    return d ? { code: d.code, name: d.name } : null;
  };
  const heroinKg = (list) =>
    Math.round(list.filter((s) => s.kind === 'DRUG').reduce((sum, s) => sum + (num(s.quantity_grams) ?? 0) * (factors.get(s.substance) ?? 0), 0)) / 1000;

  return persons.map((p) => {
    const pInv = inv.get(p.id) ?? [];
    const pDet = det.get(p.id) ?? [];
    const pRisk = risk.get(p.id) ?? [];
    const pProg = prog.get(p.id) ?? [];
    const pAssist = assist.get(p.id) ?? [];
    const pChecks = pProg.map((rp) => checksByProgramme.get(rp.id) ?? []);

    const drugCases = pInv.map((s) => ({
      sourceKey: s.source_key,
      role: s.role,
      arrestedAt: s.arrested_at,
      arrestProvinceCode: s.arrest_province_code,
      isFugitive: bool(s.is_fugitive),
      case: {
        id: String(s.case_id),
        caseNumber: s.case_number,
        caseType: s.case_type,
        filedAt: s.filed_at,
        solvedAt: s.solved_at,
        isTargetCase: bool(s.is_target_case),
        manufacturingSitesDestroyed: s.manufacturing_sites_destroyed,
        heroinEquivalentKg: heroinKg(seizuresByCase.get(s.case_id) ?? []),
        seizures: (seizuresByCase.get(s.case_id) ?? []).map((z) => ({
          kind: z.kind,
          substance: z.substance,
          seizedAt: z.seized_at,
          quantityGrams: num(z.quantity_grams),
          quantityKg: num(z.quantity_kg),
        })),
        suspects: (suspectsByCase.get(s.case_id) ?? []).map((x) => ({
          role: x.role,
          person: x.person_id === null ? null : { id: String(x.person_id), name: x.person_name },
        })),
      },
    }));

    const events = [
      ...pDet.map((d) => ['PUBLIC_SECURITY', 'DRUG_USE_DETECTION', d.detected_at, `查处吸毒 Drug use detected: ${d.substance} (${d.method}), ${d.disposition}`, 'DrugUseDetection', d.id]),
      ...pInv.map((s) => [
        'PUBLIC_SECURITY',
        'CASE_INVOLVEMENT',
        s.arrested_at ?? s.filed_at ?? '',
        `涉案 ${s.role} in case ${s.case_number ?? '?'} (${s.case_type ?? '?'})${s.arrested_at ? ', arrested' : ''}`,
        'CaseSuspect',
        s.id,
      ]),
      ...pRisk.map((r) => ['PUBLIC_SECURITY', 'RISK_ASSESSMENT', r.assessed_at, `风险评估 Risk ${r.risk_colour}, control ${r.control_colour}`, 'RiskAssessment', r.id]),
      ...pProg.map((rp) => [
        'JUSTICE',
        'REHAB_PROGRAMME',
        rp.ordered_at,
        `戒毒康复 ${rp.kind} ordered${rp.reported_at ? `, reported ${rp.reported_at}` : ', not reported'}${rp.outcome ? `, ${rp.outcome}` : ''}`,
        'RehabProgramme',
        rp.id,
      ]),
      ...pChecks.flat().map((c) => ['JUSTICE', 'FOLLOW_UP_CHECK', c.checked_at, `帮扶/检测 ${c.kind}: ${c.result}`, 'FollowUpCheck', c.id]),
      ...pAssist.map((a) => ['EMPLOYMENT', 'EMPLOYMENT_ASSISTANCE', a.started_at, `就业帮扶 ${a.kind}${a.outcome ? `: ${a.outcome}` : ''}`, 'EmploymentAssistance', a.id]),
    ].sort((a, b) => (a[2] === b[2] ? b[5] - a[5] : a[2] < b[2] ? 1 : -1));

    const status = computeStatus(asOf, p.deceased_at, {
      detectionDays: pDet.map((d) => d.detected_at),
      positiveTestDays: pChecks.flat().filter((c) => c.result === 'POSITIVE').map((c) => c.checked_at),
      programmes: pProg.map((rp) => ({ start: rp.ordered_at, end: rp.ended_at, community: rp.kind === 'COMMUNITY_DETOX' || rp.kind === 'COMMUNITY_REHAB' })),
      assistances: pAssist.map((a) => ({ start: a.started_at, end: a.ended_at, employed: a.outcome === 'EMPLOYED' || a.outcome === 'SELF_EMPLOYED' })),
    });

    return {
      id: String(p.id),
      idNumber: p.id_number,
      name: p.name,
      gender: p.gender,
      birthDate: p.birth_date,
      residenceDistrictCode: p.residence_district_code,
      householdDistrictCode: p.household_district_code,
      deceasedAt: p.deceased_at,
      residenceDistrict: district(p.residence_district_code),
      householdDistrict: district(p.household_district_code),
      drugCases,
      drugUseDetections: pDet.map((d) => ({ detectedAt: d.detected_at, substance: d.substance, method: d.method, disposition: d.disposition, districtCode: d.district_code })),
      riskAssessments: pRisk.map((r) => ({ assessedAt: r.assessed_at, riskColour: r.risk_colour, controlColour: r.control_colour })),
      latestRisk: pRisk.length ? { riskColour: pRisk[0].risk_colour, assessedAt: pRisk[0].assessed_at } : null,
      rehabProgrammes: pProg.map((rp, i) => ({
        kind: rp.kind,
        orderedAt: rp.ordered_at,
        reportedAt: rp.reported_at,
        plannedEndAt: rp.planned_end_at,
        endedAt: rp.ended_at,
        outcome: rp.outcome,
        districtCode: rp.district_code,
        followUpChecks: pChecks[i].map((c) => ({ checkedAt: c.checked_at, kind: c.kind, result: c.result })),
        caseworker: rp.caseworker_id === null ? null : { name: rp.caseworker_name, districtCode: rp.caseworker_district_code },
        centre: rp.centre_id === null ? null : { name: rp.centre_name },
      })),
      employmentAssistances: pAssist.map((a) => ({
        kind: a.kind,
        startedAt: a.started_at,
        endedAt: a.ended_at,
        provider: a.provider,
        subsidyAmountCny: num(a.subsidy_amount_cny),
        outcome: a.outcome,
      })),
      timeline: events.map(([department, kind, date, summary, typename]) => ({ department, kind, date, summary, record: { __typename: typename } })),
      status: {
        registeredUser: status.registeredUser,
        abstinentThreeYears: status.abstinentThreeYears,
        lastEvidenceOfUseAt: status.lastEvidenceOfUseAt,
        inOpenProgramme: status.inOpenProgramme,
        inOpenCommunityProgramme: status.inOpenCommunityProgramme,
        employed: status.employed,
      },
    };
  });
}

const cursor = (id) => Buffer.from(`c:${id}`).toString('base64url');

async function profile(params, tree, stats) {
  const id = Number(params.get('id'));
  if (!Number.isSafeInteger(id)) throw Object.assign(new Error('id'), { status: 400 });
  const statements = personStatements(`(SELECT ${id} AS id)`);
  stats.statements += statements.length;
  stats.roundtrips += 1;
  const results = await q(statements.join(';\n'));
  const [person] = assemblePersons(results, tree, params.get('asOf') || '2023-12-31');
  return { data: { person: person ?? null } };
}

async function page(params, tree, stats) {
  const first = Number(params.get('first') || 20);
  const code = params.get('district');
  const codes = tree.descendantCodes(code);
  if (!codes.length || !Number.isInteger(first) || first < 1 || first > 500) throw Object.assign(new Error('bad input'), { status: 400 });
  const inList = codes.map((c) => pool.escape(c)).join(',');
  // the page (first + 1 rows, for hasNextPage) as a derived table every statement joins
  const ids = `(SELECT pg.id FROM person pg WHERE pg.residence_district_code IN (${inList}) ORDER BY pg.id LIMIT ${first + 1})`;
  const statements = [`SELECT COUNT(*) AS n FROM person WHERE residence_district_code IN (${inList})`, ...personStatements(ids)];
  stats.statements += statements.length;
  stats.roundtrips += 1;
  const [countRows, ...results] = await q(statements.join(';\n'));
  const all = assemblePersons(results, tree, params.get('asOf') || '2023-12-31');
  const nodes = all.slice(0, first);
  return {
    data: {
      persons: {
        totalCount: Number(countRows[0].n),
        pageInfo: { hasNextPage: all.length > first, endCursor: nodes.length ? cursor(nodes[nodes.length - 1].id) : null },
        edges: nodes.map((node) => ({ cursor: cursor(node.id), node })),
      },
    },
  };
}

// The grouped indicator SQL of the service, on mysql2 directly: its statements run side by side on
// the pool (one round trip of latency), sums rolled up the tree and rates derived by the same code.
function countingDs(stats) {
  return {
    query: (text, params) => {
      stats.statements += 1;
      stats.roundtrips += 1;
      return q(text, params);
    },
  };
}

async function indicators(params, tree, stats) {
  const period = { from: params.get('from'), to: params.get('to') };
  const all = await computeIndicators(countingDs(stats), tree, period, FACTOR_TABLE);
  const level = params.get('level');
  const districts = tree.all().filter((d) => !level || d.level === level);
  return { data: { districts: districts.map((d) => ({ code: d.code, name: d.name, indicators: { ...all.get(d.code) } })) } };
}

const cell = (c) => ({
  indicator: c.indicator,
  value: c.value,
  suppressed: c.suppressed,
  compareValue: c.compareValue,
  compareSuppressed: c.compareSuppressed,
  change: c.change,
  relativeChange: c.relativeChange,
  rank: c.rank,
});
const row = (r) => ({ district: { code: r.district.code, name: r.district.name }, isTotal: r.isTotal, values: r.values.map(cell) });

async function report(params, tree, stats) {
  const ctx = {
    viewer: { sub: 'bench', name: 'bench', role: 'ADMIN', district: '640000', purpose: null },
    ds: countingDs(stats),
    tree,
    scope: new Map(),
  };
  const input = {
    period: { from: params.get('from'), to: params.get('to') },
    compareTo: params.get('compareFrom') ? { from: params.get('compareFrom'), to: params.get('compareTo') } : null,
    level: params.get('level') || 'COUNTY',
    parentCode: params.get('parent') || '640000',
  };
  const { report: r } = await buildJointReport(ctx, input);
  const m = r.metadata;
  return {
    data: {
      jointReport: {
        level: r.level,
        parent: { code: r.parent.code, name: r.parent.name },
        period: { ...r.period },
        comparePeriod: r.comparePeriod && { ...r.comparePeriod },
        rows: r.rows.map(row),
        total: row(r.total),
        metadata: {
          generatedAt: m.generatedAt,
          heroinEquivalentTable: m.heroinEquivalentTable,
          suppression: { applied: m.suppression.applied, threshold: m.suppression.threshold, suppressedCells: m.suppression.suppressedCells },
          notes: m.notes,
          indicators: m.indicators.map((i) => ({
            indicator: i.indicator,
            field: i.field,
            riskColour: i.riskColour,
            nameZh: i.nameZh,
            nameEn: i.nameEn,
            definitionZh: i.definitionZh,
            definitionEn: i.definitionEn,
            unitZh: i.unitZh,
            unitEn: i.unitEn,
            kind: i.kind,
            suppressible: i.suppressible,
          })),
        },
      },
    },
  };
}

const ROUTES = { '/profile': profile, '/persons': page, '/indicators': indicators, '/report': report };

async function main() {
  const rows = await q('SELECT code, name, name_pinyin, level, parent_code, population FROM district');
  const tree = new DistrictTree(rows.map((d) => ({ code: d.code, name: d.name, namePinyin: d.name_pinyin, level: d.level, parentCode: d.parent_code, population: d.population })));
  let inFlight = 0;
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname === '/inflight') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ inFlight }));
      return;
    }
    const handler = ROUTES[url.pathname];
    if (!handler) {
      res.writeHead(404).end();
      return;
    }
    inFlight++;
    const started = process.hrtime.bigint();
    const stats = { statements: 0, roundtrips: 0 };
    try {
      const body = JSON.stringify(await handler(url.searchParams, tree, stats));
      res.writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'x-sql-statements': String(stats.statements),
        'x-sql-roundtrips': String(stats.roundtrips),
        'x-server-ms': (Number(process.hrtime.bigint() - started) / 1e6).toFixed(2),
      });
      res.end(body);
    } catch (err) {
      res.writeHead(err.status || 500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ message: err.status ? err.message : 'internal error' }] }));
      if (!err.status) process.stderr.write(`raw-server: ${err.stack}\n`);
    } finally {
      inFlight--;
    }
  });
  server.keepAliveTimeout = 60_000;
  server.listen(PORT, '127.0.0.1', () => process.stdout.write(`raw lower bound listening on ${PORT}\n`));
  process.on('SIGTERM', () => server.close(() => pool.end(() => process.exit(0))));
}

main().catch((err) => {
  process.stderr.write(`raw-server failed: ${err.stack}\n`);
  process.exit(1);
});
