import { dirname, join } from 'node:path';

// The explorer's files, served from the npm packages installed with the service: nothing is
// fetched from the internet (government networks often have none). GraphiQL 3 is the last major
// that ships a browser bundle (UMD) runnable without a build step; React 18 the last with UMD files.
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

export const EXPLORER_ASSETS: Record<string, { file: string; type: string }> = {
  'react.js': { file: join(packageDir('react'), 'umd', 'react.production.min.js'), type: 'text/javascript' },
  'react-dom.js': { file: join(packageDir('react-dom'), 'umd', 'react-dom.production.min.js'), type: 'text/javascript' },
  'graphiql.js': { file: join(packageDir('graphiql'), 'graphiql.min.js'), type: 'text/javascript' },
  'graphiql.css': { file: join(packageDir('graphiql'), 'graphiql.min.css'), type: 'text/css' },
  'explorer-plugin.js': { file: join(packageDir('@graphiql/plugin-explorer'), 'dist', 'index.umd.js'), type: 'text/javascript' },
  'explorer-plugin.css': { file: join(packageDir('@graphiql/plugin-explorer'), 'dist', 'style.css'), type: 'text/css' },
};

// Starts GraphiQL with the explorer plugin; its settings come from a JSON data block of the page
// (no inline script: the page's Content-Security-Policy allows scripts from this origin only).
export const INIT_SCRIPT = `(function () {
  var config = JSON.parse(document.getElementById('explorer-config').textContent);
  var fetcher = GraphiQL.createFetcher({ url: config.endpoint });
  var explorer = GraphiQLPluginExplorer.explorerPlugin();
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, {
    fetcher: fetcher,
    plugins: [explorer],
    defaultQuery: config.defaultQuery,
    defaultHeaders: config.headers ? JSON.stringify(config.headers, null, 2) : undefined,
    defaultEditorToolsVisibility: 'headers',
    shouldPersistHeaders: false,
  }));
})();
`;
