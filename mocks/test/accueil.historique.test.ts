import { expect } from '@jest/globals';
import { createPopulation, historiqueAccueil } from '../src/index';
import { evenements, lieux } from '../src/simulators/accueil/annuaireAccueil';

// The reception system's year of history (mocks/docs/accueil.md): derived from the population,
// never about a persona, dated in the year before the observation, ids in their own series.
const population = createPopulation({ size: 2000, seed: 7 });
const historique = historiqueAccueil(population);

describe("the reception system's history", () => {
  it('is the same for the same population, and another for another seed', () => {
    expect(historiqueAccueil(createPopulation({ size: 2000, seed: 7 }))).toEqual(historique);
    expect(historiqueAccueil(createPopulation({ size: 2000, seed: 8 })).passages.length).not.toBe(historique.passages.length);
  });

  it('holds passages, referrals and sign-ups of generated people only, in the year before the observation date', () => {
    const personas = new Set(population.personas.map((p) => population.persona(p.key).nir));
    const nirs = [...historique.passages, ...historique.orientations, ...historique.inscriptions].map((r) => r.nir);
    expect(nirs.filter((n) => personas.has(n) || !population.personneParNir.has(n))).toEqual([]);
    const jours = [...historique.passages.map((p) => p.date_passage), ...historique.orientations.map((o) => o.date_orientation)];
    expect([jours.every((j) => j >= '20251101' && j <= '20261031'), historique.passages.length > 300, historique.orientations.length > 50]).toEqual([true, true, true]);
    expect(historique.passages.filter((p) => !lieux.find((l) => l.code_lieu === p.code_lieu)?.services.includes(p.code_motif))).toEqual([]);
  });

  it('dates every step of a referral in order, answers every proposal by the observation date, and refuses with a reason', () => {
    for (const o of historique.orientations) {
      const dates = o.etapes.map((e) => e.date_etape);
      expect([o.id_orientation, dates]).toEqual([o.id_orientation, [...dates].sort()]);
      expect([o.id_orientation, o.etapes[0]!.statut, o.etapes.at(-1)!.statut, o.statut === 'PRO', dates.at(-1)! <= '20261101']).toEqual([o.id_orientation, 'PRO', o.statut, false, true]);
      expect([o.id_orientation, o.statut === 'REF', o.motif_refus !== null]).toEqual([o.id_orientation, o.statut === 'REF', o.statut === 'REF']);
    }
  });

  it('signs people up to past events only, within their seats, attendance recorded only for active sign-ups', () => {
    const passes = evenements.filter((e) => e.date_evt < '20261101');
    expect(passes).toHaveLength(36);
    for (const e of passes) {
      const actives = historique.inscriptions.filter((i) => i.id_evenement === e.id_evenement && i.statut === 'INS');
      expect([e.id_evenement, actives.length <= e.places_total, actives.length > 0]).toEqual([e.id_evenement, true, true]);
    }
    expect(historique.inscriptions.filter((i) => !passes.some((e) => e.id_evenement === i.id_evenement) || (i.statut === 'ANN' && i.presence !== null))).toEqual([]);
  });

  it('numbers its records in their own series, in recording order', () => {
    expect(historique.passages.slice(0, 2).map((p) => p.id_passage)).toEqual(['PAS-H000001', 'PAS-H000002']);
    expect(historique.orientations[0]!.id_orientation).toBe('ORI-H000001');
    expect(historique.inscriptions[0]!.id_inscription).toBe('INS-H000001');
    expect(new Set(historique.passages.map((p) => p.id_passage)).size).toBe(historique.passages.length);
  });
});
