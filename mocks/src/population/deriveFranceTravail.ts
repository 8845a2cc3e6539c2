import type { Faker } from '@faker-js/faker';
import { ageAt, monthsBefore } from './ageAt';
import { scale2025 } from './scale2025';
import type { CodeBesoin, CodeContrainte, DossierCaf, DossierFranceTravail, Personne } from './types';

/** Advisers of the two Rodez agencies *(fictitious names)*. */
const agences = ['France Travail Rodez Combarel', 'France Travail Onet-le-Château'];
const contraintes: CodeContrainte[] = ['MOBILITE', 'LOGEMENT', 'SANTE', 'GARDE_ENFANTS', 'LANGUE', 'NUMERIQUE', 'FINANCIERE', 'ADMINISTRATIVE'];
const besoins: CodeBesoin[] = ['FORMATION', 'ACCOMPAGNEMENT_RENFORCE', 'PERMIS_CONDUIRE', 'AIDE_NUMERIQUE', 'APPRENTISSAGE_FRANCAIS', 'CREATION_ENTREPRISE'];

/** Share of adults of working age registered as job seekers *(unverified)*: most RSA recipients, a few others. */
export function isJobSeeker(faker: Faker, personne: Personne, caf: DossierCaf | null): boolean {
  const age = ageAt(personne.dateNaissance);
  if (age < 18 || age > 64) return false;
  const rsa = caf?.droits.some((d) => d.prestation === 'RSA' && d.etatRsa === 2) ?? false;
  return faker.datatype.boolean(rsa ? 0.6 : 0.07);
}

/** A France Travail file: category, compensation (ARE or ASS), adviser, diagnostic. */
export function deriveDossierFranceTravail(faker: Faker, personne: Personne, identifiant: string, rsa: boolean): DossierFranceTravail {
  const dateInscription = monthsBefore(faker.number.int({ min: 1, max: 40 }), faker.number.int({ min: 1, max: 28 }));
  const allocation: 'ARE' | 'ASS' | null = rsa ? (faker.datatype.boolean(0.2) ? 'ASS' : null) : faker.datatype.boolean(0.7) ? 'ARE' : null;
  const journalier = allocation === 'ASS' ? Math.round((scale2025.ass * 12) / 365) : faker.number.int({ min: 3_200, max: 9_500 });
  const indemnisation = allocation ? { allocation, montantJournalierCents: journalier, dateDebut: dateInscription, dateFinDroits: monthsBefore(-faker.number.int({ min: 1, max: 18 }), 1) } : null;
  return {
    personne: personne.ref,
    identifiant,
    categorie: faker.helpers.weightedArrayElement([
      { value: 1 as const, weight: 60 },
      { value: 2 as const, weight: 8 },
      { value: 3 as const, weight: 7 },
      { value: 4 as const, weight: 10 },
      { value: 5 as const, weight: 15 },
    ]),
    dateInscription,
    indemnisation,
    paiements: indemnisation ? [1, 2, 3].map((back) => ({ date: monthsBefore(back - 1, 2), allocation: indemnisation.allocation, montantCents: indemnisation.montantJournalierCents * 30 })) : [],
    conseiller: { nom: `${faker.person.firstName()} ${faker.person.lastName()}`, agence: faker.helpers.arrayElement(agences) },
    diagnostic: { date: dateInscription, contraintes: faker.helpers.arrayElements(contraintes, { min: 0, max: 3 }), besoins: faker.helpers.arrayElements(besoins, { min: 0, max: 2 }) },
  };
}
