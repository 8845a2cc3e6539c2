export { createGraphQLHttpServer, sendJson, type GraphQLHttpServerOptions, type RouteHandler, type RunningHttpServer } from './createGraphQLHttpServer';
