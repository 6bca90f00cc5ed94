'use strict';
// --load-rounds N: each implementation's load run split into N slices, the implementations taking
// turns slice by slice, so that whatever else the machine does meanwhile slows them all alike (as the
// interleaved sequential rounds do). The slices of one implementation merged into one result:
// requests, errors and CPU summed; latency p50 the median of the slices' p50s, p90/p99/max the worst
// slice's (conservative; autocannon's histograms are not kept); peak RSS the highest.

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : null;
};
const round1 = (v) => Math.round(v * 10) / 10;
const round2 = (v) => (v === null ? null : Math.round(v * 100) / 100);

function mergeSlices(slices) {
  if (slices.length === 1) return slices[0];
  const total = slices.reduce((s, l) => s + l.requests, 0);
  const seconds = slices.reduce((s, l) => s + l.durationS, 0);
  const ok = slices.reduce((s, l) => s + l.okRequestsPerSecond * l.durationS, 0);
  // CPU ms per request, weighted by each slice's requests
  const cpu = (k) => {
    const known = slices.filter((l) => l.cpuMsPerRequest[k] !== null && l.requests);
    const n = known.reduce((s, l) => s + l.requests, 0);
    return n ? round2(known.reduce((s, l) => s + l.cpuMsPerRequest[k] * l.requests, 0) / n) : null;
  };
  const sum = (f) => slices.reduce((s, l) => s + f(l), 0);
  const max = (f) => Math.max(...slices.map(f));
  const peaks = slices.map((l) => l.peakRssMb).filter((v) => v !== null);
  return {
    connections: slices[0].connections,
    durationS: seconds,
    rounds: slices.length,
    requests: total,
    requestsPerSecond: round1(total / seconds),
    okRequestsPerSecond: round1(ok / seconds),
    latencyMs: { p50: median(slices.map((l) => l.latencyMs.p50)), p90: max((l) => l.latencyMs.p90), p99: max((l) => l.latencyMs.p99), max: max((l) => l.latencyMs.max) },
    errors: {
      total: sum((l) => l.errors.total),
      socket: sum((l) => l.errors.socket),
      timeouts: sum((l) => l.errors.timeouts),
      non2xx: sum((l) => l.errors.non2xx),
      graphql: sum((l) => l.errors.graphql),
    },
    firstError: slices.find((l) => l.firstError)?.firstError ?? null,
    cpuMsPerRequest: { server: cpu('server'), database: cpu('database'), loadGenerator: cpu('loadGenerator') },
    machine: {
      loadAvgBefore: slices[0].machine.loadAvgBefore,
      busyPct: Math.round(sum((l) => l.machine.busyPct) / slices.length),
      otherProcessesPct: Math.round(sum((l) => l.machine.otherProcessesPct) / slices.length),
    },
    peakRssMb: peaks.length ? Math.max(...peaks) : null,
    rssMb: slices[slices.length - 1].rssMb,
    drainSeconds: slices.some((l) => l.drainSeconds === null) ? null : sum((l) => l.drainSeconds),
    slices: slices.map((l) => ({ okRequestsPerSecond: l.okRequestsPerSecond, p50: l.latencyMs.p50, p99: l.latencyMs.p99, otherProcessesPct: l.machine.otherProcessesPct })),
  };
}

module.exports = { mergeSlices };
