import { expect } from '@jest/globals';
import { createUsagerIdCodec } from '@passerelle/subgraph-kit';
import { loadDepartementConfig } from '../src/index';
import { decodeCursor, encodeCursor } from '../src/portefeuilleCursor';
import { cleIdempotence, dateIso, entier, heure, nirOfUsagerId, objectifIds, periode, texte } from '../src/validateArguments';

const argumentError = (argument: string) => expect.objectContaining({ extensions: { code: 'ARGUMENT_INVALIDE', argument, retryable: false } });

describe('argument checks', () => {
  it('decodes an id issued under the same secret, and refuses another', () => {
    const codec = createUsagerIdCodec('passerelle-dev-only-usager-id-secret');
    expect(nirOfUsagerId(codec, codec.encode('286041220200135'))).toBe('286041220200135');
    const other = createUsagerIdCodec('another-secret-of-16-chars');
    expect(() => nirOfUsagerId(codec, other.encode('286041220200135'))).toThrow(
      expect.objectContaining({ extensions: { code: 'IDENTIFIANT_USAGER_INVALIDE', argument: 'usagerId', retryable: false } }),
    );
  });

  it.each([null, undefined, 'abcdefgh', 'A_b-0123'.repeat(8)])('accepts the idempotency key %p', (key) => {
    expect(cleIdempotence(key)).toBe(key ?? null);
  });

  it.each(['short', 'a'.repeat(65), 'avec espace', 'accentué-123'])('refuses the idempotency key %p', (key) => {
    expect(() => cleIdempotence(key)).toThrow(argumentError('cleIdempotence'));
  });

  it('trims text and bounds its length', () => {
    expect(texte('  Bilan  ', 'objet', 200)).toBe('Bilan');
    expect(() => texte(' \n ', 'objet', 200)).toThrow(argumentError('objet'));
    expect(() => texte('x'.repeat(201), 'objet', 200)).toThrow(argumentError('objet'));
  });

  it.each([
    ['2024-02-29', '20240229'],
    ['2026-12-31', '20261231'],
  ])('turns the date %s into %s', (iso, legacy) => {
    expect(dateIso(iso, 'echeance')).toBe(legacy);
  });

  it.each(['2025-02-29', '2026-13-01', '20261231', '2026-1-05', ''])('refuses the date %p', (iso) => {
    expect(() => dateIso(iso, 'echeance')).toThrow(argumentError('echeance'));
  });

  it('checks times, bounds, contract objectives and periods', () => {
    expect(heure('09:05')).toBe('0905');
    for (const bad of ['9:05', '24:00', '12:60', '1200']) expect(() => heure(bad)).toThrow(argumentError('heure'));
    expect(entier(20, 'premier', 1, 100)).toBe(20);
    for (const bad of [0, 101, 1.5, null]) expect(() => entier(bad, 'premier', 1, 100)).toThrow(argumentError('premier'));
    expect(objectifIds(['OBJ-1', 'OBJ-1', 'OBJ-2'])).toEqual(['OBJ-1', 'OBJ-2']);
    expect(() => objectifIds([])).toThrow(argumentError('objectifIds'));
    expect(() => periode('20270101', '20270101')).toThrow(argumentError('dateFin'));
    expect(() => periode('20270101', '20270102')).not.toThrow();
  });
});

describe('caseload cursors', () => {
  it('round-trips a rank and refuses anything else', () => {
    expect(decodeCursor(encodeCursor(41))).toBe(41);
    for (const bad of ['', 'bm9wZQ', Buffer.from('portefeuille:1.5').toString('base64url'), Buffer.from('portefeuille:01').toString('base64url')]) {
      expect(() => decodeCursor(bad)).toThrow(argumentError('apres'));
    }
  });
});

describe('config', () => {
  it('runs on the simulator by default, with the identity subgraph’s default secret', () => {
    expect(loadDepartementConfig({})).toMatchObject({
      port: 4009,
      legacyUrl: 'http://127.0.0.1:4100/departement',
      legacyApiKey: 'dev-cd12-8f3a40',
      usagerIdSecret: 'passerelle-dev-only-usager-id-secret',
    });
  });

  it('names a malformed variable', () => {
    expect(() => loadDepartementConfig({ DEPARTEMENT_PORT: 'x', USAGER_ID_SECRET: 'short' })).toThrow(/DEPARTEMENT_PORT[\s\S]*USAGER_ID_SECRET/);
  });
});
