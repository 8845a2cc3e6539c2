import { expect } from '@jest/globals';
import type { PersonaKey } from '@passerelle/mocks';

/**
 * What each persona's full file must show, partner by partner (values from
 * mocks/src/population/personas.ts, amounts in euros). `null`: that partner does not know
 * the person. Landlords are keyed by code; a landlord absent from an entry is not checked.
 */
interface ExpectedFile {
  identite: Record<string, unknown>;
  caf: Record<string, unknown> | null;
  cpam: Record<string, unknown> | null;
  carsat: Record<string, unknown> | null;
  logementSocial: Record<string, Record<string, unknown>> | null;
}

const cpam = (statut: string) => ({
  regime: 'GENERAL',
  caisse: "CPAM de l'Aveyron",
  dateDebutDroits: '2010-01-01',
  c2s: { statut, dateFin: statut === 'NON' ? null : '2027-05-01' },
  medecinTraitantDeclare: true,
  indemnitesJournalieresEnCours: false,
});
const actif = (trimestresValides: number) => ({ statut: 'ACTIF', trimestresValides, pensionMensuelle: null, aspa: null, actionSociale: [] });
const aucun = { rapprochement: { statut: 'AUCUN' }, baux: [], demandes: [] };

export const expectedFiles: Record<PersonaKey, ExpectedFile> = {
  'rsa-isolee': {
    identite: {
      nomNaissance: 'Delmas',
      nomUsage: null,
      prenoms: ['Séverine', 'Anne'],
      sexe: 'F',
      dateNaissance: '1986-04-17',
      lieuNaissance: { code: '12202', libelle: 'Rodez', estNeALEtranger: false },
    },
    caf: {
      numeroAllocataire: '0412345',
      role: 'ALLOCATAIRE',
      quotientFamilial: 569,
      rsa: { etat: 'OUVERT_VERSE', codeEtat: 2, majore: false, soumisDroitsEtDevoirs: true, montantMensuel: 568.94, dateDebut: '2024-02-01' },
      droits: [
        { prestation: 'RSA', montantMensuel: 568.94, dateDebut: '2024-02-01' },
        { prestation: 'APL', montantMensuel: 280, dateDebut: '2023-09-01' },
      ],
      paiementsRecents: [{ date: '2026-11-05', prestation: 'RSA', montant: 568.94 }, { date: '2026-11-05', prestation: 'APL', montant: 280 }, expect.objectContaining({ date: '2026-10-05' })],
    },
    cpam: cpam('SANS_PARTICIPATION'),
    carsat: actif(52),
    logementSocial: {
      RAH: {
        rapprochement: { statut: 'CERTAIN', criteres: ['NOM_IDENTIQUE', 'PRENOM_IDENTIQUE', 'DATE_NAISSANCE_IDENTIQUE', 'LIEU_NAISSANCE_NON_COMPARE'] },
        baux: [{ reference: 'RAH-2023-00417', typologie: 'T2', loyer: 317, charges: 45, solde: 246, moisImpayes: 3, enImpaye: true, planApurement: { mensualite: 40, respecte: false } }],
        demandes: [],
      },
      AH: aucun,
    },
  },
  'couple-parent-1': {
    identite: { nomNaissance: 'Benali', prenoms: ['Karim'], sexe: 'M', lieuNaissance: { code: '31555', libelle: 'Toulouse', estNeALEtranger: false } },
    caf: {
      numeroAllocataire: '0087654',
      role: 'ALLOCATAIRE',
      quotientFamilial: 641,
      rsa: null,
      foyer: {
        nombreAdultes: 2,
        enfants: [
          { prenom: 'Yanis', dateNaissance: '2012-03-14' },
          { prenom: 'Lina', dateNaissance: '2015-08-02' },
          { prenom: 'Adam', dateNaissance: '2020-01-27' },
        ],
      },
      droits: [
        { prestation: 'ALLOCATIONS_FAMILIALES', montantMensuel: 344.59, dateDebut: '2020-02-01' },
        { prestation: 'ALF', montantMensuel: 194, dateDebut: '2021-05-01' },
        { prestation: 'PRIME_ACTIVITE', montantMensuel: 118, dateDebut: '2025-01-01' },
      ],
    },
    cpam: cpam('AVEC_PARTICIPATION'),
    carsat: actif(76),
    logementSocial: {
      AH: { rapprochement: { statut: 'CERTAIN' }, baux: [{ reference: 'AH/12176/0932', typologie: 'T4', solde: 0, moisImpayes: 0, enImpaye: false, planApurement: null }] },
      RAH: aucun,
    },
  },
  'couple-parent-2': {
    identite: { nomNaissance: 'Vergnes', nomUsage: 'Benali', prenoms: ['Julie', 'Marie'] },
    caf: { numeroAllocataire: '0087654', role: 'CONJOINT', quotientFamilial: 641 },
    cpam: cpam('AVEC_PARTICIPATION'),
    carsat: actif(48),
    logementSocial: { AH: { rapprochement: { statut: 'CERTAIN', criteres: expect.arrayContaining(['NOM_USAGE']) }, baux: [{ reference: 'AH/12176/0932' }] } },
  },
  'retraite-aspa': {
    identite: { nomNaissance: 'Vidal', prenoms: ['Marcel', 'Joseph'], dateNaissance: '1942-02-08' },
    caf: { numeroAllocataire: '0203040', quotientFamilial: 612, rsa: null, droits: [{ prestation: 'ALS', montantMensuel: 179, dateDebut: '2018-04-01' }] },
    cpam: cpam('SANS_PARTICIPATION'),
    carsat: {
      statut: 'RETRAITE',
      trimestresValides: 118,
      dateEffet: '2002-03-01',
      pensionMensuelle: 612,
      aspa: { montantMensuel: 422.28, dateDebut: '2019-01-01' },
      actionSociale: [{ type: 'AIDE_MENAGERE', heuresMensuelles: 12, dateDebut: '2026-05-01', dateFin: '2027-05-01' }],
    },
    logementSocial: { AH: { rapprochement: { statut: 'CERTAIN', criteres: expect.arrayContaining(['LIEU_NAISSANCE_IDENTIQUE']) }, baux: [{ reference: 'AH/12264/0088', solde: 0 }] } },
  },
  'nom-usage': {
    identite: { nomNaissance: 'Fabré', nomUsage: 'Rouquette', prenoms: ['Marie-Hélène', 'Odette'], lieuNaissance: { code: '12145', libelle: 'Millau', estNeALEtranger: false } },
    caf: {
      numeroAllocataire: '1100456',
      quotientFamilial: 1344,
      droits: [
        { prestation: 'PRIME_ACTIVITE', montantMensuel: 163.5 },
        { prestation: 'APL', montantMensuel: 142 },
      ],
    },
    cpam: cpam('NON'),
    carsat: actif(101),
    logementSocial: {
      RAH: {
        rapprochement: { statut: 'CERTAIN', criteres: expect.arrayContaining(['NOM_COMPOSE_PARTIEL']) },
        baux: [{ reference: 'RAH-2021-01960', enImpaye: false }],
        demandes: [{ statut: 'ACTIVE', typologieSouhaitee: 'T3' }],
      },
    },
  },
  'homonyme-rodez': {
    identite: { nomNaissance: 'Martin', prenoms: ['Jean'], dateNaissance: '1985-03-14', lieuNaissance: { code: '12202' } },
    caf: { numeroAllocataire: '0555001', rsa: { etat: 'OUVERT_VERSE', montantMensuel: 346.52 } },
    cpam: cpam('SANS_PARTICIPATION'),
    carsat: actif(60),
    logementSocial: { RAH: { rapprochement: { statut: 'AMBIGU', explication: expect.any(String) }, baux: [], demandes: [] } },
  },
  'homonyme-millau': {
    identite: { nomNaissance: 'Martin', prenoms: ['Jean'], dateNaissance: '1985-03-14', lieuNaissance: { code: '12145' } },
    caf: null,
    cpam: cpam('NON'),
    carsat: actif(44),
    logementSocial: { RAH: { rapprochement: { statut: 'AMBIGU' }, baux: [], demandes: [] } },
  },
  'ne-en-corse': {
    identite: { nomNaissance: 'Santoni', lieuNaissance: { code: '2A004', libelle: 'Ajaccio', estNeALEtranger: false } },
    caf: { numeroAllocataire: '0770021', quotientFamilial: 1497, droits: [{ prestation: 'PRIME_ACTIVITE', montantMensuel: 97, dateDebut: '2024-11-01' }] },
    cpam: cpam('NON'),
    carsat: actif(56),
    logementSocial: null,
  },
  'ne-a-l-etranger': {
    identite: { nomNaissance: 'El Idrissi', prenoms: ['Fatima', 'Zahra'], lieuNaissance: { code: '99350', libelle: 'Maroc', estNeALEtranger: true } },
    caf: {
      numeroAllocataire: '0660123',
      quotientFamilial: 1033,
      droits: [
        { prestation: 'AAH', montantMensuel: 1033.32 },
        { prestation: 'APL', montantMensuel: 245 },
      ],
    },
    cpam: cpam('SANS_PARTICIPATION'),
    carsat: actif(38),
    logementSocial: {
      AH: { rapprochement: { statut: 'CERTAIN' }, baux: [{ reference: 'AH/12176/0415', solde: 520, moisImpayes: 4, enImpaye: true, planApurement: { mensualite: 50, respecte: true } }] },
    },
  },
  'exploitant-agricole': {
    identite: { nomNaissance: 'Bousquet', prenoms: ['Thierry', 'Henri'], lieuNaissance: { code: '12300', libelle: 'Villefranche-de-Rouergue' } },
    // Under the agricultural regime: MSA pays his RSA and family allowances, so CAF, CPAM and Carsat do not know him.
    caf: null,
    cpam: null,
    carsat: null,
    logementSocial: null,
  },
  'demandeur-emploi': {
    identite: { nomNaissance: 'Maurel', prenoms: ['Kévin'], dateNaissance: '1995-12-01' },
    caf: null,
    cpam: cpam('NON'),
    carsat: actif(28),
    logementSocial: null,
  },
  'sans-domicile': {
    identite: { nomNaissance: 'Roux', prenoms: ['Mickaël'], lieuNaissance: { code: '13055', libelle: 'Marseille' } },
    caf: { numeroAllocataire: '0990077', rsa: { etat: 'OUVERT_VERSE', montantMensuel: 646.52, dateDebut: '2025-03-01' } },
    cpam: cpam('SANS_PARTICIPATION'),
    carsat: actif(64),
    logementSocial: null,
  },
  'registre-seul': {
    identite: { nomNaissance: 'Roussel', prenoms: ['Inès'], dateNaissance: '2007-01-19' },
    caf: null,
    cpam: null,
    carsat: null,
    logementSocial: null,
  },
  'micro-entrepreneur': {
    identite: { nomNaissance: 'Costes', prenoms: ['Aurélie', 'Marie'], sexe: 'F', dateNaissance: '1991-06-14', lieuNaissance: { code: '46102', libelle: 'Figeac', estNeALEtranger: false } },
    caf: {
      numeroAllocataire: '0734512',
      quotientFamilial: 935,
      droits: [
        { prestation: 'PRIME_ACTIVITE', montantMensuel: 214.8, dateDebut: '2024-07-01' },
        { prestation: 'APL', montantMensuel: 198, dateDebut: '2024-04-01' },
      ],
    },
    cpam: cpam('AVEC_PARTICIPATION'),
    carsat: actif(34),
    logementSocial: null,
  },
};
