import type { Faker } from '@faker-js/faker';
import { ageAt, monthsBefore } from './ageAt';
import { scale2025 } from './scale2025';
import type { AssureCpam, DossierCaf, DossierCarsat, Menage, Personne } from './types';

/** CPAM: everyone under the general regime (children as well). */
export function deriveAssureCpam(faker: Faker, personne: Personne, menage: Menage, caf: DossierCaf | null): AssureCpam | null {
  return personne.regime === 'GENERAL' ? deriveCoverage(faker, personne, menage, caf) : null;
}

/** Health coverage of one person, whatever the fund (CPAM or MSA). */
export function deriveCoverage(faker: Faker, personne: Personne, menage: Menage, caf: DossierCaf | null): AssureCpam {
  const rsaPaid = caf?.droits.some((d) => d.prestation === 'RSA' && d.etatRsa === 2) ?? false;
  const perAdult = menage.ressourcesCents / menage.adultes.length;
  const c2s = rsaPaid || perAdult < 70_000 ? 'SANS_PARTICIPATION' : perAdult < 110_000 && faker.datatype.boolean(0.4) ? 'AVEC_PARTICIPATION' : 'NON';
  const age = ageAt(personne.dateNaissance);
  return {
    personne: personne.ref,
    dateDebutDroits: age < 18 ? personne.dateNaissance : monthsBefore(faker.number.int({ min: 12, max: 240 }), 1),
    c2s,
    c2sFin: c2s === 'NON' ? null : monthsBefore(-faker.number.int({ min: 1, max: 11 }), 1),
    medecinTraitantDeclare: faker.datatype.boolean(age < 16 ? 0.7 : 0.9),
    indemnitesJournalieresEnCours: age >= 20 && age < 62 && faker.datatype.boolean(0.02),
  };
}

/** Carsat: adults of the general regime from 20 years of age (career record), retirees from 62. */
export function deriveDossierCarsat(faker: Faker, personne: Personne, menage: Menage): DossierCarsat | null {
  return personne.regime === 'GENERAL' ? deriveCareer(faker, personne, menage) : null;
}

/** Career and pension of one person from 20 years of age, whatever the fund (Carsat or MSA). */
export function deriveCareer(faker: Faker, personne: Personne, menage: Menage): DossierCarsat | null {
  const age = ageAt(personne.dateNaissance);
  if (age < 20) return null;
  const trimestres = Math.min(172, Math.round((Math.min(age, 64) - 20) * 4 * faker.number.float({ min: 0.55, max: 1 })));
  if (age < 62) {
    return {
      personne: personne.ref,
      trimestresValides: trimestres,
      statut: age >= 61 && faker.datatype.boolean(0.3) ? 'DEMANDE_EN_COURS' : 'ACTIF',
      dateEffet: null,
      pensionMensuelleCents: null,
      aspa: null,
      actionSociale: [],
    };
  }
  const pension = faker.number.int({ min: 55_000, max: 240_000 });
  const poor = menage.ressourcesCents / menage.adultes.length < scale2025.aspaSeul;
  const aspa = poor && pension < scale2025.aspaSeul ? { montantCents: scale2025.aspaSeul - pension, dateDebut: monthsBefore(faker.number.int({ min: 6, max: 120 }), 1) } : null;
  const help = age >= 75 && faker.datatype.boolean(0.2);
  return {
    personne: personne.ref,
    trimestresValides: trimestres,
    statut: 'RETRAITE',
    dateEffet: `${Number(personne.dateNaissance.slice(0, 4)) + 62 + faker.number.int({ min: 0, max: Math.min(3, age - 62) })}-${personne.dateNaissance.slice(5, 7)}-01`,
    pensionMensuelleCents: pension,
    aspa,
    actionSociale: help ? [{ type: 'AIDE_MENAGERE', heuresMensuelles: faker.number.int({ min: 6, max: 20 }), dateDebut: monthsBefore(8, 1), dateFin: monthsBefore(-4, 1) }] : [],
  };
}
