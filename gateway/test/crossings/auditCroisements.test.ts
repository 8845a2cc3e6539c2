import { describe, expect, it } from '@jest/globals';
import { normalizeAuditRecord, type AuditRecord } from '../../src/audit/index';

const base: AuditRecord = {
  time: '2026-11-02T09:00:00.000Z',
  traceId: 'r-1',
  agent: 'a-1',
  organisation: 'CD12',
  roles: ['analyste'],
  finalite: 'statistique',
  operationName: null,
  operationHash: 'a'.repeat(64),
  usagers: [],
  lectures: {},
  refus: [],
  issue: 'ok',
};
const crossing = { nom: 'RSA_ET_IMPAYE_LOYER', mois: '2026-10', partenaires: ['caf', 'bailleurs'], effectif: 22, secret: null };

describe('crossings in the audit journal', () => {
  it('are kept with their name, month, partners (sorted) and published count; records without any are unchanged', () => {
    expect(normalizeAuditRecord({ ...base, croisements: [crossing] }).croisements).toEqual([{ ...crossing, partenaires: ['bailleurs', 'caf'] }]);
    expect(Object.keys(normalizeAuditRecord(base))).not.toContain('croisements');
  });

  it('never keep a suppressed count, a count without a reason missing, or anything shaped like a pseudonym', () => {
    expect(() => normalizeAuditRecord({ ...base, croisements: [{ ...crossing, effectif: 5 }] })).toThrow('croisements[0].effectif');
    expect(() => normalizeAuditRecord({ ...base, croisements: [{ ...crossing, effectif: null }] })).toThrow('croisements[0].secret');
    expect(() => normalizeAuditRecord({ ...base, croisements: [{ ...crossing, nom: 'Zk3p_9aX-'.repeat(5) }] })).toThrow('croisements[0].nom');
    expect(normalizeAuditRecord({ ...base, croisements: [{ ...crossing, effectif: null, secret: 'ECHEC' }] }).croisements).toEqual([
      { ...crossing, partenaires: ['bailleurs', 'caf'], effectif: null, secret: 'ECHEC' },
    ]);
  });
});
