import { legacySystems, type Personne, type Population } from '@passerelle/mocks';

const batch = (name: string) => legacySystems.find((s) => s.name === name)!.maxBatchSize;
const calls = (count: number, system: string) => (count === 0 ? 0 : Math.ceil(count / batch(system)));

/**
 * The legacy calls one request reading every partner's fields for these people must cost, per
 * system, derived from the systems' batch sizes and what the population holds (never measured):
 * - batch-capable systems: one call per batch of distinct people;
 * - France Travail: its two steps, NIR + date of birth → identifiant, then files by identifiant;
 * - Département: one batch for the facts row authorization needs (who is whose référent,
 *   objections), and when its fields are asked, one for them; `synthese`, which the gateway can
 *   only ask once the other partners' fields it @requires are in, reuses that read within the
 *   same request (subgraphs/kit/src/legacy/createLegacyReads.ts, "one request's reads");
 * - RAH (one person per call, searched by date of birth) and AH (batch of dates): per distinct date;
 * - SIAO: a batch by NIR, then one identity search per person whose NIR it did not record;
 * - the Région: one call per batch of people (NIR + date of birth);
 * - the chambres consulaires (CCI, CMA, Chambre d'agriculture), searched by date of birth: one call
 *   per batch of distinct dates at each;
 * - the reception network: none (presence is computed from the other partners' fields).
 * The Région and the chambers are asked for presence and the summary, which @require their fields.
 */
export function expectedLegacyCalls(population: Population, people: readonly Personne[], options: { departementFields?: boolean } = {}): Record<string, number> {
  const n = people.length;
  const dates = new Set(people.map((p) => p.dateNaissance)).size;
  const knownToFranceTravail = people.filter((p) => population.dossierFranceTravailParRef.has(p.ref)).length;
  const siaoByNir = people.filter((p) => (population.demandesSiaoParRef.get(p.ref) ?? []).some((d) => d.nirConnu)).length;
  return {
    // Systems of partners scaffolded since (npm run subgraph:new): the operations of these tests do not ask for them.
    ...Object.fromEntries(legacySystems.map((s) => [s.name, 0])),
    sngi: calls(n, 'sngi'),
    caf: calls(n, 'caf'),
    cpam: calls(n, 'cpam'),
    carsat: calls(n, 'carsat'),
    msa: calls(n, 'msa'),
    'france-travail': calls(n, 'france-travail') + calls(knownToFranceTravail, 'france-travail'),
    departement: (options.departementFields === false ? 1 : 2) * calls(n, 'departement'),
    rah: dates,
    ah: calls(dates, 'ah'),
    siao: calls(n, 'siao') + (n - siaoByNir),
    accueil: 0,
    region: calls(n, 'region'),
    cci: calls(dates, 'cci'),
    cma: calls(dates, 'cma'),
    'chambre-agriculture': calls(dates, 'chambre-agriculture'),
  };
}
