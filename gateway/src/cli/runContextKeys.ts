import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError } from '@passerelle/subgraph-kit';
import { readGatewayContextKeys } from '@passerelle/subgraph-kit/context-keys';
import { rotateContextKeys } from '../contextKeys/rotateContextKeys';
import type { CliOutput } from './CliOutput';
import { UsageError } from './parseAuditCliArgs';

const usage = `Usage: npm run context-keys -- --rotate <file>
       npm run context-keys -- --public <file>
Manages the keys the gateway signs subgraph contexts with (GATEWAY_CONTEXT_KEYS).
  --rotate  adds a new ES256 key with a fresh kid first in <file>, keeps the current one after
            it (contexts signed before the roll-over stay valid) and drops older ones; creates
            <file> (mode 0600) when absent. The gateway signs with the new key from its next start.
  --public  prints the public keys of <file> (a JWKS without private members): give it to the
            subgraphs whose GATEWAY_CONTEXT_JWKS is a file, before restarting the gateway.
Exit status: 0 done, 2 bad usage or key file.
`;

function parse(args: readonly string[]): { rotate: string | undefined; public: string | undefined; help: boolean } {
  let values: { rotate?: string | boolean; public?: string | boolean; help?: string | boolean };
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: { rotate: { type: 'string' }, public: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const rotate = typeof values.rotate === 'string' ? values.rotate : undefined;
  const publicFile = typeof values.public === 'string' ? values.public : undefined;
  const help = values.help === true;
  if (!help && (rotate === undefined) === (publicFile === undefined)) throw new UsageError('give exactly one of --rotate <file> and --public <file>');
  if (rotate === '' || publicFile === '') throw new UsageError('the key file path is empty');
  return { rotate, public: publicFile, help };
}

/**
 * `npm run context-keys`: rotates the gateway's context keys or prints their public half
 * (stdout: only the JWKS for --public; messages on stderr). Returns the exit status.
 */
export function runContextKeys(args: readonly string[], output: CliOutput): number {
  try {
    const request = parse(args);
    if (request.help) {
      output.stdout(usage);
      return 0;
    }
    if (request.rotate !== undefined) {
      const file = path.resolve(request.rotate);
      const { kid, previousKid } = rotateContextKeys(file);
      output.stderr(
        `${file}: signing key ${kid}${previousKid ? `, previous key ${previousKid} still published` : ' (new file)'}.\n` +
          "Give subgraphs the public keys (npm run context-keys -- --public <file>) unless they read the gateway's JWKS URL, then restart the gateway.\n",
      );
      return 0;
    }
    const { publicJwks } = readGatewayContextKeys(path.resolve(request.public!));
    output.stdout(`${JSON.stringify(publicJwks, null, 2)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      output.stderr(`${error.message}\n\n${usage}`);
      return 2;
    }
    if (error instanceof ConfigError) {
      output.stderr(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
