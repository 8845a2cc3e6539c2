import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { graphiqlPage } from './graphiqlPage';

/**
 * Serves our GraphiQL page where Apollo Server serves its landing page: `GET /graphql` from
 * a browser (Accept prefers text/html). Installed beside ApolloServerPluginLandingPageDisabled,
 * which only removes Apollo's default pages (they load Apollo's CDN).
 */
export function graphiqlLandingPage(endpoint = '/graphql'): ApolloServerPlugin<BaseContext> {
  const html = graphiqlPage(endpoint);
  return {
    // Apollo Server's hooks return promises; the page is ready at once.
    serverWillStart: () => Promise.resolve({ renderLandingPage: () => Promise.resolve({ html }) }),
  };
}
