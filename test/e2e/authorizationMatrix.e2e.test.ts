import { expect } from '@jest/globals';
import type { PersonaKey } from '@passerelle/mocks';
import { asAccueil, asAgent, asAnalyste, asReferent, asUsager, nirsIn, query, startTestFederation, testCodec, type GraphQLAnswer, type TestCaller } from '../src/e2e/testFederation';
import type { RunningFederation } from '@passerelle/dev';

/**
 * Who may read what, end to end over real HTTP: role × purpose × field category × caseload
 * membership × objection. Each cell is either the data (present) or null with one error at
 * its path carrying a stable code.
 */
let federation: RunningFederation;
beforeAll(async () => {
  federation = await startTestFederation();
  // sans-domicile (ref-001's caseload) objects to CAF sharing, recorded by their référent.
  const recorded = await query(
    federation,
    'mutation($u: ID!) { enregistrerOpposition(usagerId: $u, partenaire: CAF, recueilliePar: "Nadia Cayla") { opposition { partenaire active } } }',
    { u: idOf('sans-domicile') },
    asReferent('ref-001'),
  );
  expect(recorded.errors).toBeUndefined();
  expect(recorded.data).toEqual({ enregistrerOpposition: { opposition: { partenaire: 'CAF', active: true } } });
});
afterAll(() => federation.stop());

const idOf = (key: PersonaKey) => testCodec.encode(federation.population.persona(key).nir);

/** Every code a denial may carry (docs/error-codes.md). */
const stableCodes = new Set(['NON_AUTHENTIFIE', 'ACCES_REFUSE', 'OPPOSITION_PARTAGE', 'FINALITE_NON_AUTORISEE', 'FINALITE_MANQUANTE', 'FINALITE_INVALIDE']);

/** One selection per category; `leaf` is the content field, refused alone when only the presence level is readable. */
const categories = {
  identite: { selection: 'identite { nomNaissance }', leaf: 'nomNaissance' },
  caf: { selection: 'caf { numeroAllocataire }', leaf: 'numeroAllocataire' },
  cpam: { selection: 'cpam { regime }', leaf: 'regime' },
  franceTravail: { selection: 'franceTravail { identifiant }', leaf: 'identifiant' },
  logementSocial: { selection: 'logementSocial { bailleurs { rapprochement { statut } } }', leaf: 'bailleurs' },
  dossierPartage: { selection: 'dossierPartage { notes { id } }', leaf: 'notes' },
  synthese: { selection: 'synthese { droitsOuverts { droit } }', leaf: 'droitsOuverts' },
  presencePartenaires: { selection: 'presencePartenaires { caf }', leaf: 'caf' },
} as const;
type Category = keyof typeof categories;
const matrixQuery = `query Matrice($id: ID!) { lieuxAccueil { id } usager(id: $id) { ${Object.values(categories)
  .map((c) => c.selection)
  .join(' ')} } }`;

/**
 * What a caller gets of one category: `ok` (data present), `vide` (null without error: the
 * partner holds nothing), a code (the field null, that error at its path), `contenu` (the
 * presence level is readable, the content field is refused: ACCES_REFUSE at the leaf), or
 * `opposition:<p>` (null, OPPOSITION_PARTAGE naming partner p; `opposition:` names none).
 */
type Outcome = 'ok' | 'vide' | 'ACCES_REFUSE' | 'contenu' | `opposition:${string}`;
type Expected = { usager: Partial<Record<Category, Outcome>> | 'ACCES_REFUSE' | 'NON_AUTHENTIFIE'; lieuxAccueil: 'ok' | 'NON_AUTHENTIFIE' };

const allCategories = Object.keys(categories) as Category[];
/** Every category refused, but those listed. */
const only = (allowed: Partial<Record<Category, Outcome>>): Partial<Record<Category, Outcome>> => Object.fromEntries(allCategories.map((c) => [c, allowed[c] ?? 'ACCES_REFUSE']));
const everything: Partial<Record<Category, Outcome>> = Object.fromEntries(allCategories.map((c) => [c, 'ok']));

function errorsExpected(expected: Expected): Array<[string, string, string | null]> {
  const errors: Array<[string, string, string | null]> = [];
  if (expected.lieuxAccueil !== 'ok') errors.push(['lieuxAccueil', expected.lieuxAccueil, null]);
  if (typeof expected.usager === 'string') errors.push(['usager', expected.usager, null]);
  else
    for (const [category, outcome] of Object.entries(expected.usager) as Array<[Category, Outcome]>) {
      if (outcome === 'ACCES_REFUSE') errors.push([`usager.${category}`, 'ACCES_REFUSE', null]);
      if (outcome === 'contenu') errors.push([`usager.${category}.${categories[category].leaf}`, 'ACCES_REFUSE', null]);
      if (outcome.startsWith('opposition:')) errors.push([`usager.${category}`, 'OPPOSITION_PARTAGE', outcome.slice('opposition:'.length) || null]);
    }
  return errors.sort();
}

