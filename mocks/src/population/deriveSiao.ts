import type { Faker } from '@faker-js/faker';
import { monthsBefore } from './ageAt';
import type { DemandeSiao, Menage } from './types';

/** Structures of the Aveyron SIAO network *(illustrative names)*. */
const structures = ['CHRS Rodez Agglomération', 'Pension de famille Le Faubourg', 'Résidence sociale du Ruthénois', "Accueil d'urgence 115 Aveyron"];

/** A SIAO request for a very poor household *(share unverified: ≈ 2 % of households below the poverty line)*. */
export function deriveDemandeSiao(faker: Faker, menage: Menage, reference: string): DemandeSiao {
  const statut = faker.helpers.weightedArrayElement([
    { value: 'EN_ATTENTE' as const, weight: 35 },
    { value: 'ORIENTEE' as const, weight: 25 },
    { value: 'HEBERGEE' as const, weight: 25 },
    { value: 'CLOTUREE' as const, weight: 15 },
  ]);
  const dateDemande = monthsBefore(faker.number.int({ min: 0, max: 18 }), faker.number.int({ min: 1, max: 28 }));
  const oriented = statut === 'ORIENTEE' || statut === 'HEBERGEE' || statut === 'CLOTUREE';
  return {
    reference,
    personnes: [...menage.adultes, ...menage.enfants],
    nirConnu: faker.datatype.boolean(0.6),
    dateDemande,
    type: faker.datatype.boolean(0.6) ? 'URGENCE' : 'INSERTION',
    statut,
    orientation: oriented
      ? {
          dispositif: faker.helpers.arrayElement(['HEBERGEMENT_URGENCE', 'CHRS', 'PENSION_DE_FAMILLE', 'LOGEMENT_ACCOMPAGNE', 'RESIDENCE_SOCIALE'] as const),
          structure: faker.helpers.arrayElement(structures),
          date: dateDemande,
        }
      : null,
  };
}
