#!/usr/bin/env node
// Rewrites the table of the joint report's columns in docs/DOMAIN.md from the catalogue
// (src/reports/report-columns.ts, with every department registered), after a definition changes;
// test/readme.test.ts fails while the two differ. Run as `npm run docs:indicators`.
'use strict';
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
require('../dist/src/departments.js');
const { columnTableMarkdown } = require('../dist/src/reports/report-columns.js');

const file = join(__dirname, '..', 'docs', 'DOMAIN.md');
const text = readFileSync(file, 'utf8');
const marked = /(<!-- indicator-table:start -->\n)[\s\S]*?(\n<!-- indicator-table:end -->)/;
if (!marked.test(text)) {
  process.stderr.write('docs/DOMAIN.md: the indicator-table markers are missing\n');
  process.exit(1);
}
writeFileSync(file, text.replace(marked, (_, start, end) => `${start}${columnTableMarkdown()}${end}`));
