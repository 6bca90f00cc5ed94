// Entry point of one department subgraph: the service of src/index.ts with SUBGRAPH set
// (public-security, justice or employment; README, Scaling out). `node dist/src/federation/subgraph.js`
if (!process.env.SUBGRAPH) {
  process.stderr.write('SUBGRAPH: set public-security, justice or employment\n');
  process.exit(1);
}
require('../index');
