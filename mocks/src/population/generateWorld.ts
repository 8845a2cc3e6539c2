import { Faker, base, fr } from '@faker-js/faker';
import { createNirAllocator } from './createNirAllocator';
import { deriveCafDossier } from './deriveCafDossier';
import { deriveAssureCpam, deriveDossierCarsat } from './deriveHealthAndPension';
import { deriveBail, deriveDemande } from './deriveSocialHousing';
import { generateHouseholds } from './generateHouseholds';
import { buildPersonas, type PersonaInfo } from './personas';
import type { Personne, World } from './types';

export interface WorldOptions {
  /** Number of people in the random population, on top of the personas. @default 20000 */
  size?: number;
  /** Seed of every random draw: same seed, same world. @default 12202 */
  seed?: number;
}

/** Share of households in social housing, by income band *(unverified: ≈ 950 households in Rodez)*. */
const socialHousingShare = { pauvre: 0.3, modeste: 0.12, aise: 0.01 };

/**
 * Generates the simulated world: the personas first (stable NIRs whatever the size), then
 * a random population of the Rodez agglomération, then each partner's records derived from
 * the households' situations. Deterministic for a given seed and size.
 */
export function generateWorld(options: WorldOptions = {}): World & { personas: PersonaInfo[] } {
  const { size = 20_000, seed = 12_202 } = options;
  const faker = new Faker({ locale: [fr, base] });
  faker.seed(seed);
  const nirs = createNirAllocator();
  const { world, personas } = buildPersonas(nirs);
  const { personnes, menages } = generateHouseholds(faker, nirs, size, 0);
  const byRef = new Map<string, Personne>(personnes.map((p) => [p.ref, p]));

  let dossierNumber = 1_000_000;
  let leaseNumber = 0;
  let sneSequence = 1_000;
  for (const menage of menages) {
    const adultes = menage.adultes.map((ref) => byRef.get(ref)!);
    const head = adultes[0]!;
    const perAdult = menage.ressourcesCents / adultes.length;
    const band = perAdult < 60_000 ? 'pauvre' : perAdult < 170_000 ? 'modeste' : 'aise';
    const socialTenant = faker.datatype.boolean(socialHousingShare[band]);
    const caf = head.regime === 'AGRICOLE' ? null : deriveCafDossier(faker, menage, socialTenant, String((dossierNumber += 7)).slice(-7));
    if (caf) world.caf.push(caf);
    for (const ref of [...menage.adultes, ...menage.enfants]) {
      const personne = byRef.get(ref)!;
      const assure = deriveAssureCpam(faker, personne, menage, caf);
      if (assure) world.cpam.push(assure);
      const carsat = deriveDossierCarsat(faker, personne, menage);
      if (carsat) world.carsat.push(carsat);
    }
    if (socialTenant) {
      const bailleur = faker.datatype.boolean(0.6) ? 'rah' : 'ah';
      leaseNumber += 1;
      const reference = bailleur === 'rah' ? `RAH-${2000 + (leaseNumber % 25)}-${String(leaseNumber).padStart(5, '0')}` : `AH/${menage.adresse.codeInsee}/${String(leaseNumber).padStart(4, '0')}`;
      world.baux.push(deriveBail(faker, menage, adultes, bailleur, reference));
      if (faker.datatype.boolean(0.1)) world.demandes.push(deriveDemande(faker, menage, head, bailleur, (sneSequence += 1)));
    } else if (band !== 'aise' && faker.datatype.boolean(0.06)) {
      world.demandes.push(deriveDemande(faker, menage, head, faker.datatype.boolean(0.5) ? 'rah' : 'ah', (sneSequence += 1)));
    }
  }
  return {
    seed,
    personas,
    personnes: [...world.personnes, ...personnes],
    menages: [...world.menages, ...menages],
    caf: world.caf,
    cpam: world.cpam,
    carsat: world.carsat,
    baux: world.baux,
    demandes: world.demandes,
  };
}
