import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createPopulation } from '@passerelle/mocks';
import { createUsagerIdCodec, type Caller, type Finalite } from '@passerelle/subgraph-kit';
import type { AuditRecord } from '../../src/audit/AuditRecord';
import { createAuditJournal } from '../../src/audit/createAuditJournal';
import { hashOperation } from '../../src/audit/hashOperation';
import { normalizeAuditRecord } from '../../src/audit/normalizeAuditRecord';
import { makeRecord, sealKey, useTempDir } from './auditTestKit';

const tempDir = useTempDir();
const journalPath = () => path.join(tempDir(), 'journal.jsonl');
const population = createPopulation({ size: 0 });
const codec = createUsagerIdCodec('test-usager-id-secret-0123456789');
// A NIR (2A/2B for Corsica), not inside a longer run of letters or digits such as a hex digest.
const nirShaped = /(?<![0-9A-Za-z])[12378]\s?\d{2}\s?\d{2}\s?(?:\d{2}|2[AB])\s?\d{3}\s?\d{3}\s?\d{2}(?![0-9A-Za-z])/i;

/** What the request path has in hand: the document and variables as received, the caller, what was read. */
interface ObservedRequest {
  document: string;
  variables: Record<string, unknown>;
  operationName: string | null;
  caller: Caller;
  finalite: Finalite;
  nir: string;
}

/** Builds a record the way the gateway is meant to, passing the whole request along as a careless caller might. */
function recordOf(request: ObservedRequest, index: number): AuditRecord {
  return {
    time: new Date(Date.UTC(2025, 3, 17, 9, 0, index)).toISOString(),
    traceId: `9f1c2a4e-7b3d-4c8e-a1f0-${String(index).padStart(12, '0')}`,
    agent: request.caller.subject,
    organisation: request.caller.organisation,
    roles: request.caller.roles,
    finalite: request.finalite,
    operationName: request.operationName,
    operationHash: hashOperation(request.document),
    usagers: [codec.encode(request.nir)],
    lectures: { identite: ['Identite.nomNaissance', 'Identite.prenoms'], caf: ['DossierCaf.quotientFamilial'], bailleurs: ['Bail.solde'] },
    refus: ['Usager.cpam'],
    issue: 'partiel',
    // Not part of AuditRecord: must never reach the file.
    ...({ document: request.document, variables: request.variables } as object),
  };
}

describe('the audit journal keeps no personal data beyond opaque ids', () => {
  it('writes no NIR, name or date of birth when records are built from real requests about the personas', async () => {
    const referent: Caller = { subject: 'agent-7f3b2c', kind: 'agent', roles: ['referent'], organisation: 'CD12', partenaire: null, referentId: 'ref-001', usagerId: null };
    const journal = await createAuditJournal({ path: journalPath(), sealKey, sealEvery: 5 });
    const people = population.personas.map(({ ref }) => population.personneParRef.get(ref)!);
    expect(people.some((person) => /2[AB]/.test(person.nir))).toBe(true);
    await Promise.all(
      people.map((person, index) =>
        journal.append(
          recordOf(
            {
              document: `query Recherche { usagerParNir(nir: "${person.nir}") { id identite { nomNaissance prenoms } } rechercherUsagers(identite: { nomNaissance: "${person.nomNaissance}", dateNaissance: "${person.dateNaissance}" }) { score } }`,
              variables: { nir: person.nir, nomNaissance: person.nomNaissance, prenoms: person.prenoms, adresse: person.adresse },
              operationName: 'Recherche',
              caller: referent,
              finalite: 'accompagnement',
              nir: person.nir,
            },
            index,
          ),
        ),
      ),
    );
    await journal.close();
    const written = await readFile(journalPath(), 'utf8');
    expect(written.split('\n').filter((line) => line !== '')).toHaveLength(people.length + Math.ceil(people.length / 5));
    expect(written).not.toMatch(nirShaped);
    for (const person of people) {
      expect(written).not.toContain(person.nir);
      expect(written).not.toContain(person.nomNaissance);
      expect(written).not.toContain(person.dateNaissance);
      expect(written).toContain(codec.encode(person.nir));
    }
    expect(written).not.toContain('usagerParNir');
  });

  it.each([
    ['agent', { agent: '184127645108946' }],
    ['agent', { agent: 'mail 1 84 12 76 451 089 46' }],
    ['organisation', { organisation: 'CD12-190072A00401234' }],
    ['usagers[0]', { usagers: ['190072A004012' + '34'] }],
    ['traceId', { traceId: 'req-284127645108946' }],
  ] as Array<[string, Partial<AuditRecord>]>)('refuses a NIR in %s without echoing it', (field, change) => {
    const value = Object.values(change)[0];
    const nir = String(Array.isArray(value) ? value[0] : value);
    expect(() => normalizeAuditRecord(makeRecord(1, change))).toThrow(`Invalid audit record: ${field}: expected`);
    try {
      normalizeAuditRecord(makeRecord(1, change));
    } catch (error) {
      expect((error as Error).message).not.toContain(nir.replace(/^\D+/, ''));
    }
  });

  it('accepts opaque ids and digests, whatever digits they happen to hold', () => {
    const id = codec.encode(population.personneParRef.get(population.personas[0]!.ref)!.nir);
    expect(normalizeAuditRecord(makeRecord(1, { usagers: [id], operationHash: `184127645108946${'a'.repeat(49)}` })).usagers).toEqual([id]);
  });
});
