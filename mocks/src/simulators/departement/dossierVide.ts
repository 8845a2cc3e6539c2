import type { BeneficiaireDepartement } from './BeneficiaireDepartement';

/** A file with nothing in it yet: what `ouverture-parcours` starts from for a usager the system does not know, and the seed's base. */
export const dossierVide = (nir: string): BeneficiaireDepartement => ({
  nir,
  dossier_rsa: null,
  parcours: [],
  referents: [],
  equipe: [],
  objectifs: [],
  notes: [],
  rendez_vous: [],
  contrat: null,
  oppositions: [],
});
