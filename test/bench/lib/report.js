'use strict';
// Tables of a benchmark run: on stdout, and the generated part of BENCHMARKS.md (between the markers
// <!-- bench:start --> and <!-- bench:end -->; everything else in that file is written by hand).
const { existsSync, readdirSync, readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const IMPL_ORDER = ['ours', 'before', 'naive', 'raw', 'postgraphile'];
const fmt = (v, digits = 1) => (v === null || v === undefined || Number.isNaN(v) ? '–' : Number(v) >= 100 ? String(Math.round(v)) : Number(v).toFixed(digits));
const ratio = (a, b) => (a && b ? a / b : null);


// The audit bench verifies the whole chain, or (when it holds an earlier key's events) the events
// it appended itself: { wholeChain, appendedByThisRun }.
function chainVerdict(v) {
  const one = (r) => (r.ok ? `ok (${r.checked} events)` : JSON.stringify(r.firstBroken ?? r));
  if (v.appendedByThisRun) return `the events this run appended ${one(v.appendedByThisRun)} (the chain holds an earlier key's events: ${v.wholeChain.ok ? 'whole chain ok' : 'whole chain not verifiable with one key'})`;
  return one(v);
}

function stmts(seq) {
  const s = seq.statements;
  if (!s) return '–';
  return s.min === s.max ? String(s.min) : `${s.min}–${s.max} (mean ${fmt(s.mean)})`;
}

function loadCell(entry, c, field) {
  const l = entry.load?.find((x) => x.connections === c);
  if (!l) return entry.loadSkipped ? 'skipped' : '–';
  if (field === 'rps') return fmt(l.okRequestsPerSecond ?? l.requestsPerSecond);
  if (field === 'p99') return fmt(l.latencyMs.p99, 0);
  if (field === 'err') return String(l.errors.total);
  if (field === 'rss') return l.peakRssMb === null ? '–' : String(l.peakRssMb);
  return '–';
}

// Rows of the main table: one per workload and implementation.
function tableRows(results) {
  const conns = results.connections;
  const header = [
    'workload',
    'impl',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'server p50 ms',
    'SQL stmts/op',
    'errors (seq)',
    'KB/answer',
    ...conns.flatMap((c) => [`ok req/s @${c}`, `p99 ms @${c}`, `errors @${c}`]),
    `peak RSS MB @${conns[conns.length - 1]}`,
  ];
  const rows = [];
  for (const [key, w] of Object.entries(results.workloads)) {
    for (const impl of IMPL_ORDER) {
      const e = w.impls[impl];
      if (!e) continue;
      if (e.skipped) {
        rows.push([w.title ?? key, impl, 'skipped', ...Array(6 + conns.length * 3 + 1).fill('')]);
        continue;
      }
      const s = e.sequential;
      rows.push([
        w.title ?? key,
        impl,
        fmt(s.latencyMs.p50),
        fmt(s.latencyMs.p95),
        fmt(s.latencyMs.p99),
        s.serverMs ? fmt(s.serverMs.p50) : '–',
        stmts(s),
        s.errors ? `${s.errors}/${s.latencyMs.n}` : '0',
        fmt(s.responseBytes / 1024),
        ...conns.flatMap((c) => [loadCell(e, c, 'rps'), loadCell(e, c, 'p99'), loadCell(e, c, 'err')]),
        loadCell(e, conns[conns.length - 1], 'rss'),
      ]);
    }
  }
  return { header, rows };
}

function ratioRows(results) {
  const last = results.connections[results.connections.length - 1];
  const before = Object.values(results.workloads).some((w) => w.impls.before);
  const pg = Object.values(results.workloads).some((w) => w.impls.postgraphile);
  const conns = results.connections;
  const header = [
    'workload', 'ours/raw p50', 'naive/ours p50', `raw/ours ok req/s @${last}`, `ours/naive ok req/s @${last}`,
    ...(before ? ['before/ours p50', `ours/before ok req/s @${last}`] : []),
    ...(pg ? ['ours/PostGraphile p50', ...conns.map((c) => `ours/PostGraphile ok req/s @${c}`)] : []),
    `same data (naive, raw${pg ? ', PostGraphile' : ''})`,
  ];
  const rows = [];
  for (const [key, w] of Object.entries(results.workloads)) {
    const p50 = (impl) => w.impls[impl]?.sequential?.latencyMs.p50;
    const rps = (impl, c = last) => {
      const l = w.impls[impl]?.load?.find((x) => x.connections === c);
      return l ? (l.okRequestsPerSecond ?? l.requestsPerSecond) : undefined;
    };
    const same = results.sameData?.[key] ?? {};
    rows.push([
      w.title ?? key,
      fmt(ratio(p50('ours'), p50('raw')), 2),
      fmt(ratio(p50('naive'), p50('ours')), 1),
      fmt(ratio(rps('raw'), rps('ours')), 2),
      fmt(ratio(rps('ours'), rps('naive')), 1),
      ...(before ? [fmt(ratio(p50('before'), p50('ours')), 2), fmt(ratio(rps('ours'), rps('before')), 2)] : []),
      ...(pg ? [fmt(ratio(p50('ours'), p50('postgraphile')), 2), ...conns.map((c) => fmt(ratio(rps('ours', c), rps('postgraphile', c)), 2))] : []),
      same.reference ? 'not compared (ours: no data)' : `${same.naive ?? '–'}, ${same.raw ?? '–'}${pg ? `, ${same.postgraphile ?? '–'}` : ''}`,
    ]);
  }
  return { header, rows };
}

function markdownTable({ header, rows }) {
  return [`| ${header.join(' | ')} |`, `|${header.map((h, i) => (i < 2 ? '---' : '--:')).join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function textTable({ header, rows }) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (i < 2 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function auditLines(results) {
  const a = results.audit;
  if (!a) return [];
  const profileP50 = results.workloads.profile?.impls.ours?.sequential?.serverMs?.p50 ?? results.workloads.profile?.impls.ours?.sequential?.latencyMs.p50;
  const share = profileP50 ? (a.sequentialMs.p50 / profileP50) * 100 : null;
  return [
    `audit append (issue 4), appendAuditEvent in isolation: p50 ${fmt(a.sequentialMs.p50, 2)} ms, p95 ${fmt(a.sequentialMs.p95, 2)} ms, p99 ${fmt(a.sequentialMs.p99, 2)} ms; ${a.statementsPerAppend} statements per append` +
      (share === null ? '' : `; ${fmt(share, 0)}% of the profile's server p50 (${fmt(profileP50)} ms)`),
    `audit append with ${a.concurrent.concurrency} appending at once: ${a.concurrent.appendsPerSecond} appends/s (group-committed), latency p50 ${fmt(a.concurrent.latencyMs.p50)} ms, p99 ${fmt(a.concurrent.latencyMs.p99)} ms` +
      (a.chainVerified ? `; chain verified afterwards: ${chainVerdict(a.chainVerified)}` : ''),
  ];
}

function printTables(results) {
  const out = [
    '',
    `${results.persons} persons (${results.database.database}, ~${results.database.approxRows} rows, ${results.database.sizeMb} MB), ${results.machine.cpus} cores, ${results.machine.memoryGb} GB, ${results.command}`,
    '',
    textTable(tableRows(results)),
    '',
    textTable(ratioRows(results)),
    '',
    ...(cpuRows(results).rows.length ? [textTable(cpuRows(results)), ''] : []),
    ...auditLines(results),
    ...(results.notes.length ? ['', ...results.notes] : []),
    '',
  ];
  process.stdout.write(out.join('\n'));
}

// The latest result file of each scale in `dir`.
function latestByScale(dir) {
  const byScale = new Map();
  for (const f of readdirSync(dir).filter((n) => /^bench-.*\.json$/.test(n)).sort()) {
    const r = JSON.parse(readFileSync(join(dir, f), 'utf8'));
    if (r.variant) continue; // a run of another build (BENCH_DIST), e.g. before a change
    // a partial run (some workloads or implementations only) does not replace a full one
    const full = Object.keys(r.workloads).length === 4 && Object.values(r.workloads).every((w) => Object.keys(w.impls).length >= 3) && r.connections.length >= 2 && r.durationS >= 20;
    r.file = f;
    r.full = full;
    const prev = byScale.get(r.persons);
    if (!prev || full || !prev.full) byScale.set(r.persons, r);
  }
  return [...byScale.values()].sort((a, b) => a.persons - b.persons);
}

// Under load (the last connection count): where each request's CPU goes, and how busy the rest of
// the machine was meanwhile (other users' processes make a run noisy).
function cpuRows(results) {
  const c = results.connections[results.connections.length - 1];
  const header = ['workload', 'impl', `ok req/s @${c}`, 'server CPU ms/req', 'database CPU ms/req (MariaDB; PostgreSQL for PostGraphile)', 'autocannon CPU ms/req', 'other processes % of machine'];
  const rows = [];
  for (const [key, w] of Object.entries(results.workloads)) {
    for (const impl of IMPL_ORDER) {
      const l = w.impls[impl]?.load?.find((x) => x.connections === c);
      if (!l || !l.cpuMsPerRequest) continue;
      rows.push([w.title ?? key, impl, fmt(l.okRequestsPerSecond ?? l.requestsPerSecond), fmt(l.cpuMsPerRequest.server, 2), fmt(l.cpuMsPerRequest.database, 2), fmt(l.cpuMsPerRequest.loadGenerator, 2), String(l.machine?.otherProcessesPct ?? '–')]);
    }
  }
  return { header, rows };
}

function growthTable(runs) {
  const header = ['workload', 'impl', ...runs.map((r) => `p50 ms @${r.persons.toLocaleString('en')}`), ...runs.slice(1).map((r, i) => `x (${runs[i].persons / 1000}k→${r.persons / 1000}k)`)];
  const rows = [];
  const keys = [...new Set(runs.flatMap((r) => Object.keys(r.workloads)))];
  for (const key of keys) {
    for (const impl of IMPL_ORDER) {
      const vals = runs.map((r) => r.workloads[key]?.impls[impl]?.sequential?.latencyMs.p50 ?? null);
      if (vals.every((v) => v === null)) continue;
      const title = runs.find((r) => r.workloads[key])?.workloads[key].title ?? key;
      rows.push([title, impl, ...vals.map((v) => fmt(v)), ...vals.slice(1).map((v, i) => fmt(ratio(v, vals[i]), 2))]);
    }
  }
  return { header, rows };
}

function writeMarkdown(dir, mdPath) {
  const runs = latestByScale(dir);
  if (!runs.length) return 'no results';
  const parts = ['<!-- bench:start -->', '<!-- generated by `npm run bench` from the latest bench-results/*.json of each scale; edit outside the markers -->', ''];
  for (const r of runs) {
    const m = r.machine;
    parts.push(
      `### ${r.persons.toLocaleString('en')} persons`,
      '',
      `\`${r.command}\` — ${r.startedAt.slice(0, 16).replace('T', ' ')} UTC, ${r.totalSeconds} s; ${m.cpus} × ${m.cpuModel}, ${m.memoryGb} GB, Node ${m.node}; ` +
        `${r.database.server.version}, InnoDB buffer pool ${r.database.server.innodbBufferPoolMb} MB; database ${r.database.database}: ~${r.database.approxRows.toLocaleString('en')} rows, ${r.database.sizeMb} MB` +
        (r.database.seedSeconds ? `, seeded in ${Math.round(r.database.seedSeconds)} s` : ', reused') +
        `; load: autocannon ${r.connections.join(' and ')} connections × ${r.durationS} s` +
        (r.postgres?.server ? `; PostGraphile on PostgreSQL ${r.postgres.server.version} (shared_buffers ${r.postgres.server.sharedBuffers}), copy ${r.postgres.pgDatabase} ${r.postgres.reused ? 'reused' : `made in ${Math.round(r.postgres.seconds)} s`}` : '') +
        (r.postgres?.skipped ? `; PostGraphile skipped: ${r.postgres.skipped}` : '') +
        `. Raw file: \`bench-results/${r.file}\`.`,
      '',
      markdownTable(tableRows(r)),
      '',
      markdownTable(ratioRows(r)),
      '',
      ...(cpuRows(r).rows.length ? [markdownTable(cpuRows(r)), ''] : []),
      ...auditLines(r).map((l) => `- ${l}`),
      ...r.notes.map((n) => `- ${n}`),
      ...Object.entries(r.workloads).flatMap(([k, w]) => Object.entries(w.impls).filter(([, e]) => e.loadSkipped).map(([impl, e]) => `- ${k} / ${impl}: load not run (${e.loadSkipped})`)),
      '',
    );
  }
  if (runs.length > 1) parts.push('### Growth with the number of persons (sequential p50)', '', markdownTable(growthTable(runs)), '');
  parts.push('<!-- bench:end -->');
  const generated = parts.join('\n');
  let text = existsSync(mdPath) ? readFileSync(mdPath, 'utf8') : '# Benchmarks\n\n<!-- bench:start -->\n<!-- bench:end -->\n';
  if (!text.includes('<!-- bench:start -->')) text += '\n<!-- bench:start -->\n<!-- bench:end -->\n';
  text = text.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, generated);
  writeFileSync(mdPath, text);
  return `${runs.length} scale(s) written`;
}

module.exports = { printTables, writeMarkdown, tableRows, ratioRows, cpuRows, markdownTable, textTable };
