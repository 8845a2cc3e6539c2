import { describe, expect, it } from '@jest/globals';
import { maxPseudonymes, pseudonyme, type AppelPasserelle, type Caller } from '@passerelle/subgraph-kit';
import { compterIntersection, croiser, lirePseudonymes, publierEffectif, type SignedSubgraphFetch } from '../../src/crossings/index';

const analyste: Caller = { subject: 'a-1', kind: 'agent', roles: ['analyste'], organisation: 'CD12', partenaire: null, referentId: null, usagerId: null };
const appel: AppelPasserelle = { requestId: 'r-1', caller: analyste, finalite: 'statistique' };

/** Partners answering from fixed populations of join keys, hashing them under the key they are sent, as the real ones do. */
function partners(people: Record<string, string[]>, calls: Array<{ subgraph: string; variables: Record<string, unknown> }> = []): SignedSubgraphFetch {
  return (_appel, subgraph, _query, variables) => {
    calls.push({ subgraph, variables });
    const cle = Buffer.from(String(variables.cle), 'base64url');
    const keys = people[subgraph];
    if (keys === undefined) return Promise.reject(new Error('down'));
    return Promise.resolve({ data: { pseudonymes: keys.map((k) => pseudonyme(cle, k)) } });
  };
}
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `NIR|${from + i}`);

describe('the intersection', () => {
  it('counts the pseudonyms both sides hold, whichever is smaller', () => {
    expect(compterIntersection(new Set(['a', 'b', 'c']), new Set(['b', 'c', 'd', 'e']))).toBe(2);
    expect(compterIntersection(new Set(['b', 'c', 'd', 'e']), new Set(['a', 'b', 'c']))).toBe(2);
    expect(compterIntersection(new Set(), new Set(['a']))).toBe(0);
  });

  it('is published from 11 on, suppressed below, zero included', () => {
    expect([0, 1, 10, 11, 500].map(publierEffectif)).toEqual([
      { effectif: null, secret: 'EFFECTIF_INFERIEUR_AU_SEUIL' },
      { effectif: null, secret: 'EFFECTIF_INFERIEUR_AU_SEUIL' },
      { effectif: null, secret: 'EFFECTIF_INFERIEUR_AU_SEUIL' },
      { effectif: 11, secret: null },
      { effectif: 500, secret: null },
    ]);
  });

  it('refuses a list longer than the bound, or one holding anything but pseudonyms, naming the partner', () => {
    const pseudo = 'A'.repeat(43);
    const tooLong = Array.from({ length: maxPseudonymes + 1 }, () => pseudo);
    const codeOf = (f: () => unknown) => {
      try {
        f();
        return null;
      } catch (error) {
        return (error as { extensions?: unknown }).extensions;
      }
    };
    expect(codeOf(() => lirePseudonymes(tooLong, 'caf'))).toEqual({ code: 'CROISEMENT_TROP_VOLUMINEUX', partenaire: 'caf', retryable: false });
    expect(codeOf(() => lirePseudonymes(['180017512345678'], 'cpam'))).toEqual({ code: 'PARTENAIRE_REPONSE_INVALIDE', partenaire: 'cpam', retryable: false });
    expect(codeOf(() => lirePseudonymes(null, 'cpam'))).toEqual({ code: 'PARTENAIRE_REPONSE_INVALIDE', partenaire: 'cpam', retryable: false });
    expect(lirePseudonymes([pseudo, pseudo], 'caf').size).toBe(1);
  });
});

