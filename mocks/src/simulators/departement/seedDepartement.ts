import type { Population } from '../../population/createPopulation';
import type { Personne } from '../../population/types';
import type { BeneficiaireDepartement, CodeMotif } from './BeneficiaireDepartement';
import { dossierVide } from './dossierVide';
import { fichiersRsa, soumisEtOuvert, type FichierRsa } from './fichiersRsa';
import { generatedSharedFile } from './generatedFile';
import { addDays, aujourdhui, hashOf, legacy } from './isoDates';
import { personaFiles, type Suivi } from './personaFiles';
import { professionnel, referentParId, referentsDepartement, type CodeOrientation, type ReferentDirectoire } from './referentsDepartement';
import { createSequences, nextId, type Sequences } from './sequences';

type B = BeneficiaireDepartement;

/** `ref-001`'s share of the generated usagers, so that a caseload of fifty and more can be tested. */
const caseloadRef001 = 50;
/** Orientation of the other generated usagers by draw out of 20: social 9, professional 7, socio-professional 4 *(unverified)*. */
const orientationOf = (draw: number): CodeOrientation => (draw % 20 < 9 ? 'SOC' : draw % 20 < 16 ? 'PRO' : 'SOCPRO');
/** Who opened the RSA parcours of the seed: the Département's RSA service, on the orientation's day. */
const ouvertureRsa = 'CD12';

function dossierRsa(f: FichierRsa, orientation: NonNullable<B['dossier_rsa']>['orientation']): NonNullable<B['dossier_rsa']> {
  return {
    cd_organisme_payeur: f.payeur,
    no_dossier: f.numero,
    etat_dossier: String(f.droit.etatRsa ?? 0) as NonNullable<B['dossier_rsa']>['etat_dossier'],
    top_droits_devoirs: f.droit.soumisDroitsDevoirs ? 'O' : 'N',
    dt_flux: legacy(aujourdhui),
    orientation,
  };
}

const referentLine = (r: ReferentDirectoire, dt_debut: string, dt_fin: string | null) => ({ ...professionnel(r), dt_debut, dt_fin });
const parcoursRsa = (seq: Sequences, dt_ouverture: string): B['parcours'][number] => ({
  id_parcours: nextId(seq, 'PAR'),
  cd_motif: 'RSA',
  dt_ouverture,
  ouvert_par: ouvertureRsa,
  dt_cloture: null,
  cd_issue: null,
});

/** A generated usager owed a référent: orientation a month after the right opened, then a référent, sometimes a change after six months. */
function generatedFollowUp(f: FichierRsa, draw: number, forRef001: boolean, seq: Sequences): B {
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
    parcours: [parcoursRsa(seq, legacy(oriente))],
    referents: [...(previous ? [referentLine(previous, legacy(oriente), legacy(addDays(change, -1)))] : []), referentLine(current, legacy(depuis), null)],
    equipe: [],
    ...generatedSharedFile(draw >>> 4, current, depuis, seq),
    oppositions: [],
  };
}

/** A persona's documented follow-up, completed as personaFiles.ts says. */
function personaFile(f: FichierRsa, { orientation, objectifs, rendez_vous, ...suivi }: Suivi, seq: Sequences): B {
  const actif = suivi.referents.find((r) => r.dt_fin === null);
  const porteur = { structure_porteuse: actif?.structure ?? orientation.lib_organisme, partenaire_porteur: actif?.partenaire_passerelle ?? null };
  return {
    nir: f.personne.nir,
    dossier_rsa: dossierRsa(f, orientation),
    parcours: [parcoursRsa(seq, orientation.dt_orientation)],
    equipe: [],
    objectifs: objectifs.map((o) => ({ ...o, actions: o.actions.map((a) => ({ ...a, ...porteur })) })),
    rendez_vous: rendez_vous.map((r) => ({ ...r, id_rdv_report: null })),
    ...suivi,
  };
}

/**
 * Why the generated usagers without RSA are accompanied, and by whom (ids of the directory):
 * the structures that take such a need on *(shares unverified)*.
 */
