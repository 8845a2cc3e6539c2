import type { Population } from '../../population/createPopulation';
import { dateObservation } from '../../population/scale2025';
import type { Personne } from '../../population/types';
import { addDays, hashOf, legacy } from '../departement/isoDates';
import { evenements, lieux, type CodeService, type LieuLegacy } from './annuaireAccueil';
import type { InscriptionLegacy } from './createInscriptionStore';
import type { EtapeOrientation, OrientationLegacy, StatutOrientation } from './createOrientationStore';
import type { PassageLegacy } from './createPassageStore';

/** What the reception system held on the observation date, recorded over the year before it. */
export interface HistoriqueAccueil {
  passages: PassageLegacy[];
  orientations: OrientationLegacy[];
  inscriptions: InscriptionLegacy[];
}

/** The year of history: the 365 days before the observation date (2025-11-01 to 2026-10-31). */
const jours = 365;
const debut = addDays(dateObservation, -jours);
const observation = legacy(dateObservation);

/**
 * Why a person comes, from what the other systems know of them (mocks/docs/accueil.md): the
 * services they come for, how likely they are to come in the year (out of 100) and at most how
 * many visits *(shares unverified: orders of magnitude for an agency of 20,000 people)*.
 */
interface Profil {
  services: readonly CodeService[];
  chance: number;
  visitesMax: number;
}
function profilDe(p: Personne, population: Population): Profil | null {
  const age = Number(dateObservation.slice(0, 4)) - Number(p.dateNaissance.slice(0, 4));
  if (age < 18) return null;
  if ((population.demandesSiaoParRef.get(p.ref)?.length ?? 0) > 0) return { services: ['DOMICILIATION', 'ALIMENTAIRE', 'ACC_SOCIAL', 'ACC_GEN'], chance: 90, visitesMax: 14 };
  const rsa = population.dossierCafParRef.get(p.ref)?.droits.some((d) => d.prestation === 'RSA' && [2, 3, 4].includes(d.etatRsa ?? 0)) ?? false;
  const demandeur = population.dossierFranceTravailParRef.get(p.ref);
  if (rsa) return { services: ['ACCES_DROITS', 'ACC_SOCIAL', 'ALIMENTAIRE', 'EMPLOI', 'NUMERIQUE', 'LOGEMENT'], chance: 60, visitesMax: 7 };
  if (demandeur) {
    const contraintes = demandeur.diagnostic.contraintes;
    const services: CodeService[] = ['EMPLOI', 'ACC_GEN'];
    if (contraintes.includes('NUMERIQUE')) services.push('NUMERIQUE');
    if (contraintes.includes('LOGEMENT')) services.push('LOGEMENT');
    if (contraintes.includes('FINANCIERE') || contraintes.includes('ADMINISTRATIVE')) services.push('ACCES_DROITS');
    return { services, chance: 30, visitesMax: 5 };
  }
  if (age >= 65) return { services: ['ACCES_DROITS', 'NUMERIQUE', 'ACC_GEN'], chance: 8, visitesMax: 3 };
  return { services: ['ACC_GEN', 'ACCES_DROITS', 'NUMERIQUE', 'LOGEMENT'], chance: 9, visitesMax: 3 };
}

/** The places a person of this commune goes to for this service: the nearest that offer it, else any that does. */
const proches: Readonly<Record<string, readonly string[]>> = {
  '12202': ['MDS-RODEZ', 'CCAS-RODEZ', 'FS-RODEZ', 'TLS-RODEZ'],
  '12176': ['CCAS-ONET', 'FS-RODEZ', 'MDS-RODEZ'],
  '12133': ['FS-LUC', 'MDS-RODEZ'],
};
function lieuPour(service: CodeService, commune: string, draw: number): LieuLegacy {
  const offrent = lieux.filter((l) => l.services.includes(service));
  const pres = offrent.filter((l) => (proches[commune] ?? ['FS-LUC', 'FS-RODEZ', 'MDS-RODEZ']).includes(l.code_lieu));
  const choix = pres.length > 0 ? pres : offrent;
  return choix[draw % choix.length]!;
}

/** The first day on or after `iso` the place is open (`jour` 1 Monday … 7 Sunday), `YYYY-MM-DD`. */
function jourOuvert(lieu: LieuLegacy, iso: string): string {
  const ouverts = new Set(lieu.horaires.map((h) => h.jour));
  let jour = iso;
  for (let n = 0; n < 7 && !ouverts.has(((new Date(`${jour}T00:00:00Z`).getUTCDay() + 6) % 7) + 1); n++) jour = addDays(jour, 1);
  return jour;
}

