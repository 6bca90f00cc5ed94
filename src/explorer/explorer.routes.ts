import { DEVELOPMENT_EXPLORER_CLAIMS } from '../policy/development';
import type { Express, NextFunction, Request, Response } from 'express';
import { AuthConfig, DEV_JWT_SECRET, signDevToken } from '../policy/tokens';
import { PURPOSE_HEADER } from '../policy/purpose';
import { EXPLORER_ASSETS, INIT_SCRIPT } from './explorer.assets';

export interface ExplorerOptions {
  // development with the development secret: the page comes with a working token and a purpose
  prefill: boolean;
  auth: AuthConfig;
}

const DEFAULT_QUERY = `# A first query: who you are, and the cities of the province with their population.
# The Headers tab holds the token (Authorization) and the purpose of your reads (X-Access-Purpose).
{
  me { role district }
  districts(level: CITY) { code name population }
}
`;

const escapeJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

async function page(options: ExplorerOptions): Promise<string> {
  const headers = options.prefill
    ? {
        Authorization: `Bearer ${await signDevToken(DEVELOPMENT_EXPLORER_CLAIMS, options.auth)}`,
        [PURPOSE_HEADER]: 'development: exploring the schema',
      }
    : { Authorization: 'Bearer <your token>', [PURPOSE_HEADER]: '<case reference or reason>' };
  const config = { endpoint: '/graphql', defaultQuery: DEFAULT_QUERY, headers };
  const css = (name: string) => `<link rel="stylesheet" href="/explorer/${name}">`;
  const js = (name: string) => `<script src="/explorer/${name}"></script>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>jindu-graph explorer</title>
${css('graphiql.css')}
${css('explorer-plugin.css')}
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql">Loading the explorer…</div>
<script type="application/json" id="explorer-config">${escapeJson(config)}</script>
${js('react.js')}
${js('react-dom.js')}
${js('graphiql.js')}
${js('explorer-plugin.js')}
${js('init.js')}
</body>
</html>
`;
}

const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:";

// GET /graphql from a browser (Accept: text/html) opens the explorer; /explorer/* are its files.
export function mountExplorer(app: Express, options: ExplorerOptions): void {
  const prefill = options.prefill && options.auth.jwtSecret === DEV_JWT_SECRET;
  app.get('/explorer/init.js', (_req, res) => {
    res.type('text/javascript').set('Cache-Control', 'no-cache').send(INIT_SCRIPT);
  });
  app.get('/explorer/:name', (req: Request, res: Response, next: NextFunction) => {
    const asset = EXPLORER_ASSETS[String(req.params.name)];
    if (!asset) return next();
    res.type(asset.type).set('Cache-Control', 'public, max-age=3600');
    res.sendFile(asset.file);
  });
  app.get('/graphql', (req: Request, res: Response, next: NextFunction) => {
    if (!req.accepts(['application/json', 'text/html']) || req.accepts(['application/json', 'text/html']) !== 'text/html' || req.query.query !== undefined) return next();
    page({ ...options, prefill })
      .then((html) => res.type('text/html').set('Content-Security-Policy', CSP).set('Cache-Control', 'no-store').send(html))
      .catch(next);
  });
}
