import { createHash } from 'node:crypto';
import { checkNir } from '@passerelle/subgraph-kit';
import { ageAt, createPopulation, generateWorld } from '../src/index';

const population = createPopulation({ size: 4000, seed: 12_202 });

describe('synthetic population', () => {
  it('is deterministic for a seed and size, and changes with the seed', () => {
    const digest = (seed: number) =>
      createHash('sha256')
        .update(JSON.stringify(generateWorld({ size: 500, seed })))
        .digest('hex');
    expect(digest(1)).toBe(digest(1));
    expect(digest(1)).not.toBe(digest(2));
  });

  it('gives everyone a valid and unique NIR whose digits agree with sex, birth date and place', () => {
    const nirs = new Set<string>();
    for (const p of population.personnes) {
      expect(checkNir(p.nir)).toEqual({ valide: true, nir: p.nir });
      expect(p.nir[0]).toBe(String(p.sexe));
      expect(p.nir.slice(1, 5)).toBe(p.dateNaissance.slice(2, 4) + p.dateNaissance.slice(5, 7));
      expect(p.nir.slice(5, 10)).toBe(p.lieuNaissance.code);
      nirs.add(p.nir);
    }
    expect(nirs.size).toBe(population.personnes.length);
  });

  it('includes people born in Corsica, overseas and abroad', () => {
    const places = population.personnes.map((p) => p.nir.slice(5, 7));
    expect(places).toContain('2A');
    expect(places).toContain('99');
    expect(population.personnes.some((p) => p.nir.slice(5, 8) === '974' || p.nir.slice(5, 8) === '971')).toBe(true);
  });

  it('has realistic French names: accents, compound names and usage names', () => {
    expect(population.personnes.some((p) => /[éèêëàçôî]/i.test(p.nomNaissance + p.prenoms.join('')))).toBe(true);
    expect(population.personnes.some((p) => p.nomNaissance.includes('-'))).toBe(true);
    const usage = population.personnes.filter((p) => p.nomUsage !== null).length / population.personnes.length;
    expect(usage).toBeGreaterThan(0.03);
  });

  it('never has a household known to CAF under the agricultural regime (MSA covers them)', () => {
    for (const dossier of population.caf) expect(population.personneParRef.get(dossier.allocataire)?.regime).not.toBe('AGRICOLE');
  });

  it('keeps RSA, social housing and CPAM coverage within plausible shares', () => {
    const households = population.menages.length;
    const rsa = population.caf.filter((d) => d.droits.some((r) => r.prestation === 'RSA' && r.etatRsa === 2)).length / households;
    expect(rsa).toBeGreaterThan(0.02);
    expect(rsa).toBeLessThan(0.12);
    const social = population.baux.length / households;
    expect(social).toBeGreaterThan(0.03);
    expect(social).toBeLessThan(0.15);
    expect(population.cpam.length / population.personnes.length).toBeGreaterThan(0.8);
  });

  it('uses the 2025 RSA scale for a single person with housing aid', () => {
    const dossier = population.dossierCafParRef.get(population.persona('rsa-isolee').ref);
    expect(dossier?.droits.find((d) => d.prestation === 'RSA')).toMatchObject({ montantCents: 56_894, etatRsa: 2 });
  });

  it('knows retirees at Carsat only from 62 and never minors', () => {
    for (const d of population.carsat) {
      const age = ageAt(population.personneParRef.get(d.personne)!.dateNaissance);
      expect(age).toBeGreaterThanOrEqual(20);
      if (d.statut === 'RETRAITE') expect(age).toBeGreaterThanOrEqual(62);
    }
  });
});

describe('personas', () => {
  // Fourteen since `micro-entrepreneur` joined for the chambres consulaires (born in Figeac, a place the population never draws, so no population NIR moved).
  it('are the documented fourteen, with stable NIRs whatever the population size', () => {
    const small = createPopulation({ size: 0 });
    expect(population.personas.map((p) => p.key)).toEqual([
      'rsa-isolee',
      'couple-parent-1',
      'couple-parent-2',
      'retraite-aspa',
      'nom-usage',
      'homonyme-rodez',
      'homonyme-millau',
      'ne-en-corse',
      'ne-a-l-etranger',
      'registre-seul',
      'exploitant-agricole',
      'demandeur-emploi',
      'sans-domicile',
      'micro-entrepreneur',
    ]);
    for (const { key } of population.personas) expect(small.persona(key).nir).toBe(population.persona(key).nir);
  });

  it('include two homonyms born the same day in different places', () => {
    const [a, b] = [population.persona('homonyme-rodez'), population.persona('homonyme-millau')];
    expect([a.nomNaissance, a.prenoms, a.dateNaissance]).toEqual([b.nomNaissance, b.prenoms, b.dateNaissance]);
    expect(a.lieuNaissance.code).not.toBe(b.lieuNaissance.code);
  });

  it('include someone known to no partner but the register', () => {
    const ref = population.persona('registre-seul').ref;
    expect([population.dossierCafParRef.has(ref), population.assureCpamParRef.has(ref), population.dossierCarsatParRef.has(ref)]).toEqual([false, false, false]);
    expect(population.baux.some((b) => b.titulaires.some((t) => t.personne === ref))).toBe(false);
  });

  it('include a Corsican-born (2A) and a foreign-born (99 350) person', () => {
    expect(population.persona('ne-en-corse').nir.slice(5, 10)).toBe('2A004');
    expect(population.persona('ne-a-l-etranger').nir.slice(5, 10)).toBe('99350');
  });
});

describe('the partners added for the whole agency', () => {
  it('covers agricultural households at MSA for family benefits, never at CAF', () => {
    expect(population.msa.length).toBeGreaterThan(0);
    for (const dossier of population.msa) {
      for (const s of dossier.sante) {
        expect(population.personneParRef.get(s.personne)?.regime).toBe('AGRICOLE');
        expect(population.dossierCafParRef.has(s.personne)).toBe(false);
        expect(population.assureCpamParRef.has(s.personne)).toBe(false);
      }
    }
    const farmer = population.persona('exploitant-agricole').ref;
    expect(population.dossierMsaParRef.get(farmer)?.famille?.droits.map((d) => d.prestation)).toEqual(['RSA', 'AF']);
    expect(population.dossierCafParRef.has(farmer)).toBe(false);
  });

  it('registers job seekers at France Travail with unique identifiants, most RSA recipients among them', () => {
    const ids = population.franceTravail.map((d) => d.identifiant);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => /^\d{7}[A-Z]$/.test(id))).toBe(true);
    expect(population.dossierFranceTravailParRef.get(population.persona('demandeur-emploi').ref)?.indemnisation).toMatchObject({ allocation: 'ARE', montantJournalierCents: 4_830 });
  });

  it('has SIAO requests for very poor households, including the homeless persona', () => {
    expect(population.siao.length).toBeGreaterThan(0);
    expect(population.demandesSiaoParRef.get(population.persona('sans-domicile').ref)).toEqual([expect.objectContaining({ type: 'URGENCE', statut: 'HEBERGEE' })]);
  });
});
