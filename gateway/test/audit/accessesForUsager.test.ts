import path from 'node:path';
import { accessesForUsager } from '../../src/audit';
import { createAuditJournal } from '../../src/audit/createAuditJournal';
import { makeRecord, sealKey, useTempDir } from './auditTestKit';

const tempDir = useTempDir();
const journalPath = () => path.join(tempDir(), 'journal.jsonl');

describe('accessesForUsager', () => {
  it('lists who consulted one usager, newest first, with organisation, roles and purpose only', async () => {
    const journal = await createAuditJournal({ path: journalPath(), sealKey, sealEvery: 2 });
    // Appended out of time order (a slow request ends after a later one).
    await journal.append(makeRecord(1, { time: '2025-04-10T08:00:00.000Z', usagers: ['u_moi', 'u_autre'], organisation: 'CD12', roles: ['referent'], finalite: 'accompagnement' }));
    await journal.append(makeRecord(2, { time: '2025-04-12T09:30:00Z', usagers: ['u_autre'], organisation: 'CPAM12' }));
    await journal.append(makeRecord(3, { time: '2025-04-12T09:30:00.500Z', usagers: ['u_moi'], organisation: 'CAF12', roles: ['agent'], finalite: 'instruction', issue: 'partiel' }));
    await journal.append(makeRecord(4, { time: '2025-04-11T14:00:00.000Z', usagers: ['u_moi'], organisation: 'MAIRIE-RODEZ', roles: ['accueil'], finalite: 'premier-accueil', issue: 'refuse' }));
    await journal.append(makeRecord(5, { time: '2025-04-12T09:30:00Z', usagers: ['u_moi'], organisation: 'CCAS-RODEZ', roles: ['accueil'], finalite: 'premier-accueil' }));
    await journal.close();
    await expect(accessesForUsager(journalPath(), 'u_moi')).resolves.toEqual([
      { date: '2025-04-12T09:30:00.500Z', organisation: 'CAF12', roles: ['agent'], finalite: 'instruction' },
      { date: '2025-04-12T09:30:00Z', organisation: 'CCAS-RODEZ', roles: ['accueil'], finalite: 'premier-accueil' },
      { date: '2025-04-11T14:00:00.000Z', organisation: 'MAIRIE-RODEZ', roles: ['accueil'], finalite: 'premier-accueil' },
      { date: '2025-04-10T08:00:00.000Z', organisation: 'CD12', roles: ['referent'], finalite: 'accompagnement' },
    ]);
    await expect(accessesForUsager(journalPath(), 'u_autre')).resolves.toHaveLength(2);
    await expect(accessesForUsager(journalPath(), 'u_personne')).resolves.toEqual([]);
  });

  it('gives an empty list when there is no journal yet', async () => {
    await expect(accessesForUsager(path.join(tempDir(), 'absent.jsonl'), 'u_moi')).resolves.toEqual([]);
  });
});
