import { z } from 'zod';
import { balanceCents, legacyDate } from './legacySchemas';

/** RAH's statistics of leases in arrears at its monthly arrêté: by number of months unpaid, with the balances owed (cents). */
export const statistiquesImpayesRahSchema = z.object({
  DATE_ARRETE: legacyDate,
  IMPAYES: z.array(z.object({ NB_MOIS_IMPAYES: z.number().int().min(1), NB_BAUX: z.number().int().min(1), SOLDE_TOTAL: balanceCents })),
});

/** AH's statistics of leases in arrears at its monthly closing: the same figures, its own names. */
export const statistiquesImpayesAhSchema = z.object({
  dateCloture: legacyDate,
  repartition: z.array(z.object({ moisImpayes: z.number().int().min(1), nombreBaux: z.number().int().min(1), montantDu: balanceCents })),
});

/** One landlord's count, whichever system gave it. */
export interface ImpayesBailleur {
  dateReference: string;
  lignes: Array<{ moisImpayes: number; baux: number; montantCents: number }>;
}
