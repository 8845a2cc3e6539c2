import type { Faker } from '@faker-js/faker';
import { normalizeName } from '@passerelle/subgraph-kit/identity';
import { monthsBefore } from './ageAt';
import { scale2025 } from './scale2025';
import type { Bail, CodeBailleur, DemandeLogement, IdentiteDeclaree, Menage, Personne } from './types';

/** How each landlord's agents type identities: RAH keeps accents, AH upper-cases without them and records birth places half the time *(unverified: illustrative of real variation)*. */
export function declaredIdentity(faker: Faker, personne: Personne, bailleur: CodeBailleur): IdentiteDeclaree {
  const nom = personne.nomUsage && faker.datatype.boolean(0.7) ? personne.nomUsage : personne.nomNaissance;
  const prenom = personne.prenoms[0] ?? '';
  const typed = bailleur === 'ah' ? { nom: normalizeName(nom), prenom: normalizeName(prenom) } : { nom: nom.toUpperCase(), prenom };
  return {
    ...typed,
    dateNaissance: personne.dateNaissance,
    codeLieuNaissance: bailleur === 'ah' && faker.datatype.boolean(0.5) ? personne.lieuNaissance.code : null,
    personne: personne.ref,
  };
}

function typologyFor(menage: Menage): Bail['typologie'] {
  const persons = menage.adultes.length + menage.enfants.length;
  return (['T1', 'T2', 'T3', 'T4', 'T5'] as const)[Math.min(4, Math.max(0, persons - 1))]!;
}

/** A lease of a social landlord for the household, with arrears for some. */
export function deriveBail(faker: Faker, menage: Menage, adultes: Personne[], bailleur: CodeBailleur, reference: string): Bail {
  const typologie = typologyFor(menage);
  const [min, max] = scale2025.loyers[typologie];
  const loyerCents = faker.number.int({ min, max });
  const chargesCents = faker.number.int({ min: 3_000, max: 9_000 });
  const moisImpayes = faker.datatype.boolean(0.15) ? faker.number.int({ min: 1, max: 8 }) : 0;
  const soldeCents = moisImpayes * Math.round((loyerCents + chargesCents) * faker.number.float({ min: 0.3, max: 1 }));
  const plan = moisImpayes >= 2 && faker.datatype.boolean(0.5);
  return {
    bailleur,
    reference,
    titulaires: adultes.map((p) => declaredIdentity(faker, p, bailleur)),
    typologie,
    surface: Math.round((loyerCents / 100 / faker.number.float({ min: 5, max: 6 })) * 10) / 10,
    adresse: menage.adresse,
    loyerCents,
    chargesCents,
    soldeCents,
    moisImpayes,
    planApurement: plan ? { mensualiteCents: Math.ceil(soldeCents / 12 / 100) * 100, dateDebut: monthsBefore(2, 1), dateFin: monthsBefore(-10, 1), respecte: faker.datatype.boolean(0.6) } : null,
    dateEntree: monthsBefore(faker.number.int({ min: 6, max: 240 }), 1),
  };
}

/**
 * Numéro unique SNE *(format simplified)*: département (3) + year (2) + month (2) of the
 * first application + sequence (5) + a control letter. It stays the same on renewal.
 */
export function numeroUnique(dateDepot: string, sequence: number): string {
  const body = `012${dateDepot.slice(2, 4)}${dateDepot.slice(5, 7)}${String(sequence).padStart(5, '0')}`;
  return body + String.fromCharCode(65 + (Number(body) % 23));
}

export function deriveDemande(faker: Faker, menage: Menage, demandeur: Personne, bailleur: CodeBailleur, sequence: number): DemandeLogement {
  const dateDepot = monthsBefore(faker.number.int({ min: 1, max: 30 }), faker.number.int({ min: 1, max: 28 }));
  return {
    bailleur,
    numeroUnique: numeroUnique(dateDepot, sequence),
    demandeur: declaredIdentity(faker, demandeur, bailleur),
    dateDepot,
    dateRenouvellement: dateDepot < monthsBefore(12) ? monthsBefore(faker.number.int({ min: 0, max: 11 }), 10) : null,
    statut: faker.helpers.weightedArrayElement([
      { value: 'ACTIVE' as const, weight: 80 },
      { value: 'PROPOSITION' as const, weight: 10 },
      { value: 'RADIEE' as const, weight: 10 },
    ]),
    typologieSouhaitee: typologyFor(menage),
  };
}
