import type { NirAllocator } from './createNirAllocator';
import { monthsBefore } from './ageAt';
import { recentPayments, quotientFamilial } from './deriveCafDossier';
import { numeroUnique } from './deriveSocialHousing';
import { communeParCode } from './geography';
import { scale2025 } from './scale2025';
import type { Adresse, AssureCpam, Bail, DossierCaf, DossierCarsat, DossierFranceTravail, DemandeLogement, DroitCaf, Menage, Personne, World } from './types';

/** Keys of the fixed, documented people used by tests and examples (docs/personas.md). */
export type PersonaKey =
  | 'rsa-isolee'
  | 'couple-parent-1'
  | 'couple-parent-2'
  | 'retraite-aspa'
  | 'nom-usage'
  | 'homonyme-rodez'
  | 'homonyme-millau'
  | 'ne-en-corse'
  | 'ne-a-l-etranger'
  | 'registre-seul'
  | 'exploitant-agricole'
  | 'demandeur-emploi'
  | 'sans-domicile'
  | 'micro-entrepreneur';

/** A persona as documented: who they are and the one-line situation. */
export interface PersonaInfo {
  key: PersonaKey;
  ref: string;
  situation: string;
}

type World$ = Omit<World, 'seed'>;

function adresse(code: string, ligne: string): Adresse {
  const commune = communeParCode(code);
  return { ligne, codePostal: commune.codePostal, commune: commune.nom, codeInsee: commune.codeInsee };
}

const lieu = {
  rodez: { code: '12202', libelle: 'Rodez' },
  millau: { code: '12145', libelle: 'Millau' },
  toulouse: { code: '31555', libelle: 'Toulouse' },
  ajaccio: { code: '2A004', libelle: 'Ajaccio' },
  maroc: { code: '99350', libelle: 'Maroc' },
};

/**
 * Builds the personas into an empty world. They are created before the random population,
 * so their NIRs (and therefore their opaque ids) do not depend on the population's size.
 */
