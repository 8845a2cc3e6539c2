import { parseLegacyDate } from '@passerelle/subgraph-kit';
import type { Beneficiaire } from '../legacy/types';
import { toComplementaireSanteSolidaire, type ComplementaireSanteSolidaire } from './ComplementaireSanteSolidaire';
import { toRegimeAssuranceMaladie, type RegimeAssuranceMaladie } from './RegimeAssuranceMaladie';

/** Names of the managing funds by 3-digit code *(unverified: 121 taken as the CPAM de l'Aveyron)*. */
const caisses: Readonly<Record<string, string>> = { '121': "CPAM de l'Aveyron" };

/** A `CouvertureSante` as the graph serves it. */
export interface CouvertureSante {
  regime: RegimeAssuranceMaladie;
  caisse: string;
  dateDebutDroits: string;
  c2s: ComplementaireSanteSolidaire;
  medecinTraitantDeclare: boolean;
  indemnitesJournalieresEnCours: boolean;
}

/** CPAM beneficiary → `CouvertureSante`. Only coverage fields exist on either side: nothing medical. */
export function toCouvertureSante(b: Beneficiaire): CouvertureSante {
  return {
    regime: toRegimeAssuranceMaladie(b.code_regime),
    // A fund missing from the table still shows its code rather than nothing.
    caisse: caisses[b.code_caisse] ?? `Caisse ${b.code_caisse}`,
    dateDebutDroits: parseLegacyDate(b.date_ouverture_droits),
    c2s: toComplementaireSanteSolidaire(b.c2s),
    medecinTraitantDeclare: b.medecin_traitant === 'O',
    indemnitesJournalieresEnCours: b.ij_en_cours === 'O',
  };
}
