/** A provisional identity as the register returns it (mocks/docs/rip.md). */
export interface IdentiteProvisoire {
  /** `PRV` + 12 digits, from the register's sequence. */
  cle: string;
  nom_naissance: string;
  nom_usage: string | null;
  prenoms: string[];
  /** `1` male, `2` female, as declared. */
  sexe: '1' | '2';
  /** `YYYYMMDD`, or partial when the person does not know it: `YYYYMM`, `YYYY`. */
  date_naissance: string;
  /** INSEE commune code, or `99` + country code abroad, with its label. */
  lieu_naissance: { code: string; libelle: string };
  /** `YYYYMMDD`. */
  cree_le: string;
  /** Who recorded it (the agent's identifier, as the caller sends it). */
  cree_par: string;
  statut: 'ACTIVE' | 'RAPPROCHEE';
  /** The NIR, once reconciled; null while ACTIVE. */
  nir: string | null;
  /** `YYYYMMDD`, once reconciled. */
  rapprochee_le: string | null;
}
