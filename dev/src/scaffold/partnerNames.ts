import { createHash } from 'node:crypto';

/** A new partner's names in each of the conventions the templates need. */
export interface PartnerNames {
  /** The subgraph's name and partner code: kebab-case (`mission-locale`). */
  code: string;
  /** The partner's name for people (`Mission locale de Rodez`). */
  libelle: string;
  /** The `Usager` field (`missionLocale`). */
  camel: string;
  /** Type names (`DossierMissionLocale`). */
  pascal: string;
  /** Environment-variable prefix (`MISSION_LOCALE`). */
  envPrefix: string;
  /** Prefix of the simulated file numbers (`ML`): initials, or the first three letters of a one-word code. */
  numberPrefix: string;
  /** The simulator's development API key: stable for a code, like the others' (`dev-caf-5e21a9`). */
  devApiKey: string;
  /** Default port of the subgraph. */
  port: number;
}

export function partnerNames(code: string, libelle: string, port: number): PartnerNames {
  const parts = code.split('-');
  const capitalize = (part: string) => part.charAt(0).toUpperCase() + part.slice(1);
  const letters = parts.map((p) => p.replace(/[^a-z]/g, '')).filter((p) => p !== '');
  return {
    code,
    libelle,
    camel: parts[0]! + parts.slice(1).map(capitalize).join(''),
    pascal: parts.map(capitalize).join(''),
    envPrefix: code.toUpperCase().replace(/-/g, '_'),
    numberPrefix: (letters.length > 1 ? letters.map((p) => p[0]).join('') : (letters[0] ?? 'dos').slice(0, 3)).toUpperCase(),
    devApiKey: `dev-${code}-${createHash('sha256').update(code).digest('hex').slice(0, 6)}`,
    port,
  };
}
