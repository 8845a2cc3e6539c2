import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { RouteHandler } from '@passerelle/subgraph-kit/http';
import { graphiqlAssetsPath, graphiqlPage } from './graphiqlPage';

/** A package's directory, found the way Node finds the package (hoisted or not). */
function packageDir(name: string): string {
  return path.dirname(require.resolve(`${name}/package.json`));
}

/** Each asset the page loads, by its public file name: where it is in node_modules, and its type. */
function assetFiles(): Record<string, { file: string; contentType: string }> {
  const js = 'text/javascript; charset=utf-8';
  return {
    'react.production.min.js': { file: path.join(packageDir('react'), 'umd/react.production.min.js'), contentType: js },
    'react-dom.production.min.js': { file: path.join(packageDir('react-dom'), 'umd/react-dom.production.min.js'), contentType: js },
    'graphiql.min.js': { file: path.join(packageDir('graphiql'), 'graphiql.min.js'), contentType: js },
    'graphiql.min.css': { file: path.join(packageDir('graphiql'), 'graphiql.min.css'), contentType: 'text/css; charset=utf-8' },
  };
}

function serve(body: string | Buffer, contentType: string, cacheControl: string): RouteHandler {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': contentType, 'cache-control': cacheControl, 'x-content-type-options': 'nosniff' });
    res.end(body);
  };
}

/**
 * `GET /graphiql` and its assets, for dev mode. The files are read once, at start-up, so a
 * missing package fails the start rather than the first page load.
 */
export function graphiqlRoutes(endpoint = '/graphql'): Record<string, RouteHandler> {
  const routes: Record<string, RouteHandler> = {
    'GET /graphiql': serve(graphiqlPage(endpoint), 'text/html; charset=utf-8', 'no-store'),
  };
  for (const [name, { file, contentType }] of Object.entries(assetFiles())) {
    routes[`GET ${graphiqlAssetsPath}/${name}`] = serve(readFileSync(file), contentType, 'public, max-age=3600');
  }
  return routes;
}
