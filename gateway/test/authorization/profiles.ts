import type { Caller, Finalite, Partenaire, Role } from '@passerelle/subgraph-kit';
import { buildSchema } from 'graphql';
import { readFileSync } from 'node:fs';
import { readSecurityDirectives } from '../../src/authorization/readSecurityDirectives';
import { readPartnerRegistry } from '../../src/partners/readPartnerRegistry';

/** The committed composition: what the gateway serves. */
export const supergraphSdl = readFileSync(require.resolve('@passerelle/schema/supergraph.graphql'), 'utf8');
export const apiSchema = buildSchema(readFileSync(require.resolve('@passerelle/schema/api.graphql'), 'utf8'));
/** The partners the committed supergraph declares. */
export const partnerCodes = new Set(readPartnerRegistry(supergraphSdl).partners.keys());
export const { requirements, plannerSdl } = readSecurityDirectives(supergraphSdl, partnerCodes);

function caller(roles: Role[], partenaire: Partenaire | null = null): Caller {
  return {
    subject: `compte-${roles.join('-')}-${partenaire ?? 'aucun'}`,
    kind: roles.includes('usager') ? 'usager' : 'agent',
    roles,
    organisation: partenaire ?? 'CD12',
    partenaire,
    referentId: roles.includes('referent') ? 'ref-001' : null,
    usagerId: null,
  };
}

/** Who calls, for what: every role, agents of several partners, a controlling purpose, nobody. */
export const profiles: Readonly<Record<string, { caller: Caller | null; finalite: Finalite | null }>> = {
  anonyme: { caller: null, finalite: null },
  accueil: { caller: caller(['accueil']), finalite: 'premier-accueil' },
  referent: { caller: caller(['referent']), finalite: 'accompagnement' },
  'agent caf (instruction)': { caller: caller(['agent'], 'caf'), finalite: 'instruction' },
  'agent caf (controle)': { caller: caller(['agent'], 'caf'), finalite: 'controle' },
  'agent cpam (instruction)': { caller: caller(['agent'], 'cpam'), finalite: 'instruction' },
  'agent cpam (controle)': { caller: caller(['agent'], 'cpam'), finalite: 'controle' },
  'agent departement (accompagnement)': { caller: caller(['agent'], 'departement'), finalite: 'accompagnement' },
  analyste: { caller: caller(['analyste']), finalite: 'statistique' },
  usager: { caller: caller(['usager']), finalite: 'information' },
  'referent sans finalite': { caller: caller(['referent']), finalite: null },
};
export type ProfileName = keyof typeof profiles;
