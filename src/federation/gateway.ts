// Entry point of the gateway in front of the three department subgraphs (docs/FEDERATION.md):
// PORT, SUBGRAPH_URLS="public-security=http://...,justice=...,employment=..." (src/config.ts).
// `node dist/src/federation/gateway.js`
import 'reflect-metadata';
import { ConfigError, loadGatewayConfig } from '../config';
import { logger } from '../common/logger';
import { createGatewayServer } from './gateway-server';

async function main(): Promise<void> {
  const config = loadGatewayConfig();
  logger.level = config.logLevel;
  const service = await createGatewayServer({ urls: config.subgraphUrls, production: config.production });
  const server = service.app.listen(config.port, () => logger.info({ port: config.port }, `jindu-graph gateway listening on http://localhost:${config.port}/graphql`));
  server.on('error', (err) => fail(err));
  const stop = async () => {
    await service.stop();
    server.close(() => process.exit(0));
    server.closeIdleConnections();
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

function fail(err: unknown): never {
  const message = err instanceof ConfigError ? err.message : `gateway start-up failed: ${(err as Error)?.message ?? String(err)}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

main().catch(fail);
