import type { BeneficiaireDepartement } from './BeneficiaireDepartement';
import { legacy } from './isoDates';

type B = BeneficiaireDepartement;
type Parcours = B['parcours'][number];

/** The Département system's statistics and the dimensions each groups by (mocks/docs/departement.md). */
export const statistiquesDepartement = {
  'parcours-ouverts': ['MOTIF', 'STRUCTURE'],
  'parcours-clos': ['MOTIF', 'ISSUE'],
  'parcours-en-cours': ['MOTIF', 'EQUIPE'],
  'delais-rsa': ['DELAI_ORIENTATION', 'DELAI_CONTRAT'],
} as const;
export type NomStatistique = keyof typeof statistiquesDepartement;
export const isNomStatistique = (nom: string): nom is NomStatistique => Object.hasOwn(statistiquesDepartement, nom);

/** One unit counted, with its value on every dimension of its statistic. */
export type Unite = Record<string, string>;

/** The bands of a delay in whole months elapsed: under 1 (or negative), 1, 2–3, 4 and more. */
function tranche(depuis: string, jusque: string): string {
  const [ya, ma, da] = [Number(depuis.slice(0, 4)), Number(depuis.slice(4, 6)), Number(depuis.slice(6, 8))];
  const [yb, mb, db] = [Number(jusque.slice(0, 4)), Number(jusque.slice(4, 6)), Number(jusque.slice(6, 8))];
  const mois = (yb - ya) * 12 + (mb - ma) - (db < da ? 1 : 0);
  return mois < 1 ? 'M0_1' : mois < 2 ? 'M1_2' : mois < 4 ? 'M2_4' : 'M4_PLUS';
}

/**
 * The structure of the référent in charge on `jour` (`YYYYMMDD`, ends included): its Passerelle
 * partner code, `HORS_PARTENAIRE` for a structure that is not a partner (a CCAS), `SANS_REFERENT`
 * when nobody was. On a change day both lines cover the day: the newer one counts.
 */
function structureLe(b: B, jour: string): string {
  const enCharge = b.referents.filter((r) => r.dt_debut <= jour && (r.dt_fin === null || r.dt_fin >= jour)).sort((x, y) => y.dt_debut.localeCompare(x.dt_debut))[0];
  if (enCharge === undefined) return 'SANS_REFERENT';
  return enCharge.partenaire_passerelle ?? 'HORS_PARTENAIRE';
}

const ouvertLe = (p: Parcours, jour: string) => p.dt_ouverture <= jour && (p.dt_cloture === null || p.dt_cloture > jour);

/**
 * The units of one statistic for the month from `premier` to `dernier` (`YYYYMMDD`), read from the
 * files as they stand (one observation: dates place things in months, states are today's).
 * `droitOuvertLe` is the RSA right's opening date the CAF/MSA flux gave, by usager key.
 */
export function unitesDepartement(nom: NomStatistique, fichiers: Iterable<B>, premier: string, dernier: string, droitOuvertLe: ReadonlyMap<string, string>): Unite[] {
  const unites: Unite[] = [];
  for (const b of fichiers) {
    if (nom === 'delais-rsa') {
      const rsa = b.dossier_rsa;
      const ouverture = droitOuvertLe.get(b.nir);
      // Those the Département owes an orientation: subject to rights and duties, right open (2–4), opened by the month's end.
      if (rsa === null || ouverture === undefined || rsa.top_droits_devoirs !== 'O' || !['2', '3', '4'].includes(rsa.etat_dossier) || ouverture > dernier) continue;
      const orientation = rsa.orientation !== null && rsa.orientation.dt_orientation <= dernier ? tranche(ouverture, rsa.orientation.dt_orientation) : 'SANS';
      const contrat = b.contrat !== null && b.contrat.dt_debut <= dernier ? tranche(ouverture, b.contrat.dt_debut) : 'SANS';
      unites.push({ DELAI_ORIENTATION: orientation, DELAI_CONTRAT: contrat });
      continue;
    }
    for (const p of b.parcours) {
      if (nom === 'parcours-ouverts' && p.dt_ouverture >= premier && p.dt_ouverture <= dernier) {
        const jour = p.dt_cloture !== null && p.dt_cloture <= dernier ? p.dt_cloture : dernier;
        unites.push({ MOTIF: p.cd_motif, STRUCTURE: structureLe(b, jour) });
      } else if (nom === 'parcours-clos' && p.dt_cloture !== null && p.dt_cloture >= premier && p.dt_cloture <= dernier) {
        unites.push({ MOTIF: p.cd_motif, ISSUE: p.cd_issue ?? 'FUS' });
      } else if (nom === 'parcours-en-cours' && ouvertLe(p, dernier)) {
        const membres = b.equipe.filter((m) => m.dt_debut <= dernier && (m.dt_fin === null || m.dt_fin > dernier)).length;
        unites.push({ MOTIF: p.cd_motif, EQUIPE: String(membres) });
      }
    }
  }
  return unites;
}

/** `YYYY-MM-DD` → the first day of its month, `YYYYMMDD`. */
export const premierDuMois = (dernierJour: string) => legacy(`${dernierJour.slice(0, 8)}01`);