describe('a crossing', () => {
  it('asks both partners under one fresh 32-byte key, counts what they share, and keeps no pseudonym in its audit', async () => {
    const calls: Array<{ subgraph: string; variables: Record<string, unknown> }> = [];
    const fetch = partners({ 'france-travail': range(0, 40), cpam: range(25, 100) }, calls);
    const { resultat, audit } = await croiser({ nom: 'DEMANDEURS_CATEGORIE_1_SANS_C2S', mois: '2026-10', appel, fetch });
    expect([resultat.effectif, resultat.secret, resultat.dateReference, resultat.jointure]).toEqual([15, null, '2026-10-31', 'NIR']);
    expect(audit).toEqual({ nom: 'DEMANDEURS_CATEGORIE_1_SANS_C2S', mois: '2026-10', partenaires: ['france-travail', 'cpam'], effectif: 15, secret: null });
    expect(calls.map((c) => [c.subgraph, c.variables.critere])).toEqual([
      ['france-travail', 'CATEGORIE_1'],
      ['cpam', 'SANS_C2S'],
    ]);
    const [first, second] = calls.map((c) => String(c.variables.cle));
    expect(first).toBe(second);
    expect(Buffer.from(first!, 'base64url')).toHaveLength(32);
    await croiser({ nom: 'DEMANDEURS_CATEGORIE_1_SANS_C2S', mois: '2026-10', appel, fetch });
    expect(calls[2]!.variables.cle).not.toBe(first);
  });

  it('suppresses a count under 11', async () => {
    const { resultat, audit } = await croiser({ nom: 'DEMANDEURS_CATEGORIE_1_SANS_C2S', mois: '2026-10', appel, fetch: partners({ 'france-travail': range(0, 40), cpam: range(30, 100) }) });
    expect([resultat.effectif, resultat.secret, audit.effectif, audit.secret]).toEqual([null, 'EFFECTIF_INFERIEUR_AU_SEUIL', null, 'EFFECTIF_INFERIEUR_AU_SEUIL']);
  });

  it('asks partners holding both keys for the pivot identity when the other side is a landlord', async () => {
    const calls: Array<{ subgraph: string; variables: Record<string, unknown> }> = [];
    await croiser({ nom: 'RSA_ET_IMPAYE_LOYER', mois: '2026-10', appel, fetch: partners({ caf: range(0, 20), bailleurs: range(0, 20) }, calls) });
    expect(calls.map((c) => [c.subgraph, c.variables.jointure])).toEqual([
      ['caf', 'IDENTITE_PIVOT'],
      ['bailleurs', undefined],
    ]);
  });

  it('fails whole, naming the partner, when one is down or refuses: never a partial count', async () => {
    await expect(croiser({ nom: 'RSA_ET_IMPAYE_LOYER', mois: '2026-10', appel, fetch: partners({ caf: range(0, 20) }) })).rejects.toMatchObject({
      extensions: { code: 'PARTENAIRE_INDISPONIBLE', partenaire: 'bailleurs', retryable: true },
    });
    const refusing: SignedSubgraphFetch = (_a, subgraph) =>
      Promise.resolve(subgraph === 'caf' ? { errors: [{ message: 'x', extensions: { code: 'CROISEMENT_TROP_VOLUMINEUX' } }] } : { data: { pseudonymes: [] } });
    await expect(croiser({ nom: 'RSA_ET_IMPAYE_LOYER', mois: '2026-10', appel, fetch: refusing })).rejects.toMatchObject({
      extensions: { code: 'CROISEMENT_TROP_VOLUMINEUX', partenaire: 'caf', retryable: false },
    });
  });

  it('is refused to anyone but an analyst whose purpose is statistique, before any partner is asked', async () => {
    const calls: Array<{ subgraph: string; variables: Record<string, unknown> }> = [];
    const referent: AppelPasserelle = { requestId: 'r-2', caller: { ...analyste, roles: ['referent'], referentId: 'ref-001' }, finalite: 'accompagnement' };
    await expect(croiser({ nom: 'RSA_ET_IMPAYE_LOYER', mois: '2026-10', appel: referent, fetch: partners({}, calls) })).rejects.toMatchObject({ extensions: { code: 'ACCES_REFUSE' } });
    expect(calls).toEqual([]);
  });
});
