import { createHash } from 'node:crypto';

/** Where graphiqlRoutes serves the page's scripts and stylesheet (all from node_modules). */
export const graphiqlAssetsPath = '/graphiql/assets';

/** The files the page loads, in order; each is served by graphiqlRoutes under graphiqlAssetsPath. */
export const graphiqlScripts = ['react.production.min.js', 'react-dom.production.min.js', 'graphiql.min.js'] as const;
export const graphiqlStylesheet = 'graphiql.min.css';

/**
 * The GraphiQL page (dev mode only). Everything it loads comes from the gateway itself; the
 * Content-Security-Policy restates it for the browser, so that a token typed in the headers
 * editor can only ever be sent to this origin.
 */
/** The query GraphiQL opens with: a search that works on the simulated personas, no id needed. */
const defaultQuery = `# Passerelle: one usager-centric graph over the partners' own systems.
# In dev every partner is simulated; \`npm run personas\` lists the personas and their ids.
query Recherche {
  rechercherUsagers(identite: { nomNaissance: "rouquette", prenoms: ["marie helene"], dateNaissance: "1979-11-23" }) {
    score
    criteres
    usager {
      id
      identite { nomNaissance nomUsage prenoms }
      caf { droits { prestation montantMensuel } }
      logementSocial { bailleurs { bailleur { nom } rapprochement { statut explication } } }
    }
  }
}
`;

export function graphiqlPage(endpoint = '/graphql'): string {
  // Headers are not persisted: they hold bearer tokens, which must not outlive the tab.
  const boot = [
    `const fetcher = GraphiQL.createFetcher({ url: new URL(${JSON.stringify(endpoint)}, window.location.href).href });`,
    `ReactDOM.createRoot(document.getElementById('graphiql')).render(`,
    `  React.createElement(GraphiQL, { fetcher, isHeadersEditorEnabled: true, shouldPersistHeaders: false, defaultEditorToolsVisibility: 'headers', defaultQuery: ${JSON.stringify(defaultQuery)} }),`,
    `);`,
  ].join('\n');
  const bootHash = createHash('sha256').update(boot).digest('base64');
  const csp = [
    "default-src 'none'",
    `script-src 'self' 'sha256-${bootHash}'`,
    // GraphiQL's editors set inline styles; its fonts and icons are data: URIs in its stylesheet.
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self' data:",
    "img-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const scripts = graphiqlScripts.map((file) => `    <script src="${graphiqlAssetsPath}/${file}"></script>`).join('\n');
  return `<!doctype html>
<html lang="fr">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta http-equiv="Content-Security-Policy" content="${csp}" />
    <title>Passerelle · GraphiQL</title>
    <link rel="stylesheet" href="${graphiqlAssetsPath}/${graphiqlStylesheet}" />
  </head>
  <body style="margin: 0">
    <div id="graphiql" style="height: 100vh"></div>
${scripts}
    <script>${boot}</script>
  </body>
</html>
`;
}
