import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { accessTableMarkdown } from '../src/common/auth/access-rules';

describe('README', () => {
  const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');

  it('shows the access rule table exactly as the code has it', () => {
    const section = /<!-- access-table:start -->\n([\s\S]*?)\n<!-- access-table:end -->/.exec(readme)?.[1];
    expect(section).toBe(accessTableMarkdown());
  });

  it('gives the two commands', () => {
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm install && npm test');
  });
});