const besoinsHorsRsa: ReadonlyArray<{ motif: CodeMotif; referents: readonly string[]; equipe: readonly string[] }> = [
  { motif: 'LOG', referents: ['ref-025', 'ref-026', 'ref-012'], equipe: ['ref-021', 'ref-029'] },
  { motif: 'ADR', referents: ['ref-021', 'ref-022', 'ref-013'], equipe: ['ref-029', 'ref-032'] },
  { motif: 'BUD', referents: ['ref-022', 'ref-014'], equipe: ['ref-025', 'ref-026'] },
  { motif: 'INS', referents: ['ref-028', 'ref-008', 'ref-010'], equipe: ['ref-030', 'ref-031'] },
  { motif: 'MOB', referents: ['ref-004', 'ref-019'], equipe: ['ref-028'] },
  { motif: 'NUM', referents: ['ref-029', 'ref-032'], equipe: ['ref-021'] },
  { motif: 'PAR', referents: ['ref-021', 'ref-006'], equipe: ['ref-013'] },
  { motif: 'HAN', referents: ['ref-005', 'ref-020'], equipe: ['ref-023'] },
  { motif: 'SAN', referents: ['ref-002', 'ref-017'], equipe: ['ref-024'] },
];
/** Retirees' needs: ageing, then access to rights, with Carsat's social service. */
const besoinRetraite = { motif: 'VIE' as const, referents: ['ref-023', 'ref-024', 'ref-012'], equipe: ['ref-029', 'ref-021'] };
/** One in `partHorsRsa` of the generated adults without RSA is accompanied *(unverified)*. */
const partHorsRsa = 25;

/** A generated adult without RSA accompanied for another need: an open parcours, a référent of another structure, for one in two a team member. */
function generatedHorsRsa(p: Personne, draw: number, seq: Sequences): B {
  const age = Number(aujourdhui.slice(0, 4)) - Number(p.dateNaissance.slice(0, 4));
  const besoin = age >= 65 ? besoinRetraite : besoinsHorsRsa[(draw >>> 4) % besoinsHorsRsa.length]!;
  const referent = referentParId.get(besoin.referents[(draw >>> 8) % besoin.referents.length]!)!;
  const depuis = addDays(aujourdhui, -(30 + ((draw >>> 12) % 400)));
  const membre = (draw >>> 20) % 2 === 0 ? referentParId.get(besoin.equipe[(draw >>> 21) % besoin.equipe.length]!)! : null;
  return {
    nir: p.nir,
    dossier_rsa: null,
    parcours: [{ id_parcours: nextId(seq, 'PAR'), cd_motif: besoin.motif, dt_ouverture: legacy(depuis), ouvert_par: `accueil ${referent.structure}`.slice(0, 100), dt_cloture: null, cd_issue: null }],
    referents: [referentLine(referent, legacy(depuis), null)],
    equipe: membre ? [{ ...professionnel(membre), cd_role: (draw >>> 22) % 3 === 0 ? 'LEC' : 'CON', fonction: null, dt_debut: legacy(addDays(depuis, 15)), dt_fin: null }] : [],
    ...generatedSharedFile(draw >>> 4, referent, depuis, seq),
    oppositions: [],
  };
}

/**
 * The Département's files as its system holds them on the observation date, derived
 * deterministically from the population: one per adult of an RSA household (CAF or MSA flux);
 * an orientation, an open RSA parcours and exactly one active référent for those subject to
 * rights and duties whose right is open; the personas' documented follow-up first; then one in
 * twenty-five generated adults without RSA, accompanied for another need (never a persona: their
 * parcours are built through the graph).
 */
export function seedDepartement(population: Population): { beneficiaires: Map<string, B>; sequences: Sequences } {
  const seq = createSequences();
  const fichiers = fichiersRsa(population);
  const parRef = new Map(fichiers.map((f) => [f.personne.ref, f]));
  const beneficiaires = new Map<string, B>();
  for (const [key, build] of personaFiles) {
    const f = parRef.get(`persona:${key}`);
    if (f) beneficiaires.set(f.personne.nir, personaFile(f, build(seq), seq));
  }
  let ref001 = 0;
  for (const f of fichiers) {
    if (beneficiaires.has(f.personne.nir)) continue;
    if (!soumisEtOuvert(f.droit)) {
      beneficiaires.set(f.personne.nir, { ...dossierVide(f.personne.nir), dossier_rsa: dossierRsa(f, null) });
      continue;
    }
    const forRef001 = f.payeur === 'CAF' && !f.personne.ref.startsWith('persona:') && ref001 < caseloadRef001;
    if (forRef001) ref001 += 1;
    beneficiaires.set(f.personne.nir, generatedFollowUp(f, hashOf(f.personne.nir), forRef001, seq));
  }
  const majeur = legacy(addDays(aujourdhui, -18 * 366));
  for (const p of population.personnes) {
    const draw = hashOf(`hors-rsa:${p.nir}`);
    if (p.ref.startsWith('persona:') || beneficiaires.has(p.nir) || legacy(p.dateNaissance) > majeur || draw % partHorsRsa !== 0) continue;
    beneficiaires.set(p.nir, generatedHorsRsa(p, draw, seq));
  }
  return { beneficiaires, sequences: seq };
}
