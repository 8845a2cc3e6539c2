import type { Population } from '../../population/createPopulation';
import { applyCommande } from './applyCommande';
import type { BeneficiaireDepartement } from './BeneficiaireDepartement';
import type { CorpsCommande, NomCommande } from './commandSchemas';
import { aujourdhui, legacy } from './isoDates';
import { fusionnerDossiers, nombreEnregistrements } from './fusionnerDossiers';
import { dossierVide } from './dossierVide';
import { seedDepartement } from './seedDepartement';

/** An answer of the system, as sent, kept for replays under an idempotency key. */
export interface Reponse {
  status: number;
  body: unknown;
}

/** The Département system's state: it is the one simulator that remembers what it is told. */
export interface DepartementStore {
  beneficiaire(nir: string): BeneficiaireDepartement | undefined;
  beneficiaires(): Iterable<BeneficiaireDepartement>;
  /**
   * Runs a command. With a key: the same key and the same command replay the first answer
   * (`rejeu`) without running it again; the same key with another command is refused (409).
   */
  executer<C extends NomCommande>(commande: C, corps: CorpsCommande<C>, cle: string | null): Reponse & { rejeu: boolean };
  /**
   * Moves the file held under a provisional key to a NIR, merging it into the NIR's file when
   * there is one; answers how many records moved (0 when nothing is held under the key: a retry).
   */
  rapprocher(cleProvisoire: string, nir: string): { deplaces: number };
}

/** A fresh state seeded from `population`; each simulator instance (each `handlers()` call) has its own. */
export function createDepartementStore(population: Population): DepartementStore {
  const seeded = seedDepartement(population);
  const fichiers = seeded.beneficiaires;
  let sequences = seeded.sequences;
  const rejeux = new Map<string, { empreinte: string; reponse: Reponse }>();

  const run = <C extends NomCommande>(commande: C, corps: CorpsCommande<C>): Reponse => {
    // Opening a parcours is how a usager without an RSA file gets one: the file is created with it (and dropped if refused).
    const current = fichiers.get(corps.nir) ?? (commande === 'ouverture-parcours' ? dossierVide(corps.nir) : undefined);
    if (!current) return { status: 404, body: { code_erreur: 'BENEFICIAIRE_INCONNU', libelle: 'Aucun dossier pour ce NIR' } };
    // The command works on copies; they replace the originals only once every rule has passed.
    const draft = structuredClone(current);
    const seq = { ...sequences };
    const resultat = applyCommande(commande, corps, draft, seq);
    if ('code_erreur' in resultat) return { status: resultat.status, body: { code_erreur: resultat.code_erreur, libelle: resultat.libelle } };
    fichiers.set(corps.nir, draft);
    sequences = seq;
    return { status: 200, body: { id_objet: resultat.id_objet, beneficiaire: draft } };
  };

  return {
    beneficiaire: (nir) => fichiers.get(nir),
    beneficiaires: () => fichiers.values(),
    executer(commande, corps, cle) {
      const empreinte = JSON.stringify([commande, corps]);
      const earlier = cle === null ? undefined : rejeux.get(cle);
      if (earlier && earlier.empreinte !== empreinte) {
        return { status: 409, body: { code_erreur: 'CLE_IDEMPOTENCE_REUTILISEE', libelle: "Clé d'idempotence déjà utilisée pour une autre commande" }, rejeu: false };
      }
      if (earlier) return { ...earlier.reponse, rejeu: true };
      const reponse = run(commande, corps);
      if (cle !== null) rejeux.set(cle, { empreinte, reponse: structuredClone(reponse) });
      return { ...reponse, rejeu: false };
    },
    rapprocher(cleProvisoire, nir) {
      const provisoire = fichiers.get(cleProvisoire);
      if (!provisoire) return { deplaces: 0 };
      const existant = fichiers.get(nir);
      // One synchronous step: the merged file replaces both, so no reader ever sees the usager under two keys or none.
      const fusion = existant ? fusionnerDossiers(existant, provisoire, legacy(aujourdhui)) : { ...structuredClone(provisoire), nir };
      fichiers.set(nir, fusion);
      fichiers.delete(cleProvisoire);
      return { deplaces: nombreEnregistrements(provisoire) };
    },
  };
}
