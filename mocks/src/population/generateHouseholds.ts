import type { Faker } from '@faker-js/faker';
import type { NirAllocator } from './createNirAllocator';
import { autresLieuxFrance, communesRodezAgglo, lieuxCorse, lieuxOutreMer, paysNaissance } from './geography';
import { dateObservation } from './scale2025';
import type { Adresse, LieuNaissance, Menage, Personne, TypeMenage } from './types';

/**
 * Shares used to draw households. Orders of magnitude for an urban area of Aveyron
 * *(unverified: INSEE household structure of the agglomeration, rounded)*.
 */
export const householdShares = {
  type: { PERSONNE_SEULE: 0.37, COUPLE_SANS_ENFANT: 0.27, COUPLE_AVEC_ENFANTS: 0.25, MONOPARENTAL: 0.11 },
  enfants: { 1: 0.45, 2: 0.38, 3: 0.13, 4: 0.04 },
  /** Below the poverty line (≈ 15.5 % in Aveyron), modest, comfortable. */
  revenus: { pauvre: 0.155, modeste: 0.3 },
  regime: { AGRICOLE: 0.08, AUTRE: 0.05 },
  naissance: { agglo: 0.45, france: 0.42, corse: 0.005, outreMer: 0.015, etranger: 0.11 },
  nomCompose: 0.04,
  nomUsageConjointe: 0.55,
} as const;

function pickWeighted<T extends string>(faker: Faker, weights: Record<T, number>): T {
  const entries = Object.entries(weights) as [T, number][];
  let draw = faker.number.float({ min: 0, max: entries.reduce((s, [, w]) => s + w, 0) });
  for (const [value, weight] of entries) {
    draw -= weight;
    if (draw <= 0) return value;
  }
  return entries[entries.length - 1]![0];
}

function birthDate(faker: Faker, minAge: number, maxAge: number): string {
  const obs = new Date(`${dateObservation}T00:00:00Z`);
  const from = new Date(obs);
  from.setUTCFullYear(obs.getUTCFullYear() - maxAge - 1);
  const to = new Date(obs);
  to.setUTCFullYear(obs.getUTCFullYear() - minAge);
  return faker.date.between({ from, to }).toISOString().slice(0, 10);
}

function birthPlace(faker: Faker, home: Adresse): LieuNaissance {
  const where = pickWeighted(faker, householdShares.naissance);
  if (where === 'agglo') return { code: home.codeInsee, libelle: home.commune };
  const list = { france: autresLieuxFrance, corse: lieuxCorse, outreMer: lieuxOutreMer, etranger: paysNaissance }[where];
  return faker.helpers.arrayElement(list);
}

function address(faker: Faker): Adresse {
  const commune = faker.helpers.weightedArrayElement(communesRodezAgglo.map((c) => ({ value: c, weight: c.population })));
  return {
    ligne: `${faker.number.int({ min: 1, max: 120 })} ${faker.location.street()}`,
    codePostal: commune.codePostal,
    commune: commune.nom,
    codeInsee: commune.codeInsee,
  };
}

function lastName(faker: Faker): string {
  const name = faker.person.lastName();
  return faker.datatype.boolean(householdShares.nomCompose) ? `${name}-${faker.person.lastName()}` : name;
}

function firstNames(faker: Faker, sexe: 1 | 2): string[] {
  const count = faker.helpers.weightedArrayElement([
    { value: 1, weight: 4 },
    { value: 2, weight: 4 },
    { value: 3, weight: 2 },
  ]);
  const sex = sexe === 1 ? 'male' : 'female';
  return Array.from({ length: count }, () => faker.person.firstName(sex)).filter((n, i, all) => all.indexOf(n) === i);
}

/** Draws random households until `size` people exist (on top of `startRef` already used). */
export function generateHouseholds(faker: Faker, nirs: NirAllocator, size: number, startRef: number): { personnes: Personne[]; menages: Menage[] } {
  const personnes: Personne[] = [];
  const menages: Menage[] = [];
  let next = startRef;
  while (personnes.length < size) {
    const ref = `m${String(menages.length + 1).padStart(6, '0')}`;
    const type: TypeMenage = pickWeighted(faker, householdShares.type);
    const adresse = address(faker);
    const regime = pickWeighted(faker, { ...householdShares.regime, GENERAL: 1 - householdShares.regime.AGRICOLE - householdShares.regime.AUTRE });
    const couple = type === 'COUPLE_SANS_ENFANT' || type === 'COUPLE_AVEC_ENFANTS';
    const withChildren = type === 'COUPLE_AVEC_ENFANTS' || type === 'MONOPARENTAL';
    const [minAge, maxAge] = withChildren ? [22, 58] : type === 'PERSONNE_SEULE' ? [18, 95] : [24, 92];
    const make = (sexe: 1 | 2, dateNaissance: string, nomNaissance: string, nomUsage: string | null): Personne => {
      const lieuNaissance = birthPlace(faker, adresse);
      next += 1;
      return {
        ref: `p${String(next).padStart(6, '0')}`,
        nir: nirs.allocate(sexe, dateNaissance, lieuNaissance.code),
        sexe,
        nomNaissance,
        nomUsage,
        prenoms: firstNames(faker, sexe),
        dateNaissance,
        lieuNaissance,
        menage: ref,
        adresse,
        regime,
      };
    };
    const first = make(faker.helpers.arrayElement([1, 2] as const), birthDate(faker, minAge, maxAge), lastName(faker), null);
    const adultes = [first];
    if (couple) {
      const sexe: 1 | 2 = first.sexe === 1 ? 2 : 1;
      const nom = lastName(faker);
      const usage = sexe === 2 && faker.datatype.boolean(householdShares.nomUsageConjointe) ? first.nomNaissance : null;
      const age = Math.max(18, Math.min(95, /* partners are of similar age */ 2026 - Number(first.dateNaissance.slice(0, 4)) + faker.number.int({ min: -4, max: 4 })));
      adultes.push(make(sexe, birthDate(faker, age, age), nom, usage));
    }
    const enfants: Personne[] = [];
    if (withChildren) {
      const count = Number(pickWeighted(faker, { 1: 0.45, 2: 0.38, 3: 0.13, 4: 0.04 }));
      const parentAge = 2026 - Number(first.dateNaissance.slice(0, 4));
      for (let i = 0; i < count; i += 1) {
        enfants.push(make(faker.helpers.arrayElement([1, 2] as const), birthDate(faker, 0, Math.min(19, parentAge - 18)), first.nomNaissance, null));
      }
    }
    const revenu = pickWeighted(faker, { ...householdShares.revenus, aise: 1 - householdShares.revenus.pauvre - householdShares.revenus.modeste });
    const perAdult = { pauvre: [20_000, 115_000], modeste: [90_000, 170_000], aise: [180_000, 450_000] }[revenu] as [number, number];
    const ressourcesCents = adultes.reduce((sum) => sum + faker.number.int({ min: perAdult[0], max: perAdult[1] }), 0);
    menages.push({ ref, type, adresse, adultes: adultes.map((p) => p.ref), enfants: enfants.map((p) => p.ref), ressourcesCents });
    personnes.push(...adultes, ...enfants);
  }
  return { personnes, menages };
}
