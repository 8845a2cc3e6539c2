import type { Population } from '../../population/createPopulation';
import type { PersonaKey } from '../../population/personas';
import { dateObservation } from '../../population/scale2025';
import type { DossierFranceTravail, Personne } from '../../population/types';
import { actionsDerivees, actionsRegion, type ActionRegion, type CodeDispositif } from './actionsRegion';
import { baremeMensuelCents, baremeOf, versementsOf, type CodeBareme, type Versement } from './remunerationStagiaire';

/** Enrolment state: `10` inscrit (entry planned), `20` en formation, `30` abandon (left before the end), `40` terminé. */
export type CodeStatut = '10' | '20' | '30' | '40';
/** Who pays the trainee: `REG` the Région's rémunération (paid by the ASP), `AREF` France Travail's ARE-Formation, `SANS` nobody. */
export type CodeRegime = 'REG' | 'AREF' | 'SANS';
/** State of a remuneration: `INS` being examined, `PAI` being paid, `SUS` suspended, `CLO` closed. */
export type CodeEtatRemuneration = 'INS' | 'PAI' | 'SUS' | 'CLO';

/** A trainee as the Région's system returns them (mocks/docs/region.md): dates `JJ/MM/AAAA`, amounts `"685,00"`. */
export interface StagiaireRegionLegacy {
  nir: string;
  dateNaissance: string;
  numeroStagiaire: string;
  inscriptions: Array<{
    action: {
      codeAction: string;
      intitule: string;
      dispositif: CodeDispositif;
      certification: { codeRncp: string; intitule: string } | null;
      organisme: { raisonSociale: string; siret: string };
      lieu: { commune: string; codeInsee: string };
      dateDebut: string;
      dateFin: string;
      dureeHeures: number;
    };
    codeStatut: CodeStatut;
    dateEntree: string;
    dateSortie: string | null;
    heuresRealisees: number;
    regimeRemuneration: CodeRegime;
    remuneration: {
      codeBareme: CodeBareme;
      montantMensuel: string;
      etat: CodeEtatRemuneration;
      versements: Array<{ periode: string; dateVersement: string; montant: string }>;
    } | null;
  }>;
}

/** An enrolment in the simulation's terms (ISO dates, cents), before it is written the system's way. */
interface Inscription {
  action: ActionRegion;
  statut: CodeStatut;
  dateEntree: string;
  dateSortie: string | null;
  heuresRealisees: number;
  regime: CodeRegime;
  remuneration: { bareme: CodeBareme; etat: CodeEtatRemuneration; versements: Versement[] } | null;
}

const frDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const euros = (cents: number) => (cents / 100).toFixed(2).replace('.', ',');

function toLegacy(p: Personne, numeroStagiaire: string, inscriptions: readonly Inscription[]): StagiaireRegionLegacy {
  return {
    nir: p.nir,
    dateNaissance: frDate(p.dateNaissance),
    numeroStagiaire,
    inscriptions: inscriptions.map((i) => ({
      action: { ...i.action, dateDebut: frDate(i.action.dateDebut), dateFin: frDate(i.action.dateFin) },
      codeStatut: i.statut,
      dateEntree: frDate(i.dateEntree),
      dateSortie: i.dateSortie === null ? null : frDate(i.dateSortie),
      heuresRealisees: i.heuresRealisees,
      regimeRemuneration: i.regime,
      remuneration: i.remuneration && {
        codeBareme: i.remuneration.bareme,
        montantMensuel: euros(baremeMensuelCents[i.remuneration.bareme]),
        etat: i.remuneration.etat,
        versements: i.remuneration.versements.map((v) => ({ periode: `${v.periode.slice(5, 7)}/${v.periode.slice(0, 4)}`, dateVersement: frDate(v.dateVersement), montant: euros(v.montantCents) })),
      },
    })),
  };
}

/**
 * The documented personas the Région knows. `rsa-isolee` (RSA, no unemployment benefit) is in a
 * pre-qualifying Projet Pro and paid the Région's rémunération at the 26-and-over rate;
 * `demandeur-emploi` is in a qualifying Qualif Pro action, but his ARE runs until December 2027,
 * so France Travail keeps paying him (as AREF) and the Région pays nothing.
 */
