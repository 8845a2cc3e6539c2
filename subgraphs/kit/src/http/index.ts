export {
  createGraphQLHttpServer,
  graphqlRoute,
  sendJson,
  type AlternateRepresentation,
  type GraphQLHttpServerOptions,
  type GraphQLRouteOptions,
  type HttpStopOptions,
  type RouteHandler,
  type RunningHttpServer,
} from './createGraphQLHttpServer';
