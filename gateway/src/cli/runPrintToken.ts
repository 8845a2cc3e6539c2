import { readFileSync } from 'node:fs';
import { readPartnerRegistry } from '../partners/readPartnerRegistry';
import { ConfigError } from '@passerelle/subgraph-kit';
import { loadDevSigningKey } from '../auth/loadDevSigningKey';
import { signDevToken } from '../auth/signDevToken';
import { loadDevIdpConfig, loadGatewayConfig } from '../config';
import type { CliOutput } from './CliOutput';
import { UsageError } from './parseAuditCliArgs';
import { parseTokenArgs, type TokenRequest } from './parseTokenArgs';

const usage = `Usage: npm run token -- --role <role> [--role <role>] [--partner <partner>] [--referent ref-001]
                        [--usager <opaque id>] [--organisation CD12] [--ttl 3600] [--sub <account id>]
Prints a development access token, signed with the development identity provider's key
(DEV_IDP_KEY_FILE, created when absent) for OIDC_ISSUER and OIDC_AUDIENCE.
  --role          accueil, referent, agent, analyste or usager (repeatable; usager alone)
  --partner       the agent's partner (required with --role agent)
  --referent      the référent's id (required with --role referent)
  --usager        the usager's own opaque id (required with --role usager; see npm run personas)
  --organisation  default CD12; an agent's partner's (CAF12…); usager for a usager
  --ttl           lifetime in seconds (1–86400, default 3600)
  --sub           account id (default a stable development id; a usager's own id)
Refused in production mode. Exit status: 0 printed, 2 bad usage or configuration.
`;

/** The JWT claims of a development token: those the gateway's authenticator reads. */
export function claimsOf(request: TokenRequest): Record<string, unknown> {
  return {
    sub: request.subject,
    roles: request.roles,
    organisation: request.organisation,
    ...(request.partenaire !== null ? { partenaire: request.partenaire } : {}),
    ...(request.referentId !== null ? { referent_id: request.referentId } : {}),
    ...(request.usagerId !== null ? { usager_id: request.usagerId } : {}),
  };
}

/** `npm run token`: prints only the token on stdout (messages on stderr); returns the exit status. */
export async function runPrintToken(args: readonly string[], env: NodeJS.ProcessEnv, output: CliOutput): Promise<number> {
  let request: TokenRequest;
  let gateway: ReturnType<typeof loadGatewayConfig>;
  let devIdp: ReturnType<typeof loadDevIdpConfig>;
  try {
    gateway = loadGatewayConfig(env);
    devIdp = loadDevIdpConfig(env);
    if (gateway.mode === 'production') throw new UsageError('npm run token is for development only: refused in production mode (PASSERELLE_MODE=production)');
    // The partners an agent may belong to are those the supergraph the gateway serves declares.
    request = parseTokenArgs(args, [...readPartnerRegistry(readFileSync(gateway.supergraphPath, 'utf8')).partners.keys()]);
  } catch (error) {
    if (!(error instanceof UsageError) && !(error instanceof ConfigError)) throw error;
    output.stderr(`${error.message}\n\n${usage}`);
    return 2;
  }
  if (request.help) {
    output.stdout(usage);
    return 0;
  }
  const key = await loadDevSigningKey(devIdp.keyFile);
  const token = await signDevToken(key, claimsOf(request), { issuer: gateway.oidcIssuer, audience: gateway.oidcAudience, ttlSeconds: request.ttlSeconds });
  output.stdout(`${token}\n`);
  return 0;
}
