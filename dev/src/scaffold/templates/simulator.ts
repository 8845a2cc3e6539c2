import type { PartnerNames } from '../partnerNames';

/** The personas the new partner's simulator knows, with their file: fixed, so tests and examples can name them. */
export const personaRecords = [
  { persona: 'rsa-isolee', numero: 101, etat: 'O', ouverture: '20250312', maj: '20261002' },
  { persona: 'demandeur-emploi', numero: 102, etat: 'O', ouverture: '20240930', maj: '20261114' },
  { persona: 'sans-domicile', numero: 103, etat: 'S', ouverture: '20230605', maj: '20260921' },
] as const;

export function simulatorIndexTs(n: PartnerNames): string {
  return `// The simulator's entry point: mocks/src/simulators/discoverLegacySystems.ts finds every system by its folder's \`system\`.
export { ${n.camel} as system } from './${n.camel}Handlers';
`;
}

export function simulatorRecordsTs(n: PartnerNames): string {
  const personas = personaRecords
    .map((r) => `  { persona: '${r.persona}', NUM_DOSSIER: '${n.numberPrefix}-${String(r.numero).padStart(6, '0')}', ETAT: '${r.etat}', DATE_OUVERTURE: '${r.ouverture}', DATE_MAJ: '${r.maj}' },`)
    .join('\n');
  return `import type { Population } from '../../population/createPopulation';
import type { PersonaKey } from '../../population/personas';
import { dateObservation } from '../../population/scale2025';
import type { Personne } from '../../population/types';

/** A file as the system of ${n.libelle} returns it (mocks/docs/${n.code}.md). */
export interface Dossier${n.pascal}Legacy {
  NIR: string;
  NUM_DOSSIER: string;
  ETAT: 'O' | 'S' | 'C';
  DATE_OUVERTURE: string;
  DATE_MAJ: string;
  ANTENNE: string;
}

/** The documented personas this partner follows; every other persona is unknown to it. */
const personaFiles: ReadonlyArray<{ persona: PersonaKey } & Omit<Dossier${n.pascal}Legacy, 'NIR' | 'ANTENNE'>> = [
${personas}
];

/** FNV-1a of a NIR: a stable pseudo-random number per person, so the derived files never change. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (const char of text) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return hash;
}

const isoToLegacy = (iso: string) => iso.replaceAll('-', '');
const addDays = (iso: string, days: number) => new Date(Date.parse(\`\${iso}T00:00:00Z\`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * One adult in nine of the synthetic population (by hash of the NIR) has a file, opened
 * between 2019 and 2025, at the office of their commune; most are open.
 */
function derivedFile(p: Personne): Dossier${n.pascal}Legacy | null {
  const hash = hashOf(p.nir);
  if (hash % 9 !== 0 || p.dateNaissance > addDays(dateObservation, -18 * 365)) return null;
  const ouverture = addDays('2019-01-01', hash % 2400);
  const maj = addDays(ouverture, 30 + (hash % 400));
  return {
    NIR: p.nir,
    NUM_DOSSIER: \`${n.numberPrefix}-\${String(200_000 + (hash % 700_000)).padStart(6, '0')}\`,
    ETAT: (['O', 'O', 'O', 'S', 'C'] as const)[hash % 5]!,
    DATE_OUVERTURE: isoToLegacy(ouverture),
    DATE_MAJ: isoToLegacy(maj < dateObservation ? maj : dateObservation),
    ANTENNE: p.adresse.commune,
  };
}

/** Every file the system holds, by NIR: the personas' first, then those derived from the population. */
export function files${n.pascal}(population: Population): ReadonlyMap<string, Dossier${n.pascal}Legacy> {
  const files = new Map<string, Dossier${n.pascal}Legacy>();
  for (const { persona, ...file } of personaFiles) {
    const p = population.persona(persona);
    files.set(p.nir, { NIR: p.nir, ...file, ANTENNE: p.adresse.commune });
  }
  const personas = new Set(population.personas.map((p) => p.ref));
  for (const p of population.personnes) {
    if (personas.has(p.ref) || files.has(p.nir)) continue;
    const file = derivedFile(p);
    if (file) files.set(p.nir, file);
  }
  return files;
}
`;
}

