import type { GraphQLObjectType } from 'graphql';
import type { AuthRequirement } from '../../src/authorization/AuthRequirement';
import { apiSchema, requirements, supergraphSdl } from './profiles';
import { categoryOf as conventionCategoryOf, horsControle } from '@passerelle/schema';
import { coordinateOwners } from '../../src/audit/coordinateOwners';
import { readPartnerRegistry } from '../../src/partners/readPartnerRegistry';
import { publishedPartners } from './publishedPartners';

/**
 * The data-classification convention of schema/AUTHORIZATION.md: a field's category is the
 * signature of its security directives. Every requirement of the supergraph must be one of
 * these signatures, so that a new field either reuses a category or makes this test (and the
 * document) change.
 */
const published = publishedPartners();
const partners = ['caf', 'msa', 'france-travail', 'cpam', 'carsat', 'bailleurs', 'siao', ...published.map((p) => p.code)];
const registry = readPartnerRegistry(supergraphSdl);
const owners = coordinateOwners(supergraphSdl);
/** The partner whose subgraph answers this coordinate: its own file categories apply (schema/AUTHORIZATION.md). */
const ownPartnerOf = (coordinate: string) => (owners.get(coordinate) ?? []).map((subgraph) => registry.partnerOfSubgraph(subgraph)?.code).find((code) => code !== undefined);
const sig = (r: AuthRequirement) => JSON.stringify([r.authenticated, r.scopes, r.policies]);
/** The convention's category of a coordinate's requirement: the same table `npm run schema:check` applies per subgraph. */
const categoryOf = (coordinate: string) => {
  const requirement = requirements.get(coordinate)!;
  return conventionCategoryOf(requirement, ownPartnerOf(coordinate)) ?? `(unclassified) ${sig(requirement)}`;
};

describe('data classification', () => {
  it('gives every requirement of the supergraph a category of the convention', () => {
    const unclassified = [...requirements.keys()].filter((c) => categoryOf(c).startsWith('(unclassified)')).map((c) => `${c}: ${categoryOf(c)}`);
    expect(unclassified).toEqual([]);
  });

  it('classifies every field a client can select on Usager, and the type itself', () => {
    const usager = apiSchema.getType('Usager') as GraphQLObjectType;
    const byField = Object.fromEntries(Object.keys(usager.getFields()).map((f) => [f, requirements.has(`Usager.${f}`) ? categoryOf(`Usager.${f}`) : '(the type: identite)']));
    expect(categoryOf('Usager')).toBe('identite');
    expect(byField).toEqual({
      id: '(the type: identite)',
      identite: 'identite',
      statutIdentite: 'identite',
      caf: 'presence:caf',
      msa: 'presence:msa',
      franceTravail: 'presence:france-travail',
      cpam: 'presence:cpam',
      carsat: 'presence:carsat',
      logementSocial: 'presence:bailleurs',
      hebergement: 'presence:siao',
      orientations: 'orientations',
      inscriptionsTiersLieu: 'orientations',
      passagesAccueil: 'orientations',
      presencePartenaires: 'presence-partenaires',
      rsa: 'dossier-partage',
      referentDeParcours: 'dossier-partage',
      historiqueReferents: 'dossier-partage',
      parcours: 'dossier-partage',
      parcoursEnCours: 'dossier-partage',
      equipe: 'dossier-partage',
      historiqueEquipe: 'dossier-partage',
      dossierPartage: 'dossier-partage',
      oppositions: 'opposition',
      synthese: 'synthese',
      // A partner published since by its own folder: its Usager fields are its presence.
      ...Object.fromEntries(published.flatMap((p) => p.usagerFields.map((f) => [f, `presence:${p.code}`]))),
    });
  });

  it('keeps a controlling purpose away from CAF, MSA, France Travail and Région data, and only from them (CRPA L114-8 II)', () => {
    const withPolicy = [...requirements].filter(([, r]) => r.policies !== null).map(([c]) => categoryOf(c));
    const partnersHorsControle = [...horsControle].filter((p) => partners.includes(p));
    expect(new Set(withPolicy)).toEqual(new Set([...partnersHorsControle.flatMap((p) => [`presence:${p}`, `donnees-partenaire:${p}`]), 'presence-partenaires', 'synthese']));
  });
});
