import { documentedOperations } from '../src/docs/documentedOperations';
import { asAccueil, asAgent, asAnalyste, asReferent, nirsIn, query, startTestFederation, testCodec, type TestCaller } from '../src/e2e/testFederation';
import type { RunningFederation } from '@passerelle/dev';

let federation: RunningFederation;
beforeAll(async () => {
  federation = await startTestFederation();
});
afterAll(() => federation.stop());

/** Each operation of docs/examples.md, and the query of the README's quick start (its curl). */
const operations = documentedOperations();

/**
 * Who runs each example, as docs/examples.md says: the référent of rsa-isolee (`ref-001`), or a
 * reception agent for the search, the referral, the presence, the passage, the tiers-lieu sign-up, opening a parcours
 * and a provisional identity, a France Travail agent for its inbox and the acceptance, a Département agent naming
 * the référent of retraite-aspa (`ref-019`), who builds his team, and its Carsat member (`ref-023`) reading it, an
 * analyst for the aggregates; the quick start's curl as `ref-001`.
 */
const callerOf: Record<string, () => TestCaller> = {
  DossierComplet: () => asReferent('ref-001'),
  Liste: () => asReferent('ref-001'),
  Recherche: asAccueil,
  Portefeuille: () => asReferent('ref-001'),
  Synthese: () => asReferent('ref-001'),
  NouvelObjectif: () => asReferent('ref-001'),
  Orienter: asAccueil,
  Presence: asAccueil,
  Passage: asAccueil,
  Inscrire: asAccueil,
  Boite: () => asAgent('france-travail', 'accompagnement'),
  Accepter: () => asAgent('france-travail', 'accompagnement'),
  OuvrirParcours: asAccueil,
  Designer: () => asAgent('departement', 'accompagnement'),
  Equipe: () => asReferent('ref-019'),
  LectureEquipe: () => asReferent('ref-023'),
  Accueillir: asAccueil,
  Rapprocher: asAccueil,
  Statistiques: asAnalyste,
  QuickStart: () => asReferent('ref-001'),
};

async function premiereOrientationProposee(): Promise<string | undefined> {
  const boite = await query<{ orientationsRecues: { edges: Array<{ node: { orientation: { id: string } } }> } }>(
    federation,
    '{ orientationsRecues(statut: PROPOSEE, premier: 1) { edges { node { orientation { id } } } } }',
    {},
    asAgent('france-travail', 'accompagnement'),
  );
  return boite.data?.orientationsRecues.edges[0]?.node.orientation.id;
}

/** The id the `Accueillir` example returned, for `Rapprocher`. */
let provisoire: string | undefined;

/**
 * The variables an example names: `$id` rsa-isolee, `$ids` her and sans-domicile, `$aspa`
 * retraite-aspa, `$orientation` the first referral proposed to France Travail (the `Orienter`
 * example, run before, made it), `$provisoire` and `$nir` the provisional identity `Accueillir`
 * created and the NIR of the person it declared (demandeur-emploi). Without `live`, placeholders of
 * the right shape.
 */
async function variablesOf(document: string, live: boolean): Promise<Record<string, unknown>> {
  const personaId = (persona: Parameters<RunningFederation['population']['persona']>[0]) => testCodec.encode(federation.population.persona(persona).nir);
  const variables: Record<string, unknown> = {};
  if (document.includes('$ids')) variables.ids = [personaId('rsa-isolee'), personaId('sans-domicile')];
  else if (document.includes('$id')) variables.id = personaId('rsa-isolee');
  if (document.includes('$aspa')) variables.aspa = personaId('retraite-aspa');
  if (document.includes('$orientation')) variables.orientation = live ? await premiereOrientationProposee() : 'ORI-000001';
  if (document.includes('$provisoire')) variables.provisoire = live ? provisoire : testCodec.encode('PRV000000000001');
  if (document.includes('$nir')) variables.nir = federation.population.persona('demandeur-emploi').nir;
  return variables;
}

describe('every example operation of the documentation, with a token of the role it names', () => {
  it('covers every example', () => {
    expect(operations.map((o) => o.name).sort()).toEqual(Object.keys(callerOf).sort());
  });

  it.each(operations.map((o) => [o.name, o.document] as const))('%s answers without error and without a NIR', async (name, document) => {
    const variables = await variablesOf(document, true);
    const answer = await query(federation, document, variables, callerOf[name]!());
    expect(answer.status).toBe(200);
    expect([name, answer.errors]).toEqual([name, undefined]);
    expect(answer.data).not.toBeNull();
    expect(nirsIn(answer.raw)).toEqual([]);
    if (name === 'Accueillir') provisoire = (answer.data as { creerIdentiteProvisoire: { usager: { id: string } } }).creerIdentiteProvisoire.usager.id;
  });

  it.each(operations.map((o) => [o.name, o.document] as const))('%s without a token: personal data refused with NON_AUTHENTIFIE', async (_name, document) => {
    const variables = await variablesOf(document, false);
    federation.simulator.reset();
    const answer = await query(federation, document, variables, null);
    expect(answer.status).toBe(200);
    expect(answer.errors?.length).toBeGreaterThan(0);
    expect(new Set(answer.errors!.map((e) => e.extensions?.code))).toEqual(new Set(['NON_AUTHENTIFIE']));
    expect(answer.raw).not.toMatch(/Delmas|Séverine|0412345/);
    // Nothing was asked of any partner's system.
    expect(Object.values(federation.simulator.stats()).every((calls) => calls === 0)).toBe(true);
  });
});
