#!/usr/bin/env node
// The naive baseline of the benchmark (issue 7): the same GraphQL schema (schema/schema.graphql), the
// same entities, TypeORM and Apollo Server 5 on express 5, but without DataLoader: every field resolver
// queries for its own parent, as most projects ship it. No auth, no access middleware, no audit.
// District.indicators runs the service's grouped indicator SQL once per district; jointReport rows
// resolve their figures per row. Only the fields the benchmark's operations select are resolved.
//
//   DATABASE_URL=mysql://root@127.0.0.1:3306/jindu_bench_100k PORT=4801 node test/bench/naive-server.js
//
// Every answer carries x-sql-statements (statements this request ran, counted by the TypeORM logger
// of the DataSource, as in the service).
'use strict';
require('../../node_modules/reflect-metadata');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { ApolloServer } = require('@apollo/server');
const { expressMiddleware } = require('@as-integrations/express5');
const express = require('express');
const { buildSchema } = require('graphql');
const { ROOT, service } = require('./lib/common');

const { createDataSource } = service('ormconfig.js');
const { parseDatabaseUrl } = service('src/config.js');
const { probeTarget } = service('src/database.js');
const { StatementCount, trackStatements } = service('src/common/sql-counter.js');
const E = service('src/entities.js');
const byName = Object.fromEntries(E.entities.map((e) => [e.name, e]));
const { DistrictTree } = service('src/core/district-tree.js');
const { computeIndicators } = service('src/indicators/indicators.service.js');
const { buildJointReport } = service('src/reports/joint-report.service.js');
// the service limits how many indicator computations run at once (src/indicators); the
// baselines keep the unlimited behaviour (a build from before that limit has no such function)
service('src/indicators/indicators.service.js').configureIndicatorComputations?.({ atOnce: Infinity, maxWaiting: Infinity });
service('src/departments.js'); // registers the departments, as the service's composition root does
const { computeStatus, personFacts, today } = service('src/persons/user-status.js');
const { buildTimeline } = service('src/persons/timeline.js');
const { findPersons } = service('src/persons/person.query.js');
const { heroinEquivalentKg } = service('src/public-security/public-security.resolver.js');
const { validatePeriod } = service('src/common/period.js');

const PORT = Number(process.env.PORT || 4801);
const POOL_SIZE = Number(process.env.DB_POOL_SIZE || 10);
const FACTOR_TABLE = 'SPC-2016';

// "Loaders" that are not: each load() runs its own statement for its one key, no batching, no cache.
function perParent(ds) {
  const repo = (name) => ds.getRepository(byName[name]);
  const one = (fetch) => ({ load: (k) => fetch(k), loadMany: (ks) => Promise.all(ks.map(fetch)) });
  return {
    personById: one((id) => repo('Person').findOneBy({ id })),
    detectionsByPerson: one((personId) => repo('DrugUseDetection').find({ where: { personId }, order: { detectedAt: 'DESC', id: 'DESC' } })),
    riskAssessmentsByPerson: one((personId) => repo('RiskAssessment').find({ where: { personId }, order: { assessedAt: 'DESC', id: 'DESC' } })),
    involvementsByPerson: one((personId) => repo('CaseSuspect').find({ where: { personId }, order: { id: 'DESC' } })),
    suspectsByCase: one((caseId) => repo('CaseSuspect').find({ where: { caseId }, order: { id: 'ASC' } })),
    caseById: one((id) => repo('DrugCase').findOneBy({ id })),
    seizuresByCase: one((caseId) => repo('Seizure').find({ where: { caseId }, order: { seizedAt: 'ASC', id: 'ASC' } })),
    heroinFactors: one(async (tableName) => new Map((await repo('HeroinEquivalentFactor').findBy({ tableName })).map((r) => [r.substance, r.factor]))),
    programmesByPerson: one((personId) => repo('RehabProgramme').find({ where: { personId }, order: { orderedAt: 'DESC', id: 'DESC' } })),
    checksByProgramme: one((programmeId) => repo('FollowUpCheck').find({ where: { programmeId }, order: { checkedAt: 'DESC', id: 'DESC' } })),
    caseworkerById: one((id) => repo('Caseworker').findOneBy({ id })),
    centreById: one((id) => repo('RehabCentre').findOneBy({ id })),
    assistancesByPerson: one((personId) => repo('EmploymentAssistance').find({ where: { personId }, order: { startedAt: 'DESC', id: 'DESC' } })),
  };
}

