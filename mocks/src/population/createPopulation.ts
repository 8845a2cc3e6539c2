import { generateWorld, type WorldOptions } from './generateWorld';
import type { PersonaInfo, PersonaKey } from './personas';
import type { AssureCpam, Bail, DemandeLogement, DemandeSiao, DossierCaf, DossierCarsat, DossierFranceTravail, DossierMsa, Personne, World } from './types';

/** The world with the look-ups the simulators need, built once per simulator instance. */
export interface Population extends World {
  personas: PersonaInfo[];
  personneParNir: ReadonlyMap<string, Personne>;
  personneParRef: ReadonlyMap<string, Personne>;
  /** People born on a date (`YYYY-MM-DD`), for searches by date of birth. */
  personnesNeesLe: ReadonlyMap<string, readonly Personne[]>;
  dossierCafParRef: ReadonlyMap<string, DossierCaf>;
  assureCpamParRef: ReadonlyMap<string, AssureCpam>;
  dossierCarsatParRef: ReadonlyMap<string, DossierCarsat>;
  /** Leases and applications by the tenant's declared date of birth. */
  bauxParDateNaissance: ReadonlyMap<string, readonly Bail[]>;
  demandesParDateNaissance: ReadonlyMap<string, readonly DemandeLogement[]>;
  /** MSA file of any member of an agricultural household. */
  dossierMsaParRef: ReadonlyMap<string, DossierMsa>;
  dossierFranceTravailParRef: ReadonlyMap<string, DossierFranceTravail>;
  dossierFranceTravailParIdentifiant: ReadonlyMap<string, DossierFranceTravail>;
  /** SIAO requests each person is part of. */
  demandesSiaoParRef: ReadonlyMap<string, readonly DemandeSiao[]>;
  persona(key: PersonaKey): Personne;
}

function group<T>(items: readonly T[], keysOf: (item: T) => string[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) for (const key of new Set(keysOf(item))) map.set(key, [...(map.get(key) ?? []), item]);
  return map;
}

export function createPopulation(options: WorldOptions = {}): Population {
  const world = generateWorld(options);
  const personneParRef = new Map(world.personnes.map((p) => [p.ref, p]));
  const dossierCafParRef = new Map<string, DossierCaf>();
  for (const dossier of world.caf) for (const ref of [dossier.allocataire, dossier.conjoint]) if (ref) dossierCafParRef.set(ref, dossier);
  return {
    ...world,
    personneParNir: new Map(world.personnes.map((p) => [p.nir, p])),
    personneParRef,
    personnesNeesLe: group(world.personnes, (p) => [p.dateNaissance]),
    dossierCafParRef,
    assureCpamParRef: new Map(world.cpam.map((a) => [a.personne, a])),
    dossierCarsatParRef: new Map(world.carsat.map((d) => [d.personne, d])),
    bauxParDateNaissance: group(world.baux, (b) => b.titulaires.map((t) => t.dateNaissance)),
    demandesParDateNaissance: group(world.demandes, (d) => [d.demandeur.dateNaissance]),
    dossierMsaParRef: new Map(world.msa.flatMap((d) => d.sante.map((s) => [s.personne, d] as const))),
    dossierFranceTravailParRef: new Map(world.franceTravail.map((d) => [d.personne, d])),
    dossierFranceTravailParIdentifiant: new Map(world.franceTravail.map((d) => [d.identifiant, d])),
    demandesSiaoParRef: group(world.siao, (d) => d.personnes),
    persona(key) {
      const found = personneParRef.get(`persona:${key}`);
      if (!found) throw new RangeError(`unknown persona ${key}`);
      return found;
    },
  };
}
