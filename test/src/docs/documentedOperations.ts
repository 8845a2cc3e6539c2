import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The repository's root, from test/src/docs. */
export const repositoryRoot = path.resolve(__dirname, '../../..');

/** A documentation file of the repository, by its path from the root (e.g. `docs/examples.md`). */
export function readDoc(relativePath: string): string {
  return readFileSync(path.join(repositoryRoot, relativePath), 'utf8');
}

/** One GraphQL operation the documentation shows, and where. */
export interface DocumentedOperation {
  /** `docs/examples.md`, or `README.md` for the quick start's curl. */
  file: string;
  /** The operation's name; `QuickStart` for the quick start's anonymous query. */
  name: string;
  document: string;
}

/** The body of each ```graphql block of a markdown text. */
export function graphqlBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]!);
}

/** The README's quick-start section: from `## Quick start` to the next section. */
export function quickStartOf(readme: string): string {
  const start = readme.indexOf('## Quick start');
  if (start < 0) throw new Error('README.md has no "## Quick start" section.');
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? readme.length : end);
}

/** The query the README's quick start sends with curl (`-d '{"query": …}'`). */
export function quickStartQuery(readme: string): string {
  const body = /-d '(\{"query":[^']*\})'/.exec(quickStartOf(readme))?.[1];
  if (body === undefined) throw new Error('The quick start of README.md has no curl command with a -d \'{"query": …}\' body.');
  const parsed = JSON.parse(body) as { query?: unknown };
  if (typeof parsed.query !== 'string') throw new Error('The quick start\'s curl body has no "query" string.');
  return parsed.query;
}

/**
 * Every operation the documentation shows: each operation of each graphql block of
 * docs/examples.md (a block may hold several), then the README's quick-start query.
 */
export function documentedOperations(): DocumentedOperation[] {
  const examples = graphqlBlocks(readDoc('docs/examples.md')).flatMap((block) => {
    const starts = [...block.matchAll(/^(?:query|mutation) (\w+)/gm)];
    return starts.map((op, i) => ({ file: 'docs/examples.md', name: op[1]!, document: block.slice(op.index, starts[i + 1]?.index ?? block.length) }));
  });
  return [...examples, { file: 'README.md', name: 'QuickStart', document: quickStartQuery(readDoc('README.md')) }];
}