const personaRecords: ReadonlyArray<{ persona: PersonaKey; numeroStagiaire: string; inscription: (p: Personne) => Inscription }> = [
  {
    persona: 'rsa-isolee',
    numeroStagiaire: 'R760041233',
    inscription: (p) => {
      const action = actionsRegion.projetProServices;
      const bareme = baremeOf(p.dateNaissance, action.dateDebut, false);
      return {
        action,
        statut: '20',
        dateEntree: action.dateDebut,
        dateSortie: null,
        heuresRealisees: 392,
        regime: 'REG',
        remuneration: { bareme, etat: 'PAI', versements: versementsOf(baremeMensuelCents[bareme], action.dateDebut, action.dateFin) },
      };
    },
  },
  {
    persona: 'demandeur-emploi',
    numeroStagiaire: 'R760052817',
    inscription: () => ({
      action: actionsRegion.agentMagasinier,
      statut: '20',
      dateEntree: actionsRegion.agentMagasinier.dateDebut,
      dateSortie: null,
      heuresRealisees: 112,
      regime: 'AREF',
      remuneration: null,
    }),
  },
];

/** FNV-1a of a NIR: a stable pseudo-random number per person, so the derived records never change. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (const char of text) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return hash;
}

const dayMs = 86_400_000;
const toDay = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / dayMs;
const fromDay = (day: number) => new Date(day * dayMs).toISOString().slice(0, 10);

/** Hours done by `jusquau`, in proportion to the calendar days of the action elapsed. */
function heuresAu(action: ActionRegion, jusquau: string): number {
  const share = (toDay(jusquau) - toDay(action.dateDebut)) / (toDay(action.dateFin) - toDay(action.dateDebut));
  return Math.floor(action.dureeHeures * Math.min(1, Math.max(0, share)));
}

/**
 * One job seeker in five of France Travail's files *(share unverified)*, chosen by a hash of the
 * NIR, is enrolled in one of the Région's actions. Its state follows the action's dates at the
 * observation date (some leave early); who pays follows France Travail's file: ARE → AREF,
 * employed (category 5) → nobody, anyone else → the Région's rémunération, at the scale of their
 * age at entry.
 */
function derivedInscription(p: Personne, ft: DossierFranceTravail, hash: number): Inscription {
  const action = actionsDerivees[(hash >>> 3) % actionsDerivees.length]!;
  const started = action.dateDebut <= dateObservation;
  const ended = action.dateFin < dateObservation;
  const abandon = started && (hash >>> 7) % (ended ? 4 : 6) === 0;
  const lastDay = ended ? action.dateFin : fromDay(toDay(dateObservation) - 1);
  const dateSortie = abandon ? fromDay(toDay(action.dateDebut) + 1 + ((hash >>> 9) % Math.max(1, toDay(lastDay) - toDay(action.dateDebut)))) : ended ? action.dateFin : null;
  const statut: CodeStatut = !started ? '10' : abandon ? '30' : ended ? '40' : '20';
  const heuresRealisees = !started ? 0 : heuresAu(action, dateSortie ?? dateObservation);
  const regime: CodeRegime = ft.indemnisation?.allocation === 'ARE' ? 'AREF' : ft.categorie === 5 ? 'SANS' : 'REG';
  if (regime !== 'REG') return { action, statut, dateEntree: action.dateDebut, dateSortie, heuresRealisees, regime, remuneration: null };
  const bareme = baremeOf(p.dateNaissance, action.dateDebut, (hash >>> 11) % 3 === 0);
  const suspendue = statut === '20' && (hash >>> 13) % 8 === 0;
  const etat: CodeEtatRemuneration = statut === '10' ? 'INS' : statut === '20' ? (suspendue ? 'SUS' : 'PAI') : 'CLO';
  const all = statut === '10' ? [] : versementsOf(baremeMensuelCents[bareme], action.dateDebut, dateSortie ?? action.dateFin);
  // A suspension withholds the month the training body has not yet attested.
  const versements = suspendue ? all.slice(1) : all;
  return { action, statut, dateEntree: action.dateDebut, dateSortie, heuresRealisees, regime, remuneration: { bareme, etat, versements } };
}

/** Every trainee the system holds, by NIR: the personas' first, then those derived from France Travail's job seekers. */
export function stagiairesRegion(population: Population): ReadonlyMap<string, StagiaireRegionLegacy> {
  const stagiaires = new Map<string, StagiaireRegionLegacy>();
  for (const { persona, numeroStagiaire, inscription } of personaRecords) {
    const p = population.persona(persona);
    stagiaires.set(p.nir, toLegacy(p, numeroStagiaire, [inscription(p)]));
  }
  for (const ft of population.franceTravail) {
    const p = population.personneParRef.get(ft.personne);
    if (!p || p.ref.startsWith('persona:') || stagiaires.has(p.nir)) continue;
    const hash = hashOf(p.nir);
    if (hash % 5 !== 0) continue;
    stagiaires.set(p.nir, toLegacy(p, `R76${String(1_000_000 + (hash % 8_000_000)).padStart(7, '0')}`, [derivedInscription(p, ft, hash)]));
  }
  return stagiaires;
}
