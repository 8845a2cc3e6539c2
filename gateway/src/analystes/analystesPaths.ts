/** The analysts' GraphQL endpoint: the analysts' contract (schema/api-analystes.graphql), analysts only. */
export const analystesGraphqlPath = '/analystes/graphql';
/** The indicators page and its two files, served by the gateway itself. */
export const indicateursPath = '/indicateurs';
export const indicateursAssetsPath = '/indicateurs/assets';
