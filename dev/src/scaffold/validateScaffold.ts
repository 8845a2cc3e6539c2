import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { devIdpEnv, gatewayEnv } from '@passerelle/gateway';
import { simulatorEnv } from '@passerelle/mocks';
import { readPartnerRegistry } from '@passerelle/gateway';
import { discoverSubgraphs } from '@passerelle/subgraph-kit/discovery';
import { buildSchema, isObjectType } from 'graphql';
import { partnerNames, type PartnerNames } from './partnerNames';

/** What `npm run subgraph:new` was asked for. */
export interface ScaffoldRequest {
  name: string;
  libelle: string;
  port?: number;
}

/** Bad input to the scaffolder: the message says what is wrong. */
export class ScaffoldError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScaffoldError';
  }
}

/** Kebab-case, as partner codes (schema/PARTENAIRES.md: `^[a-z][a-z0-9-]{1,30}$`), without a leading, trailing or double hyphen. */
const kebabCase = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** The ports the shared processes listen on by default: a subgraph must not take them. */
const reservedPorts = (): Map<number, string> =>
  new Map([
    [gatewayEnv.port.default, 'the gateway'],
    [simulatorEnv.port.default, 'the simulator'],
    [devIdpEnv.port.default, 'the dev identity provider'],
  ]);

/**
 * Checks a request against the repository at `root` and returns the partner's names: the name
 * is kebab-case and free (no subgraph, simulator, API doc, partner code, `Usager` field, type
 * or environment variable of that name), the label is one line, and the port is free (default:
 * the next after the highest declared).
 */
export function validateScaffold(root: string, request: ScaffoldRequest): PartnerNames {
  const { name, libelle } = request;
  if (name.length < 2 || name.length > 31 || !kebabCase.test(name)) {
    throw new ScaffoldError(`"${name}" is not a valid subgraph name: lower-case letters and digits in kebab-case (e.g. mission-locale), 2 to 31 characters, starting with a letter.`);
  }
  const label = libelle.trim();
  if (label.length < 3 || label.length > 120 || /[\p{Cc}"\\]/u.test(label)) {
    throw new ScaffoldError('--partenaire must be the partner\'s name for people, 3 to 120 characters on one line, without " or \\.');
  }
  const discovered = discoverSubgraphs(root);
  const taken = (what: string) => new ScaffoldError(`"${name}" is taken: ${what}.`);
  if (discovered.some((s) => s.name === name)) throw taken(`a subgraph of that name exists (${discovered.find((s) => s.name === name)!.packageName})`);
  if (existsSync(path.join(root, 'subgraphs', name))) throw taken(`subgraphs/${name} exists`);
  if (existsSync(path.join(root, 'mocks/src/simulators', name))) throw taken(`mocks/src/simulators/${name} exists`);
  if (existsSync(path.join(root, 'mocks/docs', `${name}.md`))) throw taken(`mocks/docs/${name}.md exists`);
  // Partner codes are the supergraph's (schema/PARTENAIRES.md): the SIAO's is `siao`, its subgraph `etat`.
  const declared = readPartnerRegistry(readFileSync(path.join(root, 'schema/supergraph.graphql'), 'utf8')).partners;
  if (declared.has(name)) throw taken(`it is the code of an existing partner (${declared.get(name)!.libelle})`);

  const declaredPorts = new Map(discovered.map((s) => [s.port, s.packageName]));
  const reserved = reservedPorts();
  let port = request.port;
  if (port === undefined) {
    port = Math.max(...declaredPorts.keys()) + 1;
    while (declaredPorts.has(port) || reserved.has(port)) port += 1;
  } else if (!Number.isInteger(port) || port < 1024 || port > 65535) {
    throw new ScaffoldError(`--port must be an integer between 1024 and 65535.`);
  } else if (declaredPorts.has(port)) {
    throw new ScaffoldError(`port ${port} is taken by ${declaredPorts.get(port)}.`);
  } else if (reserved.has(port)) {
    throw new ScaffoldError(`port ${port} is the default port of ${reserved.get(port)}.`);
  }
  const names = partnerNames(name, label, port);

  const api = buildSchema(readFileSync(path.join(root, 'schema/api.graphql'), 'utf8'));
  const usager = api.getType('Usager');
  if (isObjectType(usager) && usager.getFields()[names.camel]) throw taken(`Usager already has a field ${names.camel}`);
  for (const type of [`Dossier${names.pascal}`, `StatutDossier${names.pascal}`]) {
    if (api.getType(type)) throw taken(`the graph already has a type ${type}`);
  }
  const variables = new Set([gatewayEnv, devIdpEnv, simulatorEnv, ...discovered.map((s) => s.load().env)].flatMap((spec) => Object.values(spec).map((v) => v.env)));
  const clash = [`${names.envPrefix}_PORT`, `${names.envPrefix}_HOST`, `${names.envPrefix}_LEGACY_URL`].find((v) => variables.has(v));
  if (clash) throw taken(`the variable ${clash} is already read by another process`);
  return names;
}