function resolvers(ds, tree) {
  const admin = { sub: 'bench', name: 'bench', role: 'ADMIN', district: '640000', purpose: 'bench' };
  return {
    Query: {
      person: (_, { id }, ctx) => ctx.l.personById.load(Number(id)),
      persons: (_, { filter, first, after }) => findPersons(ds, tree, null, filter ?? {}, first, after),
      districts: (_, { level, parentCode }) => {
        const scope = parentCode ? new Set(tree.descendantCodes(parentCode)) : undefined;
        return tree.all().filter((d) => (!level || d.level === level) && (!scope || (scope.has(d.code) && d.code !== parentCode)));
      },
      // rows and total carry only their district; JointReportRow.values computes each row's figures
      jointReport: async (_, { input }) => {
        const skeleton = (await buildJointReport({ viewer: admin, ds: { query: () => Promise.resolve([]) }, tree, scope: new Map() }, input)).report;
        const rowOf = (r, i) => ({ district: r.district, isTotal: r.isTotal, index: i, input });
        return { ...skeleton, rows: skeleton.rows.map(rowOf), total: rowOf(skeleton.total, -1) };
      },
    },
    Person: {
      residenceDistrict: (p) => tree.get(p.residenceDistrictCode) ?? null,
      householdDistrict: (p) => (p.householdDistrictCode ? (tree.get(p.householdDistrictCode) ?? null) : null),
      drugCases: (p, _, ctx) => ctx.l.involvementsByPerson.load(p.id),
      drugUseDetections: (p, _, ctx) => ctx.l.detectionsByPerson.load(p.id),
      riskAssessments: (p, _, ctx) => ctx.l.riskAssessmentsByPerson.load(p.id),
      latestRisk: async (p) => (await ds.getRepository(byName.RiskAssessment).findOne({ where: { personId: p.id }, order: { assessedAt: 'DESC', id: 'DESC' } })) ?? null,
      rehabProgrammes: (p, _, ctx) => ctx.l.programmesByPerson.load(p.id),
      employmentAssistances: (p, _, ctx) => ctx.l.assistancesByPerson.load(p.id),
      timeline: (p, _, ctx) => buildTimeline(p.id, { viewer: admin, ds, tree, scope: ctx.scope }),
      status: async (p, { asOf }, ctx) => computeStatus(asOf ?? today(), p.deceasedAt, await personFacts(p.id, { viewer: admin, ds, tree, scope: ctx.scope })),
    },
    CaseSuspect: {
      case: (s, _, ctx) => ctx.l.caseById.load(s.caseId),
      person: (s, _, ctx) => ctx.l.personById.load(s.personId),
    },
    DrugCase: {
      seizures: (c, _, ctx) => ctx.l.seizuresByCase.load(c.id),
      suspects: (c, _, ctx) => ctx.l.suspectsByCase.load(c.id),
      heroinEquivalentKg: async (c, _, ctx) => {
        const [seizures, factors] = await Promise.all([ctx.l.seizuresByCase.load(c.id), ctx.l.heroinFactors.load(FACTOR_TABLE)]);
        return heroinEquivalentKg(seizures, factors);
      },
    },
    RehabProgramme: {
      followUpChecks: (rp, _, ctx) => ctx.l.checksByProgramme.load(rp.id),
      caseworker: (rp, _, ctx) => (rp.caseworkerId === null ? null : ctx.l.caseworkerById.load(rp.caseworkerId)),
      centre: (rp, _, ctx) => (rp.centreId === null ? null : ctx.l.centreById.load(rp.centreId)),
    },
    District: {
      parent: (d) => tree.parent(d.code) ?? null,
      children: (d) => tree.children(d.code),
      // the grouped statements once per district: what the field costs without a per-request loader
      indicators: async (d, { period }) => (await computeIndicators(ds, tree, validatePeriod(period), FACTOR_TABLE)).get(d.code),
    },
    JointReportRow: {
      // each row computes its own figures (both periods), so the report costs one computation per row
      values: async (row) => {
        const { report } = await buildJointReport({ viewer: admin, ds, tree, scope: new Map() }, row.input);
        return (row.index < 0 ? report.total : report.rows[row.index]).values;
      },
    },
  };
}

// Attaches resolver functions to the schema built from the SDL.
function attach(schema, map) {
  for (const [typeName, fields] of Object.entries(map)) {
    const type = schema.getType(typeName);
    for (const [fieldName, resolve] of Object.entries(fields)) type.getFields()[fieldName].resolve = resolve;
  }
  schema.getType('TimelineRecord').resolveType = (value) => value.constructor.name;
  return schema;
}

async function main() {
  const target = await probeTarget(parseDatabaseUrl(process.env.DATABASE_URL));
  const ds = createDataSource(target, undefined, { size: POOL_SIZE, queueLimit: 0 });
  await ds.initialize();
  const tree = await DistrictTree.load(ds);
  const schema = attach(buildSchema(readFileSync(join(ROOT, 'schema', 'schema.graphql'), 'utf8')), resolvers(ds, tree));
  const apollo = new ApolloServer({
    schema,
    introspection: false,
    plugins: [
      {
        async requestDidStart() {
          return {
            async willSendResponse({ contextValue, response }) {
              response.http.headers.set('x-sql-statements', String(contextValue.statements.statements));
            },
          };
        },
      },
    ],
  });
  await apollo.start();
  let inFlight = 0;
  const app = express();
  app.get('/inflight', (_req, res) => res.json({ inFlight }));
  app.use((req, res, next) => {
    inFlight++;
    res.on('close', () => inFlight--);
    res.locals.statements = new StatementCount();
    trackStatements(res.locals.statements, next);
  });
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, { context: async ({ res }) => ({ statements: res.locals.statements, l: perParent(ds), scope: new Map() }) }),
  );
  const server = app.listen(PORT, '127.0.0.1', () => process.stdout.write(`naive baseline listening on ${PORT}\n`));
  server.keepAliveTimeout = 60_000;
  process.on('SIGTERM', () => server.close(() => ds.destroy().then(() => process.exit(0))));
}

main().catch((err) => {
  process.stderr.write(`naive-server failed: ${err.stack}\n`);
  process.exit(1);
});
