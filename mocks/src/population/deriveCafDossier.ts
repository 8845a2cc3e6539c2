import type { Faker } from '@faker-js/faker';
import { monthsBefore } from './ageAt';
import { scale2025 } from './scale2025';
import type { DossierCaf, DroitCaf, Menage, PaiementCaf } from './types';

/** Share of RSA files in each ETATDOSRSA state *(unverified)*. */
const etatsRsa = [
  { value: 2 as const, weight: 76 },
  { value: 0 as const, weight: 4 },
  { value: 1 as const, weight: 2 },
  { value: 3 as const, weight: 5 },
  { value: 4 as const, weight: 5 },
  { value: 5 as const, weight: 4 },
  { value: 6 as const, weight: 4 },
];

/** RSA base amount for a household composition. */
export function rsaBase(adultes: number, enfants: number, majore: boolean): number {
  if (majore && adultes === 1 && enfants >= 1) return scale2025.rsaMajoreParentUnEnfant + (enfants - 1) * scale2025.rsaParEnfantSupplementaire;
  const persons = adultes + enfants;
  if (persons === 1) return scale2025.rsaSeul;
  return scale2025.rsaCoupleOuParentUnEnfant + Math.max(0, persons - 2) * scale2025.rsaParEnfantSupplementaire;
}

/** CAF quotient familial: monthly resources and benefits over the household's parts. */
export function quotientFamilial(ressourcesCents: number, prestationsCents: number, adultes: number, enfants: number): number {
  const parts = (adultes === 2 || enfants > 0 ? 2 : 1) + Math.min(enfants, 2) * 0.5 + Math.max(0, enfants - 2);
  return Math.round((ressourcesCents + prestationsCents) / 100 / parts);
}

/** Recent payments: the last three months of each right that is being paid. */
export function recentPayments(droits: DroitCaf[]): PaiementCaf[] {
  const paid = droits.filter((d) => d.prestation !== 'RSA' || d.etatRsa === 2);
  return [0, 1, 2].flatMap((back) => paid.filter((d) => d.dateDebut <= monthsBefore(back)).map((d) => ({ date: monthsBefore(back), prestation: d.prestation, montantCents: d.montantCents })));
}

/**
 * The CAF file of a household, or null when CAF does not know it (comfortable households
 * without children, and households under the agricultural regime, who depend on MSA).
 */
export function deriveCafDossier(faker: Faker, menage: Menage, socialTenant: boolean, numero: string): DossierCaf | null {
  const adultes = menage.adultes.length;
  const enfants = menage.enfants.length;
  const perAdult = menage.ressourcesCents / adultes;
  const droits: DroitCaf[] = [];
  const since = () => monthsBefore(faker.number.int({ min: 3, max: 60 }), 1);
  const majore = menage.type === 'MONOPARENTAL' && faker.datatype.boolean(0.3);
  const rsa = rsaBase(adultes, enfants, majore) - menage.ressourcesCents;
  const housingAid = (socialTenant || faker.datatype.boolean(0.45)) && perAdult < 150_000;
  if (rsa > 0) {
    const montant = rsa - (housingAid ? scale2025.forfaitLogementSeul : 0);
    const etatRsa = faker.helpers.weightedArrayElement(etatsRsa);
    // A refused or closed file carries no monthly amount; pending and suspended ones keep the computed right.
    const paid = etatRsa !== 1 && etatRsa !== 5 && etatRsa !== 6;
    droits.push({ prestation: 'RSA', montantCents: paid ? Math.max(montant, 1_000) : 0, dateDebut: since(), etatRsa, majore, soumisDroitsDevoirs: true });
  } else if (perAdult < 170_000) {
    droits.push({ prestation: 'PPA', montantCents: faker.number.int({ min: 4_000, max: 30_000 }), dateDebut: since() });
  }
  if (faker.datatype.boolean(0.03)) droits.push({ prestation: 'AAH', montantCents: Math.max(10_000, scale2025.aahMaximum - Math.round(perAdult / 2)), dateDebut: since() });
  if (housingAid) {
    const code = socialTenant ? 'APL' : enfants > 0 ? 'ALF' : 'ALS';
    droits.push({ prestation: code, montantCents: faker.number.int({ min: 12_000, max: 32_000 }), dateDebut: since() });
  }
  if (enfants === 2) droits.push({ prestation: 'AF', montantCents: scale2025.allocationsFamiliales2Enfants, dateDebut: since() });
  if (enfants >= 3) droits.push({ prestation: 'AF', montantCents: scale2025.allocationsFamiliales3Enfants, dateDebut: since() });
  if (menage.type === 'MONOPARENTAL' && faker.datatype.boolean(0.35)) droits.push({ prestation: 'ASF', montantCents: scale2025.asfParEnfant * enfants, dateDebut: since() });
  if (droits.length === 0 && enfants === 0) return null;
  const prestations = droits.filter((d) => !['APL', 'ALF', 'ALS'].includes(d.prestation)).reduce((s, d) => s + d.montantCents, 0);
  return {
    numeroAllocataire: numero,
    codePostal: menage.adresse.codePostal,
    allocataire: menage.adultes[0]!,
    conjoint: menage.adultes[1] ?? null,
    enfants: menage.enfants,
    quotientFamilial: quotientFamilial(menage.ressourcesCents, prestations, adultes, enfants),
    droits,
    paiements: recentPayments(droits),
  };
}
