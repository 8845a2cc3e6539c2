import { createPopulation } from '@passerelle/mocks';
import { createUsagerIdCodec, readConfigOrExit, usagerIdSecretEnv } from '@passerelle/subgraph-kit';

/**
 * `npm run personas`: the documented personas as JSON, with the opaque id the identity
 * subgraph gives them under the current USAGER_ID_SECRET. Personas are built before the
 * random population, so this does not depend on POPULATION_TAILLE.
 */
const { usagerIdSecret } = readConfigOrExit(usagerIdSecretEnv());
const codec = createUsagerIdCodec(usagerIdSecret);
const population = createPopulation({ size: 0 });
const personas = population.personas.map(({ key, ref, situation }) => {
  const p = population.personneParRef.get(ref)!;
  return {
    persona: key,
    id: codec.encode(p.nir),
    nir: p.nir,
    nomNaissance: p.nomNaissance,
    nomUsage: p.nomUsage,
    prenoms: p.prenoms,
    dateNaissance: p.dateNaissance,
    lieuNaissance: `${p.lieuNaissance.libelle} (${p.lieuNaissance.code})`,
    situation,
  };
});
process.stdout.write(`${JSON.stringify(personas, null, 2)}\n`);