/** The referral a visit for this service leads to, if any: reason, target (a partner of the directory or a place), by the person's situation. */
function orientationPour(service: CodeService, p: Personne, age: number): { code_motif: string; type_cible: 'PART' | 'LIEU'; code_cible: string } | null {
  switch (service) {
    case 'EMPLOI':
      return { code_motif: 'EMP', type_cible: 'PART', code_cible: 'FT' };
    case 'LOGEMENT':
      return { code_motif: 'LOG', type_cible: 'PART', code_cible: 'BAIL' };
    case 'DOMICILIATION':
      return { code_motif: 'HEB', type_cible: 'PART', code_cible: 'SIAO' };
    case 'ALIMENTAIRE':
      return { code_motif: 'FIN', type_cible: 'PART', code_cible: 'CCAS' };
    case 'ACC_SOCIAL':
      return { code_motif: 'ACS', type_cible: 'PART', code_cible: 'CD12' };
    case 'NUMERIQUE':
      return { code_motif: 'NUM', type_cible: 'LIEU', code_cible: 'TLS-RODEZ' };
    case 'ACCES_DROITS':
      if (age >= 62) return { code_motif: 'RET', type_cible: 'PART', code_cible: 'CARSAT' };
      return p.regime === 'AGRICOLE'
        ? { code_motif: 'DRT', type_cible: 'PART', code_cible: 'MSA' }
        : { code_motif: age % 2 === 0 ? 'DRT' : 'SAN', type_cible: 'PART', code_cible: age % 2 === 0 ? 'CAF' : 'CPAM' };
    default:
      return null;
  }
}

/** A referral's life after the visit: answered within days (never left proposed past the observation), then carried out or abandoned within weeks. */
function etapesDe(date: string, auteur: string, cible: string, draw: number): { statut: StatutOrientation; motif_refus: string | null; etapes: EtapeOrientation[] } {
  const cap = (iso: string) => (legacy(iso) > observation ? observation : legacy(iso));
  const etapes: EtapeOrientation[] = [{ statut: 'PRO', date_etape: legacy(date), auteur }];
  const reponse = cap(addDays(date, 2 + (draw % 12)));
  const partenaire = `agent ${cible}`;
  if ((draw >>> 4) % 100 < 22) {
    etapes.push({ statut: 'REF', date_etape: reponse, auteur: partenaire });
    return { statut: 'REF', motif_refus: (draw >>> 8) % 2 === 0 ? 'Hors compétence' : 'Situation déjà suivie', etapes };
  }
  etapes.push({ statut: 'ACC', date_etape: reponse, auteur: partenaire });
  const fin = addDays(date, 15 + ((draw >>> 12) % 60));
  if (legacy(fin) > observation) return { statut: 'ACC', motif_refus: null, etapes };
  const statut = (draw >>> 20) % 100 < 78 ? 'REA' : 'ABA';
  etapes.push({ statut, date_etape: legacy(fin), auteur: partenaire });
  return { statut, motif_refus: null, etapes };
}

/**
 * The reception system's history, derived deterministically from the population (its seed and
 * each person's NIR, mocks/docs/accueil.md): over the year before the observation date, visits
 * at the network's places for the services each person's situation calls for (a SIAO request,
 * an open RSA right, a registration with France Travail and its diagnosed constraints, age);
 * one visit in three for a service with a partner behind it leads to a referral, whose steps are
 * dated; the tiers-lieu's past events get sign-ups from the year's visitors, with cancellations
 * and attendance. Never a persona: tests build their records through the graph. Ids are in their
 * own series (`PAS-H…`, `ORI-H…`, `INS-H…`), so the ids the system gives while it runs are the
 * same as without a history.
 */