export function simulatorHandlersTs(n: PartnerNames): string {
  return `import { HttpResponse } from 'msw';
import { z } from 'zod';
import type { Population } from '../../population/createPopulation';
import { checkApiKey, legacyError, readBody } from '../legacyHttp';
import type { LegacySystem } from '../LegacySystem';
import { legacyRoute } from '../legacyRoute';
import { files${n.pascal} } from './${n.camel}Records';

const maxBatchSize = 50;

// NIR format only (13 characters incl. 2A/2B, then the key); the key is not checked here.
const rechercheBody = z.object({ nirs: z.array(z.string().regex(/^\\d{5}(\\d{2}|2A|2B)\\d{8}$/)).min(1) });

/** ${n.libelle}: batch lookup of files by NIR (mocks/docs/${n.code}.md). */
export const ${n.camel}: LegacySystem = {
  name: '${n.code}',
  prefix: '/${n.code}',
  apiKeyHeader: 'X-Cle-Api',
  devApiKey: '${n.devApiKey}',
  maxBatchSize,
  handlers(baseUrl: string, population: Population) {
    const auth = (request: Request) => checkApiKey(request, this.apiKeyHeader, this.devApiKey);
    const files = files${n.pascal}(population);
    return [
      legacyRoute.post(\`\${baseUrl}/api/v1/dossiers/recherche\`, async ({ request }) => {
        const denied = auth(request);
        if (denied) return denied;
        const read = await readBody(request, rechercheBody);
        if (!read.ok) return read.response;
        if (read.body.nirs.length > maxBatchSize) return legacyError(413, 'LOT_TROP_GRAND', \`Au plus \${maxBatchSize} NIR par appel\`);
        const nirs = [...new Set(read.body.nirs)];
        const dossiers = nirs.flatMap((nir) => files.get(nir) ?? []);
        return HttpResponse.json({ dossiers, non_trouves: nirs.length - dossiers.length });
      }),
    ];
  },
};
`;
}

export function apiDocMd(n: PartnerNames): string {
  const example = personaRecords[0];
  return `# ${n.libelle} — files by NIR (simulated)

The system of ${n.libelle}. Passerelle's \`${n.code}\` subgraph wraps it. Base URL in dev:
\`http://127.0.0.1:4100/${n.code}\`.

Conventions: upper-case field names, dates \`YYYYMMDD\`, state codes instead of labels.
Every call carries the header \`X-Cle-Api\` (dev key \`${n.devApiKey}\`); a missing or wrong
key gets \`401 AUTH_REFUSEE\`. Errors: \`{ "code_erreur": "…", "libelle": "…" }\`.

## \`POST /api/v1/dossiers/recherche\` — batch lookup by NIR

Body \`{ "nirs": ["…", …] }\`: 1 to **50** NIRs (\`413 LOT_TROP_GRAND\` above), each of 15
characters (\`2A\`/\`2B\` allowed); anything else is \`400 REQUETE_INVALIDE\`. Answer
\`200 { "dossiers": [Dossier…], "non_trouves": <count> }\`; people without a file are simply
absent. Order not guaranteed; a NIR asked twice is answered once.

## Dossier

\`\`\`json
{ "NIR": "286041220200135", "NUM_DOSSIER": "${n.numberPrefix}-${String(example.numero).padStart(6, '0')}", "ETAT": "${example.etat}",
  "DATE_OUVERTURE": "${example.ouverture}", "DATE_MAJ": "${example.maj}", "ANTENNE": "Rodez" }
\`\`\`

| Field | Meaning |
|---|---|
| \`NIR\` | the NIR asked for |
| \`NUM_DOSSIER\` | file number: \`${n.numberPrefix}-\` and six digits |
| \`ETAT\` | \`O\` ouvert (followed), \`S\` suspendu (paused), \`C\` clos (ended, kept for its retention period) |
| \`DATE_OUVERTURE\` | when the file was opened |
| \`DATE_MAJ\` | when the partner last changed it |
| \`ANTENNE\` | the office following the person: the name of their commune |

## Simulated data

The personas \`rsa-isolee\` (\`${n.numberPrefix}-000101\`, open), \`demandeur-emploi\`
(\`${n.numberPrefix}-000102\`, open) and \`sans-domicile\` (\`${n.numberPrefix}-000103\`,
suspended) have a file; the other personas have none. In the synthetic population, one adult
in nine (chosen by a hash of the NIR, so always the same people) has a file opened between
2019 and 2025, at their commune's office.
`;
}
