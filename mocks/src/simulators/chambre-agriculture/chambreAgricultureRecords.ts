import type { Population } from '../../population/createPopulation';
import { dateObservation } from '../../population/scale2025';
import type { Personne } from '../../population/types';
import { addDays, sirenOf, stableHash } from '../consulaires';

/** A farm as the Chambre d'agriculture's system returns it (mocks/docs/chambre-agriculture.md): dates `DD/MM/YYYY`. */
export interface ExploitationChambre {
  siren: string;
  raisonSociale: string;
  statutJuridique: 'INDIVIDUEL' | 'GAEC' | 'EARL' | 'SCEA';
  codeNaf: string;
  production: string;
  dateInstallation: string;
  dateCessation: string | null;
  /** Installed with the dotation jeunes agriculteurs. */
  dja: boolean;
}

/** A support service the chamber gave the farmer. */
export interface AccompagnementChambre {
  type: 'PAI' | 'PPP' | 'CONSEIL' | 'REAGIR' | 'AUDIT' | 'STE';
  libelle: string;
  debut: string;
  fin: string | null;
  service: string;
}

/** The follow-up of a farmer in difficulty (cellule Réagir, then the State's AREA scheme when a plan is drawn up). */
export interface SuiviDifficulteChambre {
  etape: 'SIGNALEMENT' | 'ECOUTE' | 'AUDIT' | 'PLAN' | 'SUIVI' | 'CLOS';
  dispositif: 'REAGIR' | 'AREA' | 'PROC_COLLECTIVE';
  dateSignalement: string;
  dateEtape: string;
}

/** One farmer: surname and first first name as typed, date of birth; no sex, birth place or NIR. */
export interface ExploitantChambre {
  nom: string;
  prenom: string;
  naissance: string;
  exploitations: ExploitationChambre[];
  accompagnements: AccompagnementChambre[];
  suiviDifficulte: SuiviDifficulteChambre | null;
}

/** `YYYY-MM-DD` → `DD/MM/YYYY`, the chamber's date format. */
export function toChambreDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

const service = {
  installation: "Chambre d'agriculture de l'Aveyron – Point accueil installation",
  entreprise: "Chambre d'agriculture de l'Aveyron – service Entreprise",
  difficulte: "Chambre d'agriculture de l'Aveyron – cellule Réagir (exploitants en difficulté)",
};

/** Productions of the Aveyron: NAF code and label *(the mix is unverified)*. */
const productions = [
  ['01.45Z', 'Ovins lait (brebis laitières)'],
  ['01.42Z', 'Bovins viande'],
  ['01.41Z', 'Bovins lait'],
  ['01.45Z', 'Ovins viande'],
  ['01.45Z', 'Caprins lait'],
  ['01.11Z', 'Grandes cultures'],
] as const;

/** The sheep farmer of the documented personas, in a restructuring plan under AREA since September 2026. */
function personaExploitant(p: Personne): ExploitantChambre {
  return {
    nom: p.nomNaissance.toUpperCase(),
    prenom: p.prenoms[0]!,
    naissance: toChambreDate(p.dateNaissance),
    exploitations: [
      {
        siren: '404383218',
        raisonSociale: 'BOUSQUET THIERRY',
        statutJuridique: 'INDIVIDUEL',
        codeNaf: '01.45Z',
        production: 'Ovins lait (brebis laitières)',
        dateInstallation: '01/04/1996',
        dateCessation: null,
        dja: true,
      },
    ],
    accompagnements: [
      { type: 'PAI', libelle: 'Point accueil installation', debut: '12/09/1995', fin: '12/09/1995', service: service.installation },
      { type: 'PPP', libelle: 'Plan de professionnalisation personnalisé', debut: '02/10/1995', fin: '29/03/1996', service: service.installation },
      { type: 'REAGIR', libelle: 'Écoute et pré-diagnostic de l’exploitation', debut: '10/02/2026', fin: '31/03/2026', service: service.difficulte },
      { type: 'AUDIT', libelle: 'Audit global de l’exploitation', debut: '07/04/2026', fin: '30/06/2026', service: service.entreprise },
      { type: 'STE', libelle: 'Suivi technico-économique du plan de restructuration', debut: '15/09/2026', fin: null, service: service.entreprise },
    ],
    suiviDifficulte: { etape: 'PLAN', dispositif: 'AREA', dateSignalement: '27/01/2026', dateEtape: '15/09/2026' },
  };
}