export function historiqueAccueil(population: Population): HistoriqueAccueil {
  const passages: PassageLegacy[] = [];
  const orientations: OrientationLegacy[] = [];
  const visiteurs: string[] = [];
  for (const p of population.personnes) {
    if (p.ref.startsWith('persona:')) continue;
    const profil = profilDe(p, population);
    if (profil === null) continue;
    const draw = hashOf(`accueil:${population.seed}:${p.nir}`);
    if (draw % 100 >= profil.chance) continue;
    visiteurs.push(p.nir);
    const age = Number(dateObservation.slice(0, 4)) - Number(p.dateNaissance.slice(0, 4));
    const visites = 1 + ((draw >>> 8) % profil.visitesMax);
    for (let v = 0; v < visites; v++) {
      const d = hashOf(`accueil:${population.seed}:${p.nir}:${v}`);
      const service = profil.services[d % profil.services.length]!;
      const lieu = lieuPour(service, p.adresse.codeInsee, d >>> 4);
      const jour = jourOuvert(lieu, addDays(debut, (d >>> 8) % jours));
      if (jour >= dateObservation) continue;
      const auteur = `accueil ${lieu.code_lieu}`;
      // One register in ten is typed in a few days late.
      const saisie = (d >>> 20) % 10 === 0 ? addDays(jour, 1 + ((d >>> 24) % 5)) : jour;
      passages.push({
        id_passage: '',
        nir: p.nir,
        code_lieu: lieu.code_lieu,
        date_passage: legacy(jour),
        code_motif: service,
        auteur,
        date_saisie: legacy(saisie > dateObservation ? dateObservation : saisie),
      });
      const cible = (d >>> 28) % 3 === 0 ? orientationPour(service, p, age) : null;
      if (cible !== null) {
        orientations.push({
          id_orientation: '',
          nir: p.nir,
          ...cible,
          motif_libre: null,
          auteur,
          date_orientation: legacy(jour),
          ...etapesDe(jour, auteur, cible.code_cible, hashOf(`orientation:${population.seed}:${p.nir}:${v}`)),
        });
      }
    }
  }
  // Recording order: by day (a passage typed in late is recorded when typed).
  passages.sort((a, b) => a.date_saisie.localeCompare(b.date_saisie) || a.date_passage.localeCompare(b.date_passage));
  orientations.sort((a, b) => a.date_orientation.localeCompare(b.date_orientation));
  passages.forEach((x, n) => (x.id_passage = `PAS-H${String(n + 1).padStart(6, '0')}`));
  orientations.forEach((x, n) => (x.id_orientation = `ORI-H${String(n + 1).padStart(6, '0')}`));
  return { passages, orientations, inscriptions: inscriptionsPassees(population.seed, visiteurs) };
}

/**
 * Sign-ups to the tiers-lieu's past events, from the year's visitors: most seats taken, one
 * sign-up in ten cancelled a day or two before, attendance recorded for most of the others.
 */
function inscriptionsPassees(seed: number, visiteurs: readonly string[]): InscriptionLegacy[] {
  const inscriptions: InscriptionLegacy[] = [];
  if (visiteurs.length === 0) return inscriptions;
  for (const e of evenements.filter((x) => x.date_evt < observation)) {
    const draw = hashOf(`evenement:${seed}:${e.id_evenement}`);
    const voulues = Math.round((e.places_total * (70 + (draw % 31))) / 100);
    const jour = `${e.date_evt.slice(0, 4)}-${e.date_evt.slice(4, 6)}-${e.date_evt.slice(6, 8)}`;
    const pris = new Set<string>();
    let actives = 0;
    for (let k = 0; actives < voulues && k < voulues * 3; k++) {
      const d = hashOf(`inscription:${seed}:${e.id_evenement}:${k}`);
      const nir = visiteurs[d % visiteurs.length]!;
      if (pris.has(nir)) continue;
      pris.add(nir);
      const inscrite = addDays(jour, -(3 + ((d >>> 8) % 20)));
      const annulee = (d >>> 16) % 10 === 0;
      if (!annulee) actives += 1;
      const presence = annulee || (d >>> 20) % 20 === 0 ? null : (d >>> 24) % 100 < 78 ? 'P' : 'A';
      inscriptions.push({
        id_inscription: '',
        id_evenement: e.id_evenement,
        nir,
        statut: annulee ? 'ANN' : 'INS',
        date_inscription: legacy(inscrite),
        auteur: 'accueil TLS-RODEZ',
        date_annulation: annulee ? legacy(addDays(jour, -1 - ((d >>> 4) % 2))) : null,
        auteur_annulation: annulee ? "l'usager" : null,
        presence,
        auteur_presence: presence === null ? null : 'accueil TLS-RODEZ',
      });
    }
  }
  inscriptions.sort((a, b) => a.date_inscription.localeCompare(b.date_inscription));
  inscriptions.forEach((x, n) => (x.id_inscription = `INS-H${String(n + 1).padStart(6, '0')}`));
  return inscriptions;
}