function assertCell(answer: GraphQLAnswer<{ lieuxAccueil: unknown[] | null; usager: Record<string, unknown> | null }>, expected: Expected): void {
  expect(answer.status).toBe(200);
  expect(nirsIn(answer.raw)).toEqual([]);
  // Every error is a denial with a stable code, at a path.
  for (const error of answer.errors ?? []) {
    expect([error.message, stableCodes.has(error.extensions?.code as string)]).toEqual([error.message, true]);
    expect(error.path).toBeDefined();
  }
  const actual = (answer.errors ?? []).map((e) => [e.path!.join('.'), e.extensions!.code, (e.extensions!.partenaire as string | undefined) ?? null]).sort();
  expect(actual).toEqual(errorsExpected(expected));

  const data = answer.data!;
  if (expected.lieuxAccueil === 'ok') expect(data.lieuxAccueil!.length).toBeGreaterThan(0);
  else expect(data.lieuxAccueil ?? null).toBeNull();
  if (typeof expected.usager === 'string') {
    expect(data.usager ?? null).toBeNull();
    return;
  }
  const usager = data.usager!;
  for (const [category, outcome] of Object.entries(expected.usager) as Array<[Category, Outcome]>) {
    const value = usager[category] as Record<string, unknown> | null;
    if (outcome === 'ok') expect([category, value !== null && value !== undefined]).toEqual([category, true]);
    else if (outcome === 'contenu') expect([category, value && value[categories[category].leaf]]).toEqual([category, null]);
    else expect([category, value]).toEqual([category, null]);
  }
}

const cell = (persona: PersonaKey, caller: TestCaller | null) =>
  query<{ lieuxAccueil: unknown[] | null; usager: Record<string, unknown> | null }>(federation, matrixQuery, { id: idOf(persona) }, caller);

