import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { RouteHandler } from '@passerelle/subgraph-kit/http';
import { indicateursAssetsPath, indicateursPath } from './analystesPaths';
import { indicateursPage, indicateursScript, indicateursStylesheet } from './indicateursPage';

/** gateway/assets, where the page's own script and stylesheet are (no library, no CDN). */
const assetsDir = path.resolve(__dirname, '../../assets');

function serve(body: string | Buffer, contentType: string, cacheControl: string): RouteHandler {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': contentType, 'cache-control': cacheControl, 'x-content-type-options': 'nosniff' });
    res.end(body);
  };
}

/**
 * `GET /indicateurs` and its two files. Read once at start-up, so a missing file fails the start
 * rather than a page load. The page holds no data: it asks the analysts' endpoint with the token
 * the analyst pastes.
 */
export function indicateursRoutes(): Record<string, RouteHandler> {
  return {
    [`GET ${indicateursPath}`]: serve(indicateursPage(), 'text/html; charset=utf-8', 'no-store'),
    [`GET ${indicateursAssetsPath}/${indicateursScript}`]: serve(readFileSync(path.join(assetsDir, indicateursScript)), 'text/javascript; charset=utf-8', 'no-cache'),
    [`GET ${indicateursAssetsPath}/${indicateursStylesheet}`]: serve(readFileSync(path.join(assetsDir, indicateursStylesheet)), 'text/css; charset=utf-8', 'no-cache'),
  };
}
