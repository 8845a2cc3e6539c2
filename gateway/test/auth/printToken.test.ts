import { readFileSync } from 'node:fs';
import { readPartnerRegistry } from '../../src/partners/readPartnerRegistry';
import { access, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createLocalJWKSet } from 'jose';
import { createAuthenticator } from '../../src/auth/createAuthenticator';
import { loadDevSigningKey } from '../../src/auth/loadDevSigningKey';
import type { CliOutput } from '../../src/cli/CliOutput';
import { UsageError } from '../../src/cli/parseAuditCliArgs';
import { parseTokenArgs, type TokenRequest } from '../../src/cli/parseTokenArgs';
import { runPrintToken } from '../../src/cli/runPrintToken';
import { defaultIdentityConfig, usagerId } from '../support/authTesting';

const request = (fields: Partial<TokenRequest>): TokenRequest => ({
  roles: [],
  partenaire: null,
  referentId: null,
  usagerId: null,
  organisation: 'CD12',
  subject: '',
  ttlSeconds: 3600,
  help: false,
  ...fields,
});

/** The partners the committed supergraph declares, as `npm run token` reads them. */
const partners = [...readPartnerRegistry(readFileSync(require.resolve('@passerelle/schema/supergraph.graphql'), 'utf8')).partners.keys()];