type Row = [label: string, persona: PersonaKey, caller: () => TestCaller | null, expected: Expected];
const rows: Row[] = [
  // rsa-isolee: in ref-001's caseload, no objection.
  ['référent ref-001 (accompagnement), own caseload', 'rsa-isolee', () => asReferent('ref-001'), { usager: everything, lieuxAccueil: 'ok' }],
  ['the usager themself (information)', 'rsa-isolee', () => asUsager(idOf('rsa-isolee')), { usager: everything, lieuxAccueil: 'ok' }],
  [
    'accueil (premier-accueil): identity, presence, landlords’ match; no partner content',
    'rsa-isolee',
    () => asAccueil(),
    {
      usager: only({ identite: 'ok', caf: 'contenu', cpam: 'contenu', franceTravail: 'contenu', logementSocial: 'ok', presencePartenaires: 'ok' }),
      lieuxAccueil: 'ok',
    },
  ],
  ['agent CAF (instruction): CAF only', 'rsa-isolee', () => asAgent('caf', 'instruction'), { usager: only({ identite: 'ok', caf: 'ok' }), lieuxAccueil: 'ok' }],
  ['agent CAF (accompagnement): CAF only', 'rsa-isolee', () => asAgent('caf', 'accompagnement'), { usager: only({ identite: 'ok', caf: 'ok' }), lieuxAccueil: 'ok' }],
  ['agent CAF (controle): not even CAF (CRPA L114-8 II)', 'rsa-isolee', () => asAgent('caf', 'controle'), { usager: only({ identite: 'ok' }), lieuxAccueil: 'ok' }],
  ['agent CPAM (instruction): CPAM only', 'rsa-isolee', () => asAgent('cpam', 'instruction'), { usager: only({ identite: 'ok', cpam: 'ok' }), lieuxAccueil: 'ok' }],
  ['agent CPAM (controle): CPAM still readable', 'rsa-isolee', () => asAgent('cpam', 'controle'), { usager: only({ identite: 'ok', cpam: 'ok' }), lieuxAccueil: 'ok' }],
  [
    'agent France Travail (instruction): France Travail only',
    'rsa-isolee',
    () => asAgent('france-travail', 'instruction'),
    { usager: only({ identite: 'ok', franceTravail: 'ok' }), lieuxAccueil: 'ok' },
  ],
  ['agent France Travail (controle): not even France Travail', 'rsa-isolee', () => asAgent('france-travail', 'controle'), { usager: only({ identite: 'ok' }), lieuxAccueil: 'ok' }],
  ['agent bailleurs (instruction): social housing only', 'rsa-isolee', () => asAgent('bailleurs', 'instruction'), { usager: only({ identite: 'ok', logementSocial: 'ok' }), lieuxAccueil: 'ok' }],
  [
    'agent Département (accompagnement): shared file, not the summary',
    'rsa-isolee',
    () => asAgent('departement', 'accompagnement'),
    { usager: only({ identite: 'ok', dossierPartage: 'ok' }), lieuxAccueil: 'ok' },
  ],
  ['analyst (statistique): no person, the reception network only', 'rsa-isolee', () => asAnalyste(), { usager: 'ACCES_REFUSE', lieuxAccueil: 'ok' }],
  ['anonymous: nothing personal, not even the network', 'rsa-isolee', () => null, { usager: 'NON_AUTHENTIFIE', lieuxAccueil: 'NON_AUTHENTIFIE' }],
  // homonyme-rodez: ref-007's, outside ref-001's caseload; an active objection to the landlords, a lifted one to the CPAM.
  ['référent ref-001, outside their caseload: the usager refused', 'homonyme-rodez', () => asReferent('ref-001'), { usager: 'ACCES_REFUSE', lieuxAccueil: 'ok' }],
  ['another usager: refused', 'homonyme-rodez', () => asUsager(idOf('rsa-isolee')), { usager: 'ACCES_REFUSE', lieuxAccueil: 'ok' }],
  [
    'référent ref-007, own caseload: all but the landlords (objection) and the summary; the lifted CPAM objection no longer hides',
    'homonyme-rodez',
    () => asReferent('ref-007'),
    {
      usager: { identite: 'ok', caf: 'ok', cpam: 'ok', franceTravail: 'vide', logementSocial: 'opposition:bailleurs', dossierPartage: 'ok', synthese: 'opposition:', presencePartenaires: 'ok' },
      lieuxAccueil: 'ok',
    },
  ],
  ['agent CAF: anyone, caseload or not', 'homonyme-rodez', () => asAgent('caf', 'instruction'), { usager: only({ identite: 'ok', caf: 'ok' }), lieuxAccueil: 'ok' }],
  [
    'the usager themself: their own objections do not hide anything from them',
    'homonyme-rodez',
    () => asUsager(idOf('homonyme-rodez')),
    {
      usager: { identite: 'ok', caf: 'ok', cpam: 'ok', franceTravail: 'vide', logementSocial: 'ok', dossierPartage: 'ok', synthese: 'ok', presencePartenaires: 'ok' },
      lieuxAccueil: 'ok',
    },
  ],
  // sans-domicile: ref-001's caseload, objection to CAF recorded in beforeAll.
  [
    'objection to CAF: référent ref-001 gets caf and the summary withheld',
    'sans-domicile',
    () => asReferent('ref-001'),
    {
      usager: { identite: 'ok', caf: 'opposition:caf', synthese: 'opposition:', dossierPartage: 'ok', presencePartenaires: 'ok' },
      lieuxAccueil: 'ok',
    },
  ],
  [
    'objection to CAF: a CAF agent still reads CAF',
    'sans-domicile',
    () => asAgent('caf', 'instruction'),
    { usager: only({ identite: 'ok', caf: 'ok', logementSocial: 'ACCES_REFUSE' }), lieuxAccueil: 'ok' },
  ],
  [
    'objection to CAF: the usager still reads CAF and the summary',
    'sans-domicile',
    () => asUsager(idOf('sans-domicile')),
    {
      usager: { identite: 'ok', caf: 'ok', synthese: 'ok', dossierPartage: 'ok', presencePartenaires: 'ok' },
      lieuxAccueil: 'ok',
    },
  ],
];

/** Only the categories listed are checked for their value; every error must still be expected. */
function restrictTo(answer: GraphQLAnswer<{ lieuxAccueil: unknown[] | null; usager: Record<string, unknown> | null }>, expected: Expected) {
  if (typeof expected.usager === 'string') return answer;
  const listed = new Set(Object.keys(expected.usager));
  return answer.data?.usager ? { ...answer, data: { ...answer.data, usager: Object.fromEntries(Object.entries(answer.data.usager).filter(([k]) => listed.has(k))) } } : answer;
}

