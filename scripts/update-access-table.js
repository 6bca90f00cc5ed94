#!/usr/bin/env node
// Rewrites the access rule table in docs/ACCESS.md from ACCESS_RULES (src/policy/access-rules.ts),
// after a rule changes; test/readme.test.ts fails while the two differ. Run as `npm run docs:access`.
'use strict';
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { accessTableMarkdown } = require('../dist/src/policy/access-rules.js');

const file = join(__dirname, '..', 'docs', 'ACCESS.md');
const text = readFileSync(file, 'utf8');
const marked = /(<!-- access-table:start -->\n)[\s\S]*?(\n<!-- access-table:end -->)/;
if (!marked.test(text)) {
  process.stderr.write('docs/ACCESS.md: the access-table markers are missing\n');
  process.exit(1);
}
writeFileSync(file, text.replace(marked, (_, start, end) => `${start}${accessTableMarkdown()}${end}`));
