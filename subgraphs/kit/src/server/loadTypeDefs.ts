import { readFileSync } from 'node:fs';
import { parse, type DocumentNode } from 'graphql';

/** Reads a subgraph's `schema.graphql` (the SDL is a file, so composition can read it too). */
export function loadTypeDefs(path: string): DocumentNode {
  return parse(readFileSync(path, 'utf8'));
}