export function buildPersonas(nirs: NirAllocator): { world: World$; personas: PersonaInfo[] } {
  const world: World$ = { personnes: [], menages: [], caf: [], cpam: [], carsat: [], baux: [], demandes: [], msa: [], franceTravail: [], siao: [] };
  const personas: PersonaInfo[] = [];
  const person = (key: PersonaKey, p: Omit<Personne, 'ref' | 'nir' | 'menage'>, menage: string, situation: string | null): Personne => {
    const ref = `persona:${key}`;
    const full: Personne = { ...p, ref, nir: nirs.allocate(p.sexe, p.dateNaissance, p.lieuNaissance.code), menage };
    world.personnes.push(full);
    if (situation) personas.push({ key, ref, situation });
    return full;
  };
  const child = (ref: string, nom: string, prenom: string, sexe: 1 | 2, dateNaissance: string, a: Adresse, menage: string): Personne => {
    const full: Personne = {
      ref,
      nir: nirs.allocate(sexe, dateNaissance, '12202'),
      sexe,
      nomNaissance: nom,
      nomUsage: null,
      prenoms: [prenom],
      dateNaissance,
      lieuNaissance: lieu.rodez,
      menage,
      adresse: a,
      regime: 'GENERAL',
    };
    world.personnes.push(full);
    return full;
  };
  const menage = (m: Menage) => world.menages.push(m);
  const familyFile = (numero: string, m: Menage, droits: DroitCaf[]): DossierCaf => {
    const prestations = droits.filter((d) => !['APL', 'ALF', 'ALS'].includes(d.prestation)).reduce((s, d) => s + d.montantCents, 0);
    const dossier: DossierCaf = {
      numeroAllocataire: numero,
      codePostal: m.adresse.codePostal,
      allocataire: m.adultes[0]!,
      conjoint: m.adultes[1] ?? null,
      enfants: m.enfants,
      quotientFamilial: quotientFamilial(m.ressourcesCents, prestations, m.adultes.length, m.enfants.length),
      droits,
      paiements: recentPayments(droits),
    };
    return dossier;
  };
  const caf = (numero: string, m: Menage, droits: DroitCaf[]): DossierCaf => {
    const dossier = familyFile(numero, m, droits);
    world.caf.push(dossier);
    return dossier;
  };
  const franceTravail = (d: Omit<DossierFranceTravail, 'paiements'>): void => {
    const paiements = d.indemnisation
      ? [0, 1, 2].map((back) => ({ date: monthsBefore(back, 2), allocation: d.indemnisation!.allocation, montantCents: d.indemnisation!.montantJournalierCents * 30 }))
      : [];
    world.franceTravail.push({ ...d, paiements });
  };
  const coverage = (ref: string, c2s: AssureCpam['c2s']): AssureCpam => ({
    personne: ref,
    dateDebutDroits: '2010-01-01',
    c2s,
    c2sFin: c2s === 'NON' ? null : monthsBefore(-6, 1),
    medecinTraitantDeclare: true,
    indemnitesJournalieresEnCours: false,
  });
  const cpam = (ref: string, c2s: AssureCpam['c2s']): void => {
    world.cpam.push(coverage(ref, c2s));
  };
  const carsatActif = (ref: string, trimestresValides: number): void => {
    world.carsat.push({ personne: ref, trimestresValides, statut: 'ACTIF', dateEffet: null, pensionMensuelleCents: null, aspa: null, actionSociale: [] });
  };
  const bail = (b: Bail) => world.baux.push(b);
  const demande = (d: DemandeLogement) => world.demandes.push(d);

  // 1. Single RSA recipient, housing aid, rent arrears with a repayment plan not kept.
  {
    const a = adresse('12202', '14 rue de Laumière');
    const s = person(
      'rsa-isolee',
      { sexe: 2, nomNaissance: 'Delmas', nomUsage: null, prenoms: ['Séverine', 'Anne'], dateNaissance: '1986-04-17', lieuNaissance: lieu.rodez, adresse: a, regime: 'GENERAL' },
      'menage:rsa-isolee',
      'Lives alone in Rodez; RSA paid (state 2) with APL; 3 months of rent arrears at Rodez Agglo Habitat, repayment plan not kept; C2S without participation.',
    );
    const m: Menage = { ref: s.menage, type: 'PERSONNE_SEULE', adresse: a, adultes: [s.ref], enfants: [], ressourcesCents: 0 };
    menage(m);
    caf('0412345', m, [
      { prestation: 'RSA', montantCents: scale2025.rsaSeul - scale2025.forfaitLogementSeul, dateDebut: '2024-02-01', etatRsa: 2, majore: false, soumisDroitsDevoirs: true },
      { prestation: 'APL', montantCents: 28_000, dateDebut: '2023-09-01' },
    ]);
    cpam(s.ref, 'SANS_PARTICIPATION');
    carsatActif(s.ref, 52);
    franceTravail({
      personne: s.ref,
      identifiant: '0411723K',
      categorie: 1,
      dateInscription: '2024-03-11',
      indemnisation: null,
      conseiller: { nom: 'Claire Bouyssou', agence: 'France Travail Rodez Combarel' },
      diagnostic: { date: '2024-03-11', contraintes: ['MOBILITE', 'FINANCIERE'], besoins: ['PERMIS_CONDUIRE'] },
    });
    bail({
      bailleur: 'rah',
      reference: 'RAH-2023-00417',
      titulaires: [{ nom: 'DELMAS', prenom: 'Séverine', dateNaissance: s.dateNaissance, codeLieuNaissance: null, personne: s.ref }],
      typologie: 'T2',
      surface: 48.5,
      adresse: a,
      loyerCents: 31_700,
      chargesCents: 4_500,
      soldeCents: 24_600,
      moisImpayes: 3,
      planApurement: { mensualiteCents: 4_000, dateDebut: monthsBefore(4, 1), dateFin: monthsBefore(-3, 1), respecte: false },
      dateEntree: '2023-09-01',
    });
  }

  // 2. Couple with three children: family allowances, ALF, C2S with participation.
  {
    const a = adresse('12176', '3 allée des Genêts');
    const ref = 'menage:couple';
    const k = person(
      'couple-parent-1',
      { sexe: 1, nomNaissance: 'Benali', nomUsage: null, prenoms: ['Karim'], dateNaissance: '1984-10-05', lieuNaissance: lieu.toulouse, adresse: a, regime: 'GENERAL' },
      ref,
      "Father of three in Onet-le-Château; CAF file shared with his spouse: family allowances (3 children), ALF, prime d'activité; C2S with participation; lease at Aveyron Habitat, no arrears.",
    );
    const j = person(
      'couple-parent-2',
      { sexe: 2, nomNaissance: 'Vergnes', nomUsage: 'Benali', prenoms: ['Julie', 'Marie'], dateNaissance: '1987-06-21', lieuNaissance: lieu.rodez, adresse: a, regime: 'GENERAL' },
      ref,
      'Mother of three, usage name Benali (birth name Vergnes); same CAF file as her spouse, seen from her side.',
    );
    const kids = [
      child('persona:enfant-1', 'Benali', 'Yanis', 1, '2012-03-14', a, ref),
      child('persona:enfant-2', 'Benali', 'Lina', 2, '2015-08-02', a, ref),
      child('persona:enfant-3', 'Benali', 'Adam', 1, '2020-01-27', a, ref),
    ];
    const m: Menage = { ref, type: 'COUPLE_AVEC_ENFANTS', adresse: a, adultes: [k.ref, j.ref], enfants: kids.map((c) => c.ref), ressourcesCents: 210_000 };
    menage(m);
    caf('0087654', m, [
      { prestation: 'AF', montantCents: scale2025.allocationsFamiliales3Enfants, dateDebut: '2020-02-01' },
      { prestation: 'ALF', montantCents: 19_400, dateDebut: '2021-05-01' },
      { prestation: 'PPA', montantCents: 11_800, dateDebut: '2025-01-01' },
    ]);
    for (const p of [k, j]) cpam(p.ref, 'AVEC_PARTICIPATION');
    for (const c of kids) cpam(c.ref, 'AVEC_PARTICIPATION');
    carsatActif(k.ref, 76);
    carsatActif(j.ref, 48);
    bail({
      bailleur: 'ah',
      reference: 'AH/12176/0932',
      titulaires: [
        { nom: 'BENALI', prenom: 'KARIM', dateNaissance: k.dateNaissance, codeLieuNaissance: '31555', personne: k.ref },
        { nom: 'BENALI', prenom: 'JULIE', dateNaissance: j.dateNaissance, codeLieuNaissance: null, personne: j.ref },
      ],
      typologie: 'T4',
      surface: 82,
      adresse: a,
      loyerCents: 43_500,
      chargesCents: 8_000,
      soldeCents: 0,
      moisImpayes: 0,
      planApurement: null,
      dateEntree: '2019-07-01',
    });
  }

  // 3. Retiree with ASPA and Carsat home help.
  {
    const a = adresse('12264', '7 impasse du Causse');
    const r = person(
      'retraite-aspa',
      {
        sexe: 1,
        nomNaissance: 'Vidal',
        nomUsage: null,
        prenoms: ['Marcel', 'Joseph'],
        dateNaissance: '1942-02-08',
        lieuNaissance: { code: '12264', libelle: 'Sébazac-Concourès' },
        adresse: a,
        regime: 'GENERAL',
      },
      'menage:retraite',
      'Widower of 84 in Sébazac-Concourès; Carsat pension with ASPA and 12 h/month of home help; ALS; C2S without participation; lease at Aveyron Habitat.',
    );
    const m: Menage = { ref: r.menage, type: 'PERSONNE_SEULE', adresse: a, adultes: [r.ref], enfants: [], ressourcesCents: 61_200 };
    menage(m);
    caf('0203040', m, [{ prestation: 'ALS', montantCents: 17_900, dateDebut: '2018-04-01' }]);
    cpam(r.ref, 'SANS_PARTICIPATION');
    world.carsat.push({
      personne: r.ref,
      trimestresValides: 118,
      statut: 'RETRAITE',
      dateEffet: '2002-03-01',
      pensionMensuelleCents: 61_200,
      aspa: { montantCents: scale2025.aspaSeul - 61_200, dateDebut: '2019-01-01' },
      actionSociale: [{ type: 'AIDE_MENAGERE', heuresMensuelles: 12, dateDebut: monthsBefore(6, 1), dateFin: monthsBefore(-6, 1) }],
    });
    bail({
      bailleur: 'ah',
      reference: 'AH/12264/0088',
      titulaires: [{ nom: 'VIDAL', prenom: 'MARCEL', dateNaissance: r.dateNaissance, codeLieuNaissance: '12264', personne: r.ref }],
      typologie: 'T2',
      surface: 51,
      adresse: a,
      loyerCents: 32_000,
      chargesCents: 5_500,
      soldeCents: 0,
      moisImpayes: 0,
      planApurement: null,
      dateEntree: '2004-10-01',
    });
  }

  // 4. Usage name differs from birth name, accents and hyphens: the landlord typed a compound name.
  {
    const a = adresse('12202', '22 avenue Tarayre');
    const n = person(
      'nom-usage',
      { sexe: 2, nomNaissance: 'Fabré', nomUsage: 'Rouquette', prenoms: ['Marie-Hélène', 'Odette'], dateNaissance: '1979-11-23', lieuNaissance: lieu.millau, adresse: a, regime: 'GENERAL' },
      'menage:nom-usage',
      'Birth name Fabré, usage name Rouquette; the landlord typed "ROUQUETTE-FABRE Marie Helene": found only by tolerant matching; prime d\'activité and APL; social-housing application for a T3.',
    );
    const m: Menage = { ref: n.menage, type: 'PERSONNE_SEULE', adresse: a, adultes: [n.ref], enfants: [], ressourcesCents: 118_000 };
    menage(m);
    caf('1100456', m, [
      { prestation: 'PPA', montantCents: 16_350, dateDebut: '2025-06-01' },
      { prestation: 'APL', montantCents: 14_200, dateDebut: '2022-01-01' },
    ]);
    cpam(n.ref, 'NON');
    carsatActif(n.ref, 101);
    bail({
      bailleur: 'rah',
      reference: 'RAH-2021-01960',
      titulaires: [{ nom: 'ROUQUETTE-FABRE', prenom: 'Marie Helene', dateNaissance: n.dateNaissance, codeLieuNaissance: null, personne: n.ref }],
      typologie: 'T2',
      surface: 45,
      adresse: a,
      loyerCents: 33_800,
      chargesCents: 4_000,
      soldeCents: 0,
      moisImpayes: 0,
      planApurement: null,
      dateEntree: '2021-12-01',
    });
    demande({
      bailleur: 'rah',
      numeroUnique: numeroUnique('2025-03-12', 417),
      demandeur: { nom: 'ROUQUETTE', prenom: 'Marie-Hélène', dateNaissance: n.dateNaissance, codeLieuNaissance: null, personne: n.ref },
      dateDepot: '2025-03-12',
      dateRenouvellement: null,
      statut: 'ACTIVE',
      typologieSouhaitee: 'T3',
    });
  }

  // 5–6. Homonyms born the same day: the landlord cannot tell them apart and must refuse.
  for (const [key, birth, ligne, bailRef, carsatQ] of [
    ['homonyme-rodez', lieu.rodez, '5 rue Béteille', 'RAH-2018-00233', 60],
    ['homonyme-millau', lieu.millau, '41 rue Saint-Cyrice', 'RAH-2020-01152', 44],
  ] as const) {
    const a = adresse('12202', ligne);
    const h = person(
      key,
      { sexe: 1, nomNaissance: 'Martin', nomUsage: null, prenoms: ['Jean'], dateNaissance: '1985-03-14', lieuNaissance: birth, adresse: a, regime: 'GENERAL' },
      `menage:${key}`,
      `Jean Martin born 14 March 1985 in ${birth.libelle}; his namesake was born the same day: both rent from Rodez Agglo Habitat, which did not record birth places, so the landlord match is refused as ambiguous.`,
    );
    const m: Menage = { ref: h.menage, type: 'PERSONNE_SEULE', adresse: a, adultes: [h.ref], enfants: [], ressourcesCents: key === 'homonyme-rodez' ? 30_000 : 160_000 };
    menage(m);
    if (key === 'homonyme-rodez') caf('0555001', m, [{ prestation: 'RSA', montantCents: scale2025.rsaSeul - 30_000, dateDebut: '2025-09-01', etatRsa: 2, majore: false, soumisDroitsDevoirs: true }]);
    cpam(h.ref, key === 'homonyme-rodez' ? 'SANS_PARTICIPATION' : 'NON');
    carsatActif(h.ref, carsatQ);
    bail({
      bailleur: 'rah',
      reference: bailRef,
      titulaires: [{ nom: 'MARTIN', prenom: 'Jean', dateNaissance: h.dateNaissance, codeLieuNaissance: null, personne: h.ref }],
      typologie: 'T1',
      surface: 31,
      adresse: a,
      loyerCents: 20_600,
      chargesCents: 3_500,
      soldeCents: key === 'homonyme-rodez' ? 48_200 : 0,
      moisImpayes: key === 'homonyme-rodez' ? 2 : 0,
      planApurement: null,
      dateEntree: '2018-05-01',
    });
  }

  // 7. Born in Corsica (NIR with 2A).
  {
    const a = adresse('12133', '9 route de Rodez');
    const c = person(
      'ne-en-corse',
      { sexe: 1, nomNaissance: 'Santoni', nomUsage: null, prenoms: ['Antoine', 'Paul'], dateNaissance: '1990-07-02', lieuNaissance: lieu.ajaccio, adresse: a, regime: 'GENERAL' },
      'menage:corse',
      "Born in Ajaccio (NIR with 2A), lives in Luc-la-Primaube; prime d'activité; general health insurance, no C2S; not a social tenant.",
    );
    const m: Menage = { ref: c.menage, type: 'PERSONNE_SEULE', adresse: a, adultes: [c.ref], enfants: [], ressourcesCents: 140_000 };
    menage(m);
    caf('0770021', m, [{ prestation: 'PPA', montantCents: 9_700, dateDebut: '2024-11-01' }]);
    cpam(c.ref, 'NON');
    carsatActif(c.ref, 56);
  }

  // 8. Born abroad (NIR with 99 + country code), AAH, arrears with a plan kept.
  {
    const a = adresse('12176', '18 rue des Coquelicots');
    const f = person(
      'ne-a-l-etranger',
      { sexe: 2, nomNaissance: 'El Idrissi', nomUsage: null, prenoms: ['Fatima', 'Zahra'], dateNaissance: '1975-09-30', lieuNaissance: lieu.maroc, adresse: a, regime: 'GENERAL' },
      'menage:etranger',
      'Born in Morocco (NIR with 99 350), lives in Onet-le-Château; AAH and APL; C2S without participation; arrears at Aveyron Habitat with a repayment plan that is kept.',
    );
    const m: Menage = { ref: f.menage, type: 'PERSONNE_SEULE', adresse: a, adultes: [f.ref], enfants: [], ressourcesCents: 0 };
    menage(m);
    caf('0660123', m, [
      { prestation: 'AAH', montantCents: scale2025.aahMaximum, dateDebut: '2016-05-01' },
      { prestation: 'APL', montantCents: 24_500, dateDebut: '2017-01-01' },
    ]);
    cpam(f.ref, 'SANS_PARTICIPATION');
    carsatActif(f.ref, 38);
    bail({
      bailleur: 'ah',
      reference: 'AH/12176/0415',
      titulaires: [{ nom: 'EL IDRISSI', prenom: 'FATIMA', dateNaissance: f.dateNaissance, codeLieuNaissance: '99350', personne: f.ref }],
      typologie: 'T3',
      surface: 64,
      adresse: a,
      loyerCents: 38_900,
      chargesCents: 6_000,
      soldeCents: 52_000,
      moisImpayes: 4,
      planApurement: { mensualiteCents: 5_000, dateDebut: monthsBefore(5, 1), dateFin: monthsBefore(-6, 1), respecte: true },
      dateEntree: '2016-11-01',
    });
  }

  // 9. Known to no partner but the identity register.
  {
    const a = adresse('12150', '2 chemin de Lagarrigue');
    const r = person(
      'registre-seul',
      { sexe: 2, nomNaissance: 'Roussel', nomUsage: null, prenoms: ['Inès'], dateNaissance: '2007-01-19', lieuNaissance: lieu.rodez, adresse: a, regime: 'AUTRE' },
      'menage:registre-seul',
      'Student of 19 in Le Monastère under a special regime: known to the identity register only; every partner field is null.',
    );
    menage({ ref: r.menage, type: 'PERSONNE_SEULE', adresse: a, adultes: [r.ref], enfants: [], ressourcesCents: 40_000 });
  }
  // 11. Farmer under the agricultural regime: family benefits and RSA from MSA, never CAF.
  {
    const a = adresse('12090', 'La Borie Haute');
    const f = person(
      'exploitant-agricole',
      {
        sexe: 1,
        nomNaissance: 'Bousquet',
        nomUsage: null,
        prenoms: ['Thierry', 'Henri'],
        dateNaissance: '1971-05-09',
        lieuNaissance: { code: '12300', libelle: 'Villefranche-de-Rouergue' },
        adresse: a,
        regime: 'AGRICOLE',
      },
      'menage:exploitant',
      "Sheep farmer in Druelle Balsac raising two children alone: RSA and family allowances paid by MSA (not CAF), MSA health cover with C2S with participation; unknown to CPAM and Carsat; followed by the Chambre d'agriculture as a farmer in difficulty (restructuring plan under AREA).",
    );
    const kids = [child('persona:enfant-4', 'Bousquet', 'Léa', 2, '2011-09-17', a, f.menage), child('persona:enfant-5', 'Bousquet', 'Hugo', 1, '2014-02-03', a, f.menage)];
    for (const kid of kids) kid.regime = 'AGRICOLE';
    const m: Menage = { ref: f.menage, type: 'MONOPARENTAL', adresse: a, adultes: [f.ref], enfants: kids.map((k) => k.ref), ressourcesCents: 80_000 };
    menage(m);
    const famille = familyFile('MSA0012345', m, [
      {
        prestation: 'RSA',
        montantCents: scale2025.rsaCoupleOuParentUnEnfant + scale2025.rsaParEnfantSupplementaire - 80_000,
        dateDebut: '2025-04-01',
        etatRsa: 2,
        majore: false,
        soumisDroitsDevoirs: true,
      },
      { prestation: 'AF', montantCents: scale2025.allocationsFamiliales2Enfants, dateDebut: '2014-03-01' },
    ]);
    world.msa.push({
      numeroAdherent: 'MSA0012345',
      famille,
      sante: [f, ...kids].map((p) => coverage(p.ref, 'AVEC_PARTICIPATION')),
      retraites: [],
      activites: [{ personne: f.ref, statut: 'EXPLOITANT' }],
    });
  }

  // 12. Job seeker compensated by France Travail (ARE).
  {
    const a = adresse('12202', '31 rue Saint-Cyrice');
    const d = person(
      'demandeur-emploi',
      { sexe: 1, nomNaissance: 'Maurel', nomUsage: null, prenoms: ['Kévin'], dateNaissance: '1995-12-01', lieuNaissance: lieu.rodez, adresse: a, regime: 'GENERAL' },
      'menage:demandeur-emploi',
      'Laid off in 2026, registered at France Travail in category 1 with ARE (48.30 €/day); needs a driving licence and training; CPAM without C2S; unknown to CAF.',
    );
    menage({ ref: d.menage, type: 'PERSONNE_SEULE', adresse: a, adultes: [d.ref], enfants: [], ressourcesCents: 145_000 });
    cpam(d.ref, 'NON');
    carsatActif(d.ref, 28);
    franceTravail({
      personne: d.ref,
      identifiant: '0388214B',
      categorie: 1,
      dateInscription: '2026-06-15',
      indemnisation: { allocation: 'ARE', montantJournalierCents: 4_830, dateDebut: '2026-06-22', dateFinDroits: '2027-12-21' },
      conseiller: { nom: 'Julien Vaysse', agence: 'France Travail Onet-le-Château' },
      diagnostic: { date: '2026-07-02', contraintes: ['MOBILITE'], besoins: ['PERMIS_CONDUIRE', 'FORMATION'] },
    });
  }

  // 13. Homeless, sheltered through the SIAO.
  {
    const a = adresse('12202', 'Domiciliation CCAS, 26 rue Béteille');
    const h = person(
      'sans-domicile',
      { sexe: 1, nomNaissance: 'Roux', nomUsage: null, prenoms: ['Mickaël'], dateNaissance: '1979-08-26', lieuNaissance: { code: '13055', libelle: 'Marseille' }, adresse: a, regime: 'GENERAL' },
      'menage:sans-domicile',
      'Without a home since 2025, domiciled at the CCAS: SIAO emergency request, sheltered in a CHRS; RSA without housing deduction; France Travail category 1 with housing and health constraints; C2S.',
    );
    const m: Menage = { ref: h.menage, type: 'PERSONNE_SEULE', adresse: a, adultes: [h.ref], enfants: [], ressourcesCents: 0 };
    menage(m);
    caf('0990077', m, [{ prestation: 'RSA', montantCents: scale2025.rsaSeul, dateDebut: '2025-03-01', etatRsa: 2, majore: false, soumisDroitsDevoirs: true }]);
    cpam(h.ref, 'SANS_PARTICIPATION');
    carsatActif(h.ref, 64);
    franceTravail({
      personne: h.ref,
      identifiant: '0402951R',
      categorie: 1,
      dateInscription: '2025-04-02',
      indemnisation: null,
      conseiller: { nom: 'Claire Bouyssou', agence: 'France Travail Rodez Combarel' },
      diagnostic: { date: '2025-04-02', contraintes: ['LOGEMENT', 'SANTE', 'FINANCIERE'], besoins: ['ACCOMPAGNEMENT_RENFORCE'] },
    });
    world.siao.push({
      reference: 'SIAO-12-00042',
      personnes: [h.ref],
      nirConnu: true,
      dateDemande: '2025-02-14',
      type: 'URGENCE',
      statut: 'HEBERGEE',
      orientation: { dispositif: 'CHRS', structure: 'CHRS Rodez Agglomération', date: '2025-03-03' },
    });
  }
  // 14. Micro-entrepreneur artisan with a low turnover: prime d'activité, registered at the CMA, in post-creation support.
  {
    // Villefranche-de-Rouergue is outside the agglomeration's eight communes (geography.ts), so the address is written out here.
    const a: Adresse = { ligne: '9 rue du Sergent Bories', codePostal: '12200', commune: 'Villefranche-de-Rouergue', codeInsee: '12300' };
    // Born in Figeac, a birth place the random population never draws: no population NIR shifts because of her.
    const m = person(
      'micro-entrepreneur',
      {
        sexe: 2,
        nomNaissance: 'Costes',
        nomUsage: null,
        prenoms: ['Aurélie', 'Marie'],
        dateNaissance: '1991-06-14',
        lieuNaissance: { code: '46102', libelle: 'Figeac' },
        adresse: a,
        regime: 'GENERAL',
      },
      'menage:micro-entrepreneur',
      "Hairdresser at home in Villefranche-de-Rouergue since 2024 as a micro-entrepreneur with a low turnover: prime d'activité and APL; C2S with participation; registered at the CMA (qualified artisan), in post-creation support.",
    );
    const foyer: Menage = { ref: m.menage, type: 'PERSONNE_SEULE', adresse: a, adultes: [m.ref], enfants: [], ressourcesCents: 72_000 };
    menage(foyer);
    caf('0734512', foyer, [
      { prestation: 'PPA', montantCents: 21_480, dateDebut: '2024-07-01' },
      { prestation: 'APL', montantCents: 19_800, dateDebut: '2024-04-01' },
    ]);
    cpam(m.ref, 'AVEC_PARTICIPATION');
    carsatActif(m.ref, 34);
  }
  return { world, personas };
}

/** The Carsat record type is exported for tests that build their own. */
export type { DossierCarsat };
