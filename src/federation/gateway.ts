// Entry point of the gateway: PORT, SUBGRAPH_URLS="public-security=http://...,justice=...,employment=..."
// (README, Scaling out). `node dist/src/federation/gateway.js`
import 'reflect-metadata';
import { logger } from '../common/logger';
import { createGatewayServer } from './gateway-server';
import { isSubgraphName, SUBGRAPH_NAMES, SubgraphName } from './subgraph-split';

function parseUrls(raw: string | undefined): Record<SubgraphName, string> {
  const urls: Partial<Record<SubgraphName, string>> = {};
  for (const part of (raw ?? '').split(',').filter(Boolean)) {
    const [name, url] = part.split('=').map((s) => s.trim());
    if (!isSubgraphName(name) || !/^https?:\/\/\S+$/.test(url ?? '')) throw new Error(`SUBGRAPH_URLS: "${part}" is not NAME=http(s)://URL`);
    urls[name] = url;
  }
  const missing = SUBGRAPH_NAMES.filter((name) => !urls[name]);
  if (missing.length) throw new Error(`SUBGRAPH_URLS: missing ${missing.join(', ')}`);
  return urls as Record<SubgraphName, string>;
}

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('PORT: must be an integer 0..65535');
  const service = await createGatewayServer({ urls: parseUrls(process.env.SUBGRAPH_URLS), production: process.env.NODE_ENV === 'production' });
  const server = service.app.listen(port, () => logger.info({ port }, `jindu-graph gateway listening on http://localhost:${port}/graphql`));
  const stop = async () => {
    await service.stop();
    server.close(() => process.exit(0));
    server.closeIdleConnections();
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
