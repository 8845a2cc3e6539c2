import type { AccueilContext } from '../context';
import type { LieuLegacy, PeriodiciteLegacy } from '../legacy/types';
import { jourDeNumero, joursSemaine, toHeure, type JourSemaine } from './JourSemaine';
import { partenaireDeCode, type Partenaire } from './Partenaire';
import { serviceDeCode, type ServiceAccueil } from './ServiceAccueil';

type Periodicite = 'HEBDOMADAIRE' | 'BIMENSUELLE' | 'MENSUELLE';
const periodicite: Readonly<Record<PeriodiciteLegacy, Periodicite>> = { H: 'HEBDOMADAIRE', Q: 'BIMENSUELLE', M: 'MENSUELLE' };
const typeLieu = { MDS: 'MAISON_DES_SOLIDARITES', CCAS: 'CCAS', FS: 'FRANCE_SERVICES', TLS: 'TIERS_LIEU' } as const;

/** A `LieuAccueil` as the graph serves it. */
export interface LieuAccueilParent {
  id: string;
  nom: string;
  type: (typeof typeLieu)[keyof typeof typeLieu];
  adresse: { ligne: string; codePostal: string; commune: string; codeCommune: string };
  telephone: string | null;
  horaires: Array<{ jour: JourSemaine; plages: Array<{ debut: string; fin: string }> }>;
  services: ServiceAccueil[];
  permanences: Array<{ partenaire: Partenaire; jour: JourSemaine; debut: string; fin: string; periodicite: Periodicite; surRendezVous: boolean }>;
}

/** Directory place → `LieuAccueil`: the opening periods grouped by day, Monday first, each day's in time order. */
export function toLieuAccueil(l: LieuLegacy): LieuAccueilParent {
  const creneaux = [...l.horaires].sort((a, b) => a.jour - b.jour || a.ouverture.localeCompare(b.ouverture));
  const horaires = joursSemaine
    .map((jour, index) => ({ jour, plages: creneaux.filter((c) => c.jour === index + 1).map((c) => ({ debut: toHeure(c.ouverture), fin: toHeure(c.fermeture) })) }))
    .filter((h) => h.plages.length > 0);
  return {
    id: l.code_lieu,
    nom: l.libelle,
    type: typeLieu[l.type_lieu],
    adresse: { ligne: l.adresse.voie, codePostal: l.adresse.code_postal, commune: l.adresse.commune, codeCommune: l.adresse.code_insee },
    telephone: l.telephone,
    horaires,
    services: l.services.map((s) => serviceDeCode[s]),
    permanences: l.permanences.map((p) => ({
      partenaire: partenaireDeCode[p.code_partenaire],
      jour: jourDeNumero(p.jour),
      debut: toHeure(p.debut),
      fin: toHeure(p.fin),
      periodicite: periodicite[p.periodicite],
      surRendezVous: p.sur_rdv === 'O',
    })),
  };
}

/** The place with this id in the request's directory; null when there is none. */
export async function lieuParId(ctx: AccueilContext, id: string): Promise<LieuAccueilParent | null> {
  const lieu = (await ctx.loaders.annuaire()).get(id);
  return lieu ? toLieuAccueil(lieu) : null;
}

export const LieuAccueil = {
  __resolveReference: (ref: { id: string }, ctx: AccueilContext): Promise<LieuAccueilParent | null> => lieuParId(ctx, ref.id),
};
