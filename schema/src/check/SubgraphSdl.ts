/** A subgraph as the schema check sees it: its name and the text of its schema.graphql. */
export interface SubgraphSdl {
  name: string;
  sdl: string;
  /** Where the gateway finds it; composition only records it in the supergraph. */
  url?: string;
}
