// Entry point of one department subgraph: the service of src/index.ts, with SUBGRAPH required
// (public-security, justice or employment; docs/FEDERATION.md). `node dist/src/federation/subgraph.js`
import { ConfigError, loadConfig } from '../config';

try {
  if (loadConfig().subgraph === null) {
    process.stderr.write('SUBGRAPH: set public-security, justice or employment\n');
    process.exit(1);
  }
} catch (err) {
  // any other configuration error is reported by src/index.ts, in its usual form
  if (!(err instanceof ConfigError)) throw err;
}
require('../index');
