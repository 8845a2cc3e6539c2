import type { Population } from '../../population/createPopulation';
import type { BeneficiaireDepartement } from './BeneficiaireDepartement';
import { fichiersRsa, soumisEtOuvert, type FichierRsa } from './fichiersRsa';
import { generatedSharedFile } from './generatedFile';
import { addDays, aujourdhui, hashOf, legacy } from './isoDates';
import { personaFiles } from './personaFiles';
import { referentsDepartement, type CodeOrientation, type ReferentDirectoire } from './referentsDepartement';
import { createSequences, type Sequences } from './sequences';

/** `ref-001`'s share of the generated usagers, so that a caseload of fifty and more can be tested. */
const caseloadRef001 = 50;
/** Orientation of the other generated usagers by draw out of 20: social 9, professional 7, socio-professional 4 *(unverified)*. */
const orientationOf = (draw: number): CodeOrientation => (draw % 20 < 9 ? 'SOC' : draw % 20 < 16 ? 'PRO' : 'SOCPRO');

function dossierRsa(f: FichierRsa, orientation: BeneficiaireDepartement['dossier_rsa']['orientation']): BeneficiaireDepartement['dossier_rsa'] {
  return {
    cd_organisme_payeur: f.payeur,
    no_dossier: f.numero,
    etat_dossier: String(f.droit.etatRsa ?? 0) as BeneficiaireDepartement['dossier_rsa']['etat_dossier'],
    top_droits_devoirs: f.droit.soumisDroitsDevoirs ? 'O' : 'N',
    dt_flux: legacy(aujourdhui),
    orientation,
  };
}

const referentLine = (r: ReferentDirectoire, dt_debut: string, dt_fin: string | null) => ({ id_referent: r.id_referent, nom: r.nom, structure: r.structure, dt_debut, dt_fin });

/** A generated usager owed a référent: orientation a month after the right opened, then a référent, sometimes a change after six months. */
function generatedFollowUp(f: FichierRsa, draw: number, forRef001: boolean, seq: Sequences): BeneficiaireDepartement {
  const pool = referentsDepartement.filter((r) => r.id_referent !== 'ref-001' && r.agricole === (f.payeur === 'MSA'));
  const type: CodeOrientation = forRef001 ? (draw % 2 === 0 ? 'SOC' : 'SOCPRO') : f.payeur === 'MSA' ? (draw % 3 === 0 ? 'PRO' : 'SOCPRO') : orientationOf(draw);
  const candidates = forRef001 ? referentsDepartement.slice(0, 1) : pool.filter((r) => r.orientations.includes(type));
  // Independent bits of the draw for the référent, the change and the shared file.
  const current = candidates[(draw >>> 8) % candidates.length]!;
  const oriente = [addDays(f.droit.dateDebut, 30), aujourdhui].sort()[0]!;
  const change = addDays(oriente, 180);
  const previous = candidates.length > 1 && (draw >>> 16) % 5 === 0 && change < aujourdhui ? candidates[((draw >>> 8) + 1) % candidates.length]! : null;
  const depuis = previous ? change : oriente;
  return {
    nir: f.personne.nir,
    dossier_rsa: dossierRsa(f, { cd_type: type, lib_organisme: current.structure, dt_orientation: legacy(oriente) }),
    referents: [...(previous ? [referentLine(previous, legacy(oriente), legacy(addDays(change, -1)))] : []), referentLine(current, legacy(depuis), null)],
    ...generatedSharedFile(draw >>> 4, current, depuis, seq),
    oppositions: [],
  };
}

/**
 * The Département's files as its system holds them on the observation date, derived
 * deterministically from the population: one per adult of an RSA household (CAF or MSA flux);
 * an orientation and exactly one active référent for those subject to rights and duties whose
 * right is open; the personas' documented follow-up first.
 */
export function seedDepartement(population: Population): { beneficiaires: Map<string, BeneficiaireDepartement>; sequences: Sequences } {
  const seq = createSequences();
  const fichiers = fichiersRsa(population);
  const parRef = new Map(fichiers.map((f) => [f.personne.ref, f]));
  const beneficiaires = new Map<string, BeneficiaireDepartement>();
  for (const [key, build] of personaFiles) {
    const f = parRef.get(`persona:${key}`);
    if (!f) continue;
    const { orientation, ...suivi } = build(seq);
    beneficiaires.set(f.personne.nir, { nir: f.personne.nir, dossier_rsa: dossierRsa(f, orientation), ...suivi });
  }
  let ref001 = 0;
  for (const f of fichiers) {
    if (beneficiaires.has(f.personne.nir)) continue;
    if (!soumisEtOuvert(f.droit)) {
      beneficiaires.set(f.personne.nir, { nir: f.personne.nir, dossier_rsa: dossierRsa(f, null), referents: [], objectifs: [], notes: [], rendez_vous: [], contrat: null, oppositions: [] });
      continue;
    }
    const forRef001 = f.payeur === 'CAF' && !f.personne.ref.startsWith('persona:') && ref001 < caseloadRef001;
    if (forRef001) ref001 += 1;
    beneficiaires.set(f.personne.nir, generatedFollowUp(f, hashOf(f.personne.nir), forRef001, seq));
  }
  return { beneficiaires, sequences: seq };
}
