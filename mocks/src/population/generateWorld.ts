import { Faker, base, fr } from '@faker-js/faker';
import { createNirAllocator } from './createNirAllocator';
import { deriveCafDossier } from './deriveCafDossier';
import { deriveDossierFranceTravail, isJobSeeker } from './deriveFranceTravail';
import { deriveAssureCpam, deriveCareer, deriveCoverage, deriveDossierCarsat } from './deriveHealthAndPension';
import { deriveDossierMsa } from './deriveMsa';
import { deriveDemandeSiao } from './deriveSiao';
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

/** France Travail identifiers: 7 digits and a letter *(format simplified)*. */
function franceTravailId(index: number): string {
  return `${String(3_100_000 + index * 13).padStart(7, '0')}${String.fromCharCode(65 + (index % 26))}`;
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
    // Family benefits come from CAF or, under the agricultural regime, from MSA: never both.
    const famille = deriveCafDossier(faker, menage, socialTenant, String((dossierNumber += 7)).slice(-7));
    const agricole = head.regime === 'AGRICOLE';
    const caf = agricole ? null : famille;
    if (caf) world.caf.push(caf);
    if (agricole) {
      const members = [...menage.adultes, ...menage.enfants].map((ref) => byRef.get(ref)!);
      world.msa.push(
        deriveDossierMsa(faker, menage, adultes, `MSA${String(dossierNumber).slice(-7)}`, {
          famille,
          sante: members.map((p) => deriveCoverage(faker, p, menage, famille)),
          retraites: adultes.map((p) => deriveCareer(faker, p, menage)).filter((d): d is NonNullable<typeof d> => d?.statut === 'RETRAITE'),
        }),
      );
    }
    for (const adulte of adultes) {
      if (!isJobSeeker(faker, adulte, famille)) continue;
      const rsa = famille?.droits.some((d) => d.prestation === 'RSA' && d.etatRsa === 2) ?? false;
      world.franceTravail.push(deriveDossierFranceTravail(faker, adulte, franceTravailId(world.franceTravail.length), rsa));
    }
    if (band === 'pauvre' && perAdult < 40_000 && faker.datatype.boolean(0.08)) world.siao.push(deriveDemandeSiao(faker, menage, `SIAO-12-${String(world.siao.length + 1).padStart(5, '0')}`));
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
    msa: world.msa,
    franceTravail: world.franceTravail,
    siao: world.siao,
  };
}
