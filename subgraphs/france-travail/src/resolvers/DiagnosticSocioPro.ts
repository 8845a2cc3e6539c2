import { parseLegacyDate } from '@passerelle/subgraph-kit';
import type { DiagnosticLegacy } from '../legacy/types';

/** A `DiagnosticSocioPro` as the graph serves it; France Travail's constraint and need codes are the enums' values. */
export interface DiagnosticSocioPro {
  date: string;
  contraintes: DiagnosticLegacy['contraintes'];
  besoins: DiagnosticLegacy['besoins'];
}

/** France Travail diagnosis → `DiagnosticSocioPro`. */
export function toDiagnosticSocioPro(d: DiagnosticLegacy): DiagnosticSocioPro {
  return { date: parseLegacyDate(d.date_diagnostic), contraintes: [...d.contraintes], besoins: [...d.besoins] };
}
