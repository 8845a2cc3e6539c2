import type { Beneficiaire } from '../legacy/types';
import type { PartenaireSource } from './codesDepartement';

/** The other partners' fields `synthese` @requires, as the gateway sends them (null: the partner does not know the person, or failed). */
export interface DonneesRequises {
  caf?: { droits: Array<{ prestation: string; montantMensuel: number }> } | null;
  cpam?: { c2s: { statut: 'NON' | 'SANS_PARTICIPATION' | 'AVEC_PARTICIPATION'; dateFin: string | null } } | null;
  logementSocial?: {
    bailleurs: Array<{ bailleur: { code: string; nom: string }; baux: Array<{ moisImpayes: number; solde: number; planApurement: { respecte: boolean } | null }> } | null>;
  } | null;
}

type DroitSynthese = 'RSA' | 'PRIME_ACTIVITE' | 'AAH' | 'AIDE_LOGEMENT' | 'C2S_SANS_PARTICIPATION' | 'C2S_AVEC_PARTICIPATION';
export interface DroitOuvert {
  droit: DroitSynthese;
  partenaire: PartenaireSource;
  montantMensuel: number | null;
  dateFin: string | null;
}
export interface Alerte {
  type: 'RSA_SUSPENDU' | 'SANS_REFERENT' | 'IMPAYE_LOYER' | 'PLAN_APUREMENT_NON_RESPECTE';
  partenaire: PartenaireSource;
  message: string;
}
export interface Synthese {
  droitsOuverts: DroitOuvert[];
  alertes: Alerte[];
}

/** CAF benefits the summary shows, by their `PrestationCaf` value. */
const droitsCaf: Readonly<Record<string, DroitSynthese>> = { PRIME_ACTIVITE: 'PRIME_ACTIVITE', AAH: 'AAH', APL: 'AIDE_LOGEMENT', ALF: 'AIDE_LOGEMENT', ALS: 'AIDE_LOGEMENT' };
const euros = (amount: number) => `${amount.toFixed(2).replace('.', ',')} €`;

function rsa(b: Beneficiaire | null, caf: DonneesRequises['caf']): { droits: DroitOuvert[]; alertes: Alerte[] } {
  if (!b) return { droits: [], alertes: [] };
  const { etat_dossier: etat, cd_organisme_payeur: payeur, top_droits_devoirs: soumis } = b.dossier_rsa;
  if (etat !== '2' && etat !== '3' && etat !== '4') return { droits: [], alertes: [] };
  // The amount is the payer's: CAF's today; MSA's once the summary requires the msa subgraph's fields.
  const montant = payeur === 'CAF' ? (caf?.droits.find((d) => d.prestation === 'RSA')?.montantMensuel ?? null) : null;
  const alertes: Alerte[] = [];
  if (etat === '3') alertes.push({ type: 'RSA_SUSPENDU', partenaire: payeur, message: 'RSA suspendu (état 3).' });
  if (etat === '4') alertes.push({ type: 'RSA_SUSPENDU', partenaire: payeur, message: 'Versement du RSA suspendu (état 4).' });
  if (soumis === 'O' && !b.referents.some((r) => r.dt_fin === null)) {
    alertes.push({ type: 'SANS_REFERENT', partenaire: 'DEPARTEMENT', message: 'Soumis aux droits et devoirs sans référent de parcours actif.' });
  }
  return { droits: [{ droit: 'RSA', partenaire: payeur, montantMensuel: montant, dateFin: null }], alertes };
}

function logement(l: DonneesRequises['logementSocial']): Alerte[] {
  return (l?.bailleurs ?? []).flatMap((situation) =>
    (situation?.baux ?? []).flatMap((bail): Alerte[] => [
      ...(bail.moisImpayes > 0 ? [{ type: 'IMPAYE_LOYER' as const, partenaire: 'BAILLEURS' as const, message: `${bail.moisImpayes} mois de loyer impayés chez ${situation!.bailleur.nom} (solde ${euros(bail.solde)}).` }] : []),
      ...(bail.planApurement?.respecte === false ? [{ type: 'PLAN_APUREMENT_NON_RESPECTE' as const, partenaire: 'BAILLEURS' as const, message: `Plan d'apurement non respecté chez ${situation!.bailleur.nom}.` }] : []),
    ]),
  );
}

/**
 * Open rights and alerts at a glance: RSA from the Département's own file (whoever pays it),
 * then CAF's rights in CAF's order, then the C2S; alerts from the RSA file and the landlords.
 */
export function computeSynthese(b: Beneficiaire | null, requises: DonneesRequises): Synthese {
  const fromRsa = rsa(b, requises.caf);
  const fromCaf = (requises.caf?.droits ?? []).flatMap((d): DroitOuvert[] => {
    const droit = droitsCaf[d.prestation];
    return droit ? [{ droit, partenaire: 'CAF', montantMensuel: d.montantMensuel, dateFin: null }] : [];
  });
  const c2s = requises.cpam?.c2s;
  const fromCpam: DroitOuvert[] = c2s && c2s.statut !== 'NON' ? [{ droit: c2s.statut === 'SANS_PARTICIPATION' ? 'C2S_SANS_PARTICIPATION' : 'C2S_AVEC_PARTICIPATION', partenaire: 'CPAM', montantMensuel: null, dateFin: c2s.dateFin }] : [];
  return { droitsOuverts: [...fromRsa.droits, ...fromCaf, ...fromCpam], alertes: [...fromRsa.alertes, ...logement(requises.logementSocial)] };
}
