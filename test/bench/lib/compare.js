'use strict';
// Do the three implementations answer with the same data? Compares each answer's `data` with the
// service's (ours), ignoring key order and the report's generation time; names the first difference.

function firstDifference(a, b, path = '') {
  if (a === b) return null;
  if (typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a))) return null;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return `${path || '/'}: ${JSON.stringify(a)?.slice(0, 80)} vs ${JSON.stringify(b)?.slice(0, 80)}`;
  if (Array.isArray(a) !== Array.isArray(b)) return `${path}: array vs object`;
  if (Array.isArray(a)) {
    if (a.length !== b.length) return `${path}: ${a.length} vs ${b.length} items`;
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    if (k === 'generatedAt') continue;
    const d = firstDifference(a[k], b[k], `${path}.${k}`);
    if (d) return d;
  }
  return null;
}

function compareAnswers(w, answers) {
  const reference = answers.ours ?? Object.values(answers)[0];
  const out = {};
  if (!reference?.data?.[w.dataKey]) {
    for (const kind of Object.keys(answers)) if (answers[kind] !== reference) out[kind] = 'not compared: ours answered no data';
    out.reference = `ours: ${JSON.stringify(reference?.errors ?? reference).slice(0, 200)}`;
    return out;
  }
  for (const [kind, answer] of Object.entries(answers)) {
    if (answer === reference) continue;
    if (!answer?.data) {
      out[kind] = `no data: ${JSON.stringify(answer).slice(0, 200)}`;
      continue;
    }
    if (answer.errors) {
      out[kind] = `errors: ${JSON.stringify(answer.errors).slice(0, 200)}`;
      continue;
    }
    const d = firstDifference(reference?.data?.[w.dataKey], answer.data[w.dataKey], w.dataKey);
    out[kind] = d ? `differs at ${d}` : 'same';
  }
  if (reference?.errors) out.reference = `errors: ${JSON.stringify(reference.errors).slice(0, 200)}`;
  return out;
}

module.exports = { compareAnswers, firstDifference };
