export {
  createGraphQLHttpServer,
  graphqlRoute,
  sendJson,
  type AlternateRepresentation,
  type GraphQLHttpServerOptions,
  type GraphQLRouteOptions,
  type RouteHandler,
  type RunningHttpServer,
} from './createGraphQLHttpServer';
