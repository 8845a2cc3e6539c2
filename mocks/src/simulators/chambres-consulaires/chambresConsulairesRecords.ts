import type { Population } from '../../population/createPopulation';
import type { PersonaKey } from '../../population/personas';
import { dateObservation } from '../../population/scale2025';
import type { Personne } from '../../population/types';

/** A file as the system of Chambres consulaires de l'Aveyron returns it (mocks/docs/chambres-consulaires.md). */
export interface DossierChambresConsulairesLegacy {
  NIR: string;
  NUM_DOSSIER: string;
  ETAT: 'O' | 'S' | 'C';
  DATE_OUVERTURE: string;
  DATE_MAJ: string;
  ANTENNE: string;
}

/** The documented personas this partner follows; every other persona is unknown to it. */
const personaFiles: ReadonlyArray<{ persona: PersonaKey } & Omit<DossierChambresConsulairesLegacy, 'NIR' | 'ANTENNE'>> = [
  { persona: 'rsa-isolee', NUM_DOSSIER: 'CC-000101', ETAT: 'O', DATE_OUVERTURE: '20250312', DATE_MAJ: '20261002' },
  { persona: 'demandeur-emploi', NUM_DOSSIER: 'CC-000102', ETAT: 'O', DATE_OUVERTURE: '20240930', DATE_MAJ: '20261114' },
  { persona: 'sans-domicile', NUM_DOSSIER: 'CC-000103', ETAT: 'S', DATE_OUVERTURE: '20230605', DATE_MAJ: '20260921' },
];

/** FNV-1a of a NIR: a stable pseudo-random number per person, so the derived files never change. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (const char of text) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return hash;
}

const isoToLegacy = (iso: string) => iso.replaceAll('-', '');
const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * One adult in nine of the synthetic population (by hash of the NIR) has a file, opened
 * between 2019 and 2025, at the office of their commune; most are open.
 */
function derivedFile(p: Personne): DossierChambresConsulairesLegacy | null {
  const hash = hashOf(p.nir);
  if (hash % 9 !== 0 || p.dateNaissance > addDays(dateObservation, -18 * 365)) return null;
  const ouverture = addDays('2019-01-01', hash % 2400);
  const maj = addDays(ouverture, 30 + (hash % 400));
  return {
    NIR: p.nir,
    NUM_DOSSIER: `CC-${String(200_000 + (hash % 700_000)).padStart(6, '0')}`,
    ETAT: (['O', 'O', 'O', 'S', 'C'] as const)[hash % 5]!,
    DATE_OUVERTURE: isoToLegacy(ouverture),
    DATE_MAJ: isoToLegacy(maj < dateObservation ? maj : dateObservation),
    ANTENNE: p.adresse.commune,
  };
}

/** Every file the system holds, by NIR: the personas' first, then those derived from the population. */
export function filesChambresConsulaires(population: Population): ReadonlyMap<string, DossierChambresConsulairesLegacy> {
  const files = new Map<string, DossierChambresConsulairesLegacy>();
  for (const { persona, ...file } of personaFiles) {
    const p = population.persona(persona);
    files.set(p.nir, { NIR: p.nir, ...file, ANTENNE: p.adresse.commune });
  }
  const personas = new Set(population.personas.map((p) => p.ref));
  for (const p of population.personnes) {
    if (personas.has(p.ref) || files.has(p.nir)) continue;
    const file = derivedFile(p);
    if (file) files.set(p.nir, file);
  }
  return files;
}
