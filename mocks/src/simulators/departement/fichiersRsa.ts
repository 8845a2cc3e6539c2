import type { Population } from '../../population/createPopulation';
import type { DossierCaf, DroitCaf, Personne } from '../../population/types';

/** One person's line of the monthly RSA flux the Département receives from CAF or MSA. */
export interface FichierRsa {
  personne: Personne;
  payeur: 'CAF' | 'MSA';
  /** Numéro allocataire (CAF) or numéro d'adhérent (MSA). */
  numero: string;
  droit: DroitCaf;
}

function lignes(dossier: DossierCaf, payeur: FichierRsa['payeur'], population: Population): FichierRsa[] {
  const droit = dossier.droits.find((d) => d.prestation === 'RSA');
  if (!droit) return [];
  // Both adults of the household are beneficiaries, each with their own rights and duties.
  return [dossier.allocataire, dossier.conjoint]
    .map((ref) => (ref ? population.personneParRef.get(ref) : undefined))
    .filter((p): p is Personne => p !== undefined)
    .map((personne) => ({ personne, payeur, numero: dossier.numeroAllocataire, droit }));
}

/** Every adult of an RSA household, from the CAF files then the MSA family files, in the population's order. */
export function fichiersRsa(population: Population): FichierRsa[] {
  return [...population.caf.flatMap((d) => lignes(d, 'CAF', population)), ...population.msa.flatMap((d) => (d.famille ? lignes(d.famille, 'MSA', population) : []))];
}

/** True when the Département owes the person an orientation and a référent: an open right (states 2–4) subject to rights and duties. */
export function soumisEtOuvert(droit: DroitCaf): boolean {
  return droit.soumisDroitsDevoirs === true && (droit.etatRsa === 2 || droit.etatRsa === 3 || droit.etatRsa === 4);
}