/**
 * Every farm operator of the synthetic population (MSA's `EXPLOITANT`s) is known to the chamber,
 * with their farm; about one in ten is followed as a farmer in difficulty *(unverified share)*,
 * chosen by a hash of the NIR.
 */
function derivedExploitant(p: Personne): ExploitantChambre {
  const hash = stableHash(`chambre-agriculture:${p.nir}`);
  const [codeNaf, production] = productions[hash % productions.length]!;
  const statut = (['INDIVIDUEL', 'INDIVIDUEL', 'GAEC', 'EARL', 'INDIVIDUEL', 'SCEA'] as const)[hash % 6]!;
  const installation = addDays(`${Number(p.dateNaissance.slice(0, 4)) + 24}-01-01`, hash % 3000);
  const installee = installation < dateObservation ? installation : addDays(dateObservation, -400);
  const nom = p.nomNaissance.toUpperCase();
  const accompagnements: AccompagnementChambre[] =
    hash % 2 === 0
      ? [{ type: 'PAI', libelle: 'Point accueil installation', debut: toChambreDate(addDays(installee, -200)), fin: toChambreDate(addDays(installee, -200)), service: service.installation }]
      : [];
  let suiviDifficulte: SuiviDifficulteChambre | null = null;
  if (hash % 10 === 3) {
    const signalement = addDays(dateObservation, -(30 + (hash % 700)));
    const etape = (['SIGNALEMENT', 'ECOUTE', 'AUDIT', 'PLAN', 'SUIVI', 'CLOS'] as const)[hash % 6]!;
    const dispositif = etape === 'PLAN' || etape === 'SUIVI' ? 'AREA' : hash % 13 === 0 ? 'PROC_COLLECTIVE' : 'REAGIR';
    suiviDifficulte = { etape, dispositif, dateSignalement: toChambreDate(signalement), dateEtape: toChambreDate(addDays(signalement, 20 + (hash % 10))) };
    accompagnements.push({
      type: 'REAGIR',
      libelle: 'Écoute et pré-diagnostic de l’exploitation',
      debut: toChambreDate(addDays(signalement, 14)),
      fin: etape === 'SIGNALEMENT' ? null : toChambreDate(addDays(signalement, 20)),
      service: service.difficulte,
    });
  }
  return {
    nom,
    prenom: p.prenoms[0]!,
    naissance: toChambreDate(p.dateNaissance),
    exploitations: [
      {
        siren: sirenOf(hash),
        raisonSociale: statut === 'INDIVIDUEL' ? `${nom} ${p.prenoms[0]!.toUpperCase()}` : `${statut} ${nom}`,
        statutJuridique: statut,
        codeNaf,
        production,
        dateInstallation: toChambreDate(installee),
        dateCessation: null,
        dja: hash % 3 === 0,
      },
    ],
    accompagnements,
    suiviDifficulte,
  };
}

/** Every farmer the chamber knows, by date of birth (`DD/MM/YYYY`): the persona first, then MSA's farm operators. */
export function exploitantsChambre(population: Population): ReadonlyMap<string, readonly ExploitantChambre[]> {
  const byDate = new Map<string, ExploitantChambre[]>();
  const add = (e: ExploitantChambre) => byDate.set(e.naissance, [...(byDate.get(e.naissance) ?? []), e]);
  const persona = population.persona('exploitant-agricole');
  add(personaExploitant(persona));
  for (const dossier of population.msa) {
    for (const activite of dossier.activites) {
      if (activite.statut !== 'EXPLOITANT' || activite.personne === persona.ref) continue;
      const p = population.personneParRef.get(activite.personne);
      if (p) add(derivedExploitant(p));
    }
  }
  return byDate;
}
