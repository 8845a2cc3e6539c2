import { analystesGraphqlPath, indicateursAssetsPath } from './analystesPaths';

/** The page's script and stylesheet, served by indicateursRoutes from gateway/assets. */
export const indicateursScript = 'indicateurs.js';
export const indicateursStylesheet = 'indicateurs.css';

/**
 * The indicators page: a form (the analyst's token, the last month) and the charts the script
 * draws from the analysts' endpoint. Everything it loads and asks comes from the gateway itself;
 * the Content-Security-Policy restates it, so that the token pasted can only be sent here. The
 * token lives in the form only: never stored, never in a URL.
 */
export function indicateursPage(): string {
  const csp = ["default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self'", "connect-src 'self'", "base-uri 'none'", "form-action 'none'"].join('; ');
  return `<!doctype html>
<html lang="fr">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta http-equiv="Content-Security-Policy" content="${csp}" />
    <title>Passerelle · Indicateurs</title>
    <link rel="stylesheet" href="${indicateursAssetsPath}/${indicateursStylesheet}" />
  </head>
  <body data-endpoint="${analystesGraphqlPath}">
    <h1>Indicateurs de l'agence</h1>
    <p>Agrégats des partenaires sous secret statistique : une case de moins de 11 personnes, ou qui permettrait d'en retrouver une, est affichée « secret », jamais 0.</p>
    <form id="formulaire">
      <label>Jeton d'accès (rôle analyste)<input id="jeton" type="password" autocomplete="off" required /></label>
      <label>Dernier mois<input id="dernier-mois" type="month" required /></label>
      <button id="afficher" type="submit">Afficher</button>
      <button id="csv" type="button">Exporter en CSV</button>
    </form>
    <p id="etat" role="status"></p>
    <div id="graphiques"></div>
    <script src="${indicateursAssetsPath}/${indicateursScript}"></script>
  </body>
</html>
`;
}
