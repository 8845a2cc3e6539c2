import type { GraphQLObjectType } from 'graphql';
import type { AuthRequirement } from '../../src/authorization/AuthRequirement';
import { apiSchema, requirements } from './profiles';
import { publishedPartners } from './publishedPartners';

/**
 * The data-classification convention of schema/AUTHORIZATION.md: a field's category is the
 * signature of its security directives. Every requirement of the supergraph must be one of
 * these signatures, so that a new field either reuses a category or makes this test (and the
 * document) change.
 */
const horsControle = new Set(['caf', 'msa', 'france-travail', 'region']);
const published = publishedPartners();
const partners = ['caf', 'msa', 'france-travail', 'cpam', 'carsat', 'bailleurs', 'siao', ...published.map((p) => p.code)];
const sig = (r: AuthRequirement) => JSON.stringify([r.authenticated, r.scopes, r.policies]);
const alternatives = (...lists: string[][]) => lists;
const policy = (needed: boolean) => (needed ? [['finalite-hors-controle']] : null);

const categories = new Map<string, string>([
  [sig({ authenticated: true, scopes: null, policies: null }), 'reseau'],
  [sig({ authenticated: false, scopes: alternatives(['role:accueil'], ['role:referent'], ['role:agent'], ['role:usager']), policies: null }), 'identite'],
  [sig({ authenticated: false, scopes: alternatives(['role:accueil'], ['role:referent'], ['role:usager']), policies: null }), 'orientations'],
  [sig({ authenticated: false, scopes: alternatives(['role:accueil'], ['role:referent'], ['role:usager']), policies: policy(true) }), 'presence-partenaires'],
  [sig({ authenticated: false, scopes: alternatives(['role:accueil'], ['role:referent']), policies: null }), 'orientation-ecriture'],
  [sig({ authenticated: false, scopes: alternatives(['role:referent'], ['role:agent', 'partenaire:departement'], ['role:usager']), policies: null }), 'dossier-partage'],
  [sig({ authenticated: false, scopes: alternatives(['role:referent'], ['role:agent', 'partenaire:departement']), policies: null }), 'dossier-partage-ecriture'],
  [sig({ authenticated: false, scopes: alternatives(['role:accueil'], ['role:referent'], ['role:agent', 'partenaire:departement'], ['role:usager']), policies: null }), 'opposition'],
  [sig({ authenticated: false, scopes: alternatives(['role:referent']), policies: null }), 'portefeuille'],
  [sig({ authenticated: false, scopes: alternatives(['role:referent'], ['role:usager']), policies: policy(true) }), 'synthese'],
  [sig({ authenticated: false, scopes: alternatives(['role:analyste']), policies: null }), 'agregat'],
  [sig({ authenticated: false, scopes: alternatives(['role:usager']), policies: null }), 'journal-acces'],
  [sig({ authenticated: false, scopes: alternatives(['role:agent']), policies: null }), 'orientations-recues'],
  ...partners.flatMap((p): Array<[string, string]> => [
    [
      sig({ authenticated: false, scopes: alternatives(['role:accueil'], ['role:referent'], ['role:agent', `partenaire:${p}`], ['role:usager']), policies: policy(horsControle.has(p)) }),
      `presence:${p}`,
    ],
    [sig({ authenticated: false, scopes: alternatives(['role:referent'], ['role:agent', `partenaire:${p}`], ['role:usager']), policies: policy(horsControle.has(p)) }), `donnees-partenaire:${p}`],
  ]),
]);
const categoryOf = (coordinate: string) => categories.get(sig(requirements.get(coordinate)!)) ?? `(unclassified) ${sig(requirements.get(coordinate)!)}`;

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
      caf: 'presence:caf',
      msa: 'presence:msa',
      franceTravail: 'presence:france-travail',
      cpam: 'presence:cpam',
      carsat: 'presence:carsat',
      logementSocial: 'presence:bailleurs',
      hebergement: 'presence:siao',
      orientations: 'orientations',
      inscriptionsTiersLieu: 'orientations',
      presencePartenaires: 'presence-partenaires',
      rsa: 'dossier-partage',
      referentDeParcours: 'dossier-partage',
      historiqueReferents: 'dossier-partage',
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