describe('authorization matrix: role × purpose × category × caseload × objection', () => {
  it.each(rows)('%s (%s)', async (_label, persona, caller, expected) => {
    assertCell(restrictTo(await cell(persona, caller()), expected), expected);
  });

  it('MSA: an MSA agent reads the farmer’s MSA file under instruction, not under controle; their référent ref-015 reads it', async () => {
    const msaQuery = 'query($id: ID!) { usager(id: $id) { identite { nomNaissance } msa { numeroAdherent } } }';
    const id = idOf('exploitant-agricole');
    const instruction = await query<{ usager: { msa: unknown } }>(federation, msaQuery, { id }, asAgent('msa', 'instruction'));
    expect(instruction.errors).toBeUndefined();
    expect(instruction.data!.usager.msa).toEqual({ numeroAdherent: expect.any(String) });
    const controle = await query<{ usager: { identite: unknown; msa: unknown } }>(federation, msaQuery, { id }, asAgent('msa', 'controle'));
    expect(controle.data!.usager).toEqual({ identite: { nomNaissance: expect.any(String) }, msa: null });
    expect(controle.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['usager', 'msa'], 'ACCES_REFUSE']]);
    const referent = await query<{ usager: { msa: unknown } }>(federation, msaQuery, { id }, asReferent('ref-015'));
    expect(referent.errors).toBeUndefined();
    expect(referent.data!.usager.msa).not.toBeNull();
    const outsider = await query(federation, msaQuery, { id }, asReferent('ref-001'));
    expect(outsider.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['usager'], 'ACCES_REFUSE']]);
    for (const answer of [instruction, controle, referent, outsider]) expect(nirsIn(answer.raw)).toEqual([]);
  });
});

describe('the purpose: checked before anything runs', () => {
  const purposeOf = async (caller: TestCaller, header: string | null) =>
    query(federation, matrixQuery, { id: idOf('rsa-isolee') }, { ...caller, finalite: null }, header === null ? {} : { 'x-passerelle-finalite': header });

  it.each<[string, () => TestCaller, string | null, number, string]>([
    ['a référent without purpose → FINALITE_MANQUANTE', () => asReferent('ref-001'), null, 400, 'FINALITE_MANQUANTE'],
    ['a CAF agent without purpose → FINALITE_MANQUANTE', () => asAgent('caf'), null, 400, 'FINALITE_MANQUANTE'],
    ['a référent declaring controle → FINALITE_NON_AUTORISEE', () => asReferent('ref-001'), 'controle', 403, 'FINALITE_NON_AUTORISEE'],
    ['an accueil agent declaring instruction → FINALITE_NON_AUTORISEE', () => asAccueil(), 'instruction', 403, 'FINALITE_NON_AUTORISEE'],
    ['an analyst declaring accompagnement → FINALITE_NON_AUTORISEE', () => asAnalyste(), 'accompagnement', 403, 'FINALITE_NON_AUTORISEE'],
    ['a usager declaring instruction → FINALITE_NON_AUTORISEE', () => asUsager(idOf('rsa-isolee')), 'instruction', 403, 'FINALITE_NON_AUTORISEE'],
  ])('%s', async (_label, caller, header, status, code) => {
    const answer = await purposeOf(caller(), header);
    expect(answer.status).toBe(status);
    expect(answer.data ?? null).toBeNull();
    expect(answer.errors?.map((e) => e.extensions?.code)).toEqual([code]);
    expect(nirsIn(answer.raw)).toEqual([]);
  });
});

describe('objections: who may lift one', () => {
  const lever = 'mutation($u: ID!) { leverOpposition(usagerId: $u, partenaire: CAF) { opposition { partenaire active } } }';

  it('a CAF agent may not lift the objection (ACCES_REFUSE), the usager may; then the référent reads CAF again', async () => {
    const u = idOf('sans-domicile');
    const byCaf = await query<Record<string, unknown>>(federation, lever, { u }, asAgent('caf', 'instruction'));
    expect(byCaf.data?.leverOpposition ?? null).toBeNull();
    expect(byCaf.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['leverOpposition'], 'ACCES_REFUSE']]);
    const stillHidden = await cell('sans-domicile', asReferent('ref-001'));
    expect(stillHidden.data!.usager!.caf).toBeNull();

    const byUsager = await query(federation, lever, { u }, asUsager(u));
    expect(byUsager.errors).toBeUndefined();
    expect(byUsager.data).toEqual({ leverOpposition: { opposition: { partenaire: 'CAF', active: false } } });
    const visible = await cell('sans-domicile', asReferent('ref-001'));
    expect(visible.errors ?? []).toEqual([]);
    expect(visible.data!.usager!.caf).toEqual({ numeroAllocataire: expect.any(String) });
  });
});
