import type { ProfileName } from './profiles';
import { publishedPartners } from './publishedPartners';
import { readableBy } from './readableBy';

/**
 * The authorization table of schema/AUTHORIZATION.md, computed from the committed supergraph:
 * a field added without its directive, or a directive weakened, changes what some profile can
 * reach from the roots, and fails here.
 */
const usagerFields = (profile: ProfileName) =>
  [...readableBy(profile).fields]
    .filter((f) => f.startsWith('Usager.'))
    .map((f) => f.slice('Usager.'.length))
    .sort();

const identite = ['id', 'identite', 'statutIdentite'];
// With the Usager fields of partners published since by their own folder (classified like the others: presence:<code>).
const partenaires = ['caf', 'carsat', 'cpam', 'franceTravail', 'hebergement', 'logementSocial', 'msa', ...publishedPartners().flatMap((p) => p.usagerFields)];
const departement = ['dossierPartage', 'equipe', 'historiqueEquipe', 'historiqueReferents', 'oppositions', 'parcours', 'parcoursEnCours', 'referentDeParcours', 'rsa'];
const tout = [...identite, ...partenaires, ...departement, 'orientations', 'inscriptionsTiersLieu', 'passagesAccueil', 'presencePartenaires', 'synthese'].sort();

/** The types that hold what a partner knows of a person, by partner; reached only through `Usager` and mutation payloads. */
const fichesPartenaires: Readonly<Record<string, readonly string[]>> = {
  caf: ['DossierCaf', 'FoyerCaf', 'EnfantCaf', 'DroitCaf', 'DroitRsa', 'PaiementCaf'],
  msa: ['DossierMsa', 'PrestationsFamilialesMsa', 'FoyerMsa', 'EnfantMsa', 'DroitMsa', 'DroitRsaMsa', 'CouvertureSanteMsa', 'ComplementaireSanteSolidaireMsa', 'RetraiteMsa'],
  'france-travail': ['DossierFranceTravail', 'InscriptionFranceTravail', 'IndemnisationFranceTravail', 'PaiementFranceTravail', 'ConseillerFranceTravail', 'DiagnosticSocioPro'],
  cpam: ['CouvertureSante', 'ComplementaireSanteSolidaire'],
  carsat: ['DossierRetraite', 'Aspa', 'AideActionSociale'],
  bailleurs: ['LogementSocial', 'SituationBailleur', 'Bailleur', 'Rapprochement', 'Bail', 'AdresseLogement', 'PlanApurement', 'DemandeLogementSocial'],
  siao: ['SituationHebergement', 'DemandeSiao', 'OrientationSiao', 'RapprochementSiao'],
  departement: ['DossierRsaDepartement', 'OrientationRsa', 'ReferentDeParcours', 'Referent', 'DossierPartage', 'Objectif', 'ActionAccompagnement', 'Note', 'RendezVous', 'ContratEngagement'],
  // Computed from every partner's data: no partner's agent reads it (composition requires as much).
  synthese: ['Synthese', 'DroitOuvert', 'Alerte'],
};
const readableOf = (profile: ProfileName, partenaire: string) => [...readableBy(profile).fields].filter((f) => fichesPartenaires[partenaire]!.includes(f.split('.')[0]!)).sort();

describe('what each profile can read of a usager', () => {
  it.each<[ProfileName, string[]]>([
    ['accueil', [...identite, ...partenaires, 'oppositions', 'orientations', 'inscriptionsTiersLieu', 'passagesAccueil', 'presencePartenaires'].sort()],
    ['referent', tout],
    ['usager', tout],
    ['agent caf (instruction)', [...identite, 'caf'].sort()],
    ['agent caf (controle)', identite],
    ['agent cpam (instruction)', [...identite, 'cpam'].sort()],
    ['agent cpam (controle)', [...identite, 'cpam'].sort()],
    ['agent departement (accompagnement)', [...identite, ...departement].sort()],
    ['analyste', []],
    ['anonyme', []],
    ['referent sans finalite', []],
  ])('%s', (profile, expected) => {
    expect(usagerFields(profile)).toEqual(expected);
  });

  it("gives the reception agent presence only: no field of any partner file but the landlords' match outcome", () => {
    const presence = Object.keys(fichesPartenaires).flatMap((p) => readableOf('accueil', p));
    expect(presence).toEqual(['Bailleur.code', 'Bailleur.nom', 'LogementSocial.bailleurs', 'Rapprochement.statut', 'SituationBailleur.bailleur', 'SituationBailleur.rapprochement']);
  });

  it.each<[ProfileName, string]>([
    ['agent caf (instruction)', 'caf'],
    ['agent cpam (instruction)', 'cpam'],
    ['agent departement (accompagnement)', 'departement'],
  ])("gives %s its own partner's file whole, and nothing of the others'", (profile, own) => {
    for (const [partenaire, types] of Object.entries(fichesPartenaires)) {
      const readable = readableOf(profile, partenaire);
      if (partenaire !== own) expect([partenaire, readable]).toEqual([partenaire, []]);
      else expect(new Set(readable.map((f) => f.split('.')[0]))).toEqual(new Set(types));
    }
  });

  it('never lets an analyst, an anonymous caller or a caller without purpose reach a person', () => {
    for (const profile of ['analyste', 'anonyme', 'referent sans finalite'] as const) {
      const { types } = readableBy(profile);
      expect([profile, ['Usager', 'IdentiteCivile', 'CandidatUsager', 'PortefeuilleConnection'].filter((t) => types.has(t))]).toEqual([profile, []]);
    }
  });

  it('lets an analyst read the reception network, and an anonymous caller nothing at all', () => {
    expect(readableBy('analyste').fields).toContain('Query.lieuxAccueil');
    expect([...readableBy('anonyme').fields]).toEqual([]);
  });

  it('lets an analyst, and nobody else, read the aggregates under Query.statistiques', () => {
    const aggregats = (profile: ProfileName) => [...readableBy(profile).fields].filter((f) => f === 'Query.statistiques' || f.startsWith('Statistiques')).sort();
    expect(aggregats('analyste')).toEqual([
      'Query.statistiques',
      'Statistiques.accueil',
      'Statistiques.caf',
      'Statistiques.croisements',
      'Statistiques.departement',
      'Statistiques.franceTravail',
      'Statistiques.hebergement',
      'Statistiques.logementSocial',
      'Statistiques.mois',
      'StatistiquesAccueil.inscriptionsTiersLieu',
      'StatistiquesAccueil.orientations',
      'StatistiquesAccueil.passages',
      'StatistiquesBailleurs.locatairesEnImpaye',
      'StatistiquesCaf.foyersParPrestation',
      'StatistiquesDepartement.delaisRsa',
      'StatistiquesDepartement.parcoursClos',
      'StatistiquesDepartement.parcoursEnCours',
      'StatistiquesDepartement.parcoursOuverts',
      'StatistiquesFranceTravail.demandeursEmploi',
      'StatistiquesSiao.demandes',
    ]);
    for (const profile of ['accueil', 'referent', 'usager', 'agent caf (instruction)', 'agent departement (accompagnement)', 'anonyme'] as const)
      expect([profile, aggregats(profile)]).toEqual([profile, []]);
  });
});