describe('parseTokenArgs', () => {
  it.each<[string, string[], TokenRequest]>([
    ['a référent', ['--role', 'referent', '--referent', 'ref-001'], request({ roles: ['referent'], referentId: 'ref-001', subject: 'dev-referent-ref-001' })],
    ['a reception agent', ['--role', 'accueil'], request({ roles: ['accueil'], subject: 'dev-accueil' })],
    ['a CAF agent', ['--role', 'agent', '--partner', 'caf'], request({ roles: ['agent'], partenaire: 'caf', organisation: 'CAF12', subject: 'dev-agent-caf' })],
    ['an MSA agent', ['--role', 'agent', '--partner', 'msa'], request({ roles: ['agent'], partenaire: 'msa', organisation: 'MSA12', subject: 'dev-agent-msa' })],
    ['an analyst', ['--role', 'analyste'], request({ roles: ['analyste'], subject: 'dev-analyste' })],
    ['a usager', ['--role', 'usager', '--usager', usagerId], request({ roles: ['usager'], usagerId, organisation: 'usager', subject: usagerId })],
    [
      'two roles, everything given',
      ['--role', 'referent', '--role', 'agent', '--partner', 'departement', '--referent', 'ref-015', '--organisation', 'CD12', '--ttl', '60', '--sub', 'acct-15'],
      request({ roles: ['referent', 'agent'], partenaire: 'departement', referentId: 'ref-015', subject: 'acct-15', ttlSeconds: 60 }),
    ],
    ['a repeated role', ['--role', 'accueil', '--role', 'accueil'], request({ roles: ['accueil'], subject: 'dev-accueil' })],
  ])('%s', (_who, args, expected) => {
    expect(parseTokenArgs(args, partners)).toEqual(expected);
  });

  it('--help', () => {
    expect(parseTokenArgs(['--help'], partners).help).toBe(true);
  });

  it.each([
    ['no role', [], '--role is required (one of accueil, referent, agent, analyste, usager)'],
    ['an unknown role', ['--role', 'admin'], 'unknown role "admin"; expected one of accueil, referent, agent, analyste, usager'],
    ['an unknown partner', ['--role', 'agent', '--partner', 'impots'], 'unknown partner "impots"; expected one of ' + partners.join(', ')],
    ['an agent without --partner', ['--role', 'agent'], '--role agent needs --partner'],
    ['a référent without --referent', ['--role', 'referent'], '--role referent needs --referent'],
    ['a usager without --usager', ['--role', 'usager'], '--role usager needs --usager'],
    ['--partner without the agent role', ['--role', 'accueil', '--partner', 'caf'], '--partner is only for --role agent'],
    ['--referent without the referent role', ['--role', 'analyste', '--referent', 'ref-001'], '--referent is only for --role referent'],
    ['a malformed référent id', ['--role', 'referent', '--referent', '001'], '--referent: malformed value'],
    ['a malformed usager id', ['--role', 'usager', '--usager', 'nir-like-123'], '--usager: malformed value'],
    ['usager with another role', ['--role', 'usager', '--role', 'referent', '--usager', usagerId, '--referent', 'ref-001'], '--role usager cannot be combined with another role'],
    ['a usager of another organisation', ['--role', 'usager', '--usager', usagerId, '--organisation', 'CD12'], '--organisation must be usager for --role usager'],
    ['a zero ttl', ['--role', 'accueil', '--ttl', '0'], '--ttl: expected an integer number of seconds between 1 and 86400'],
    ['a ttl over a day', ['--role', 'accueil', '--ttl', '86401'], '--ttl: expected an integer number of seconds between 1 and 86400'],
    ['a ttl not a number', ['--role', 'accueil', '--ttl', '1h'], '--ttl: expected an integer number of seconds between 1 and 86400'],
    ['a sub with spaces', ['--role', 'accueil', '--sub', 'jean martin'], '--sub: expected 1 to 200 printable characters without spaces'],
    ['an unknown option', ['--role', 'accueil', '--admin'], "Unknown option '--admin'"],
  ])('%s: a UsageError', (_case, args, message) => {
    let error: unknown;
    try {
      parseTokenArgs(args, partners);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toContain(message);
  });
});

describe('npm run token', () => {
  let directory: string;
  let env: NodeJS.ProcessEnv;
  beforeEach(async () => {
    directory = await mkdtemp(path.join(os.tmpdir(), 'passerelle-token-'));
    env = { DEV_IDP_KEY_FILE: path.join(directory, 'dev-idp-key.json') };
  });
  afterEach(() => rm(directory, { recursive: true, force: true }));

  function capture(): CliOutput & { out: string; err: string } {
    const output = { out: '', err: '', stdout: (text: string) => void (output.out += text), stderr: (text: string) => void (output.err += text) };
    return output;
  }

  it('prints only a token, signed with the key file it creates, that the gateway accepts', async () => {
    const output = capture();
    expect(await runPrintToken(['--role', 'agent', '--partner', 'caf'], env, output)).toBe(0);
    expect(output.err).toBe('');
    expect(output.out).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const key = await loadDevSigningKey(env.DEV_IDP_KEY_FILE!);
    const authenticate = createAuthenticator(defaultIdentityConfig, { jwks: createLocalJWKSet({ keys: [key.publicJwk] }) });
    await expect(authenticate(`Bearer ${output.out.trim()}`)).resolves.toEqual({
      subject: 'dev-agent-caf',
      kind: 'agent',
      roles: ['agent'],
      organisation: 'CAF12',
      partenaire: 'caf',
      referentId: null,
      usagerId: null,
    });
  });

  it('bad arguments: exit 2, the reason and the usage on stderr, nothing on stdout', async () => {
    const output = capture();
    expect(await runPrintToken(['--role', 'admin'], env, output)).toBe(2);
    expect(output.out).toBe('');
    expect(output.err).toMatch(/^unknown role "admin"; expected one of accueil, referent, agent, analyste, usager\n\nUsage: npm run token/);
  });

  it('refused in production mode: exit 2, no key file created', async () => {
    const output = capture();
    expect(await runPrintToken(['--role', 'accueil'], { ...env, PASSERELLE_MODE: 'production' }, output)).toBe(2);
    expect(output.out).toBe('');
    expect(output.err).toMatch(/^npm run token is for development only: refused in production mode \(PASSERELLE_MODE=production\)\n/);
    await expect(access(env.DEV_IDP_KEY_FILE!)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
