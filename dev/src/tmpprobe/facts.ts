import { gatewayContextHeaders, createPopulation } from '@passerelle/mocks';
const population = createPopulation({ size: 20000, seed: undefined as never });
const nirs = population.personnes.filter((p) => !p.ref.startsWith('persona:')).slice(0, 100).map((p) => p.nir);
const query = 'query F($representations: [_Any!]!) { _entities(representations: $representations) { ... on Usager { referentDeParcours { referent { id } } oppositions { codePartenaire active } equipe { professionnel { id } } } } }';
const url = process.argv[2]!;
async function main() {
  const times: number[] = [];
  for (let i = 0; i < 40; i++) {
    const headers = { 'content-type': 'application/json', ...(await gatewayContextHeaders('departement', { appel: { finalite: 'premier-accueil' } })) };
    const t0 = performance.now();
    const r = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables: { representations: nirs.map((nir) => ({ __typename: 'Usager', nir })) } }) });
    const text = await r.text();
    times.push(performance.now() - t0);
    if (i === 0) console.log(r.status, text.length, text.slice(0, 200));
  }
  times.sort((a, b) => a - b);
  console.log('p50', times[20]!.toFixed(1), 'min', times[0]!.toFixed(1));
}
void main();
