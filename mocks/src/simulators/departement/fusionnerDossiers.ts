import type { BeneficiaireDepartement } from './BeneficiaireDepartement';

/** The records a file holds: parcours, référent and team lines, objectives, notes, appointments, objections, the contract. */
export function nombreEnregistrements(b: BeneficiaireDepartement): number {
  return b.parcours.length + b.referents.length + b.equipe.length + b.objectifs.length + b.notes.length + b.rendez_vous.length + b.oppositions.length + (b.contrat ? 1 : 0);
}

/** Oldest first by `date`; equal dates keep their order (the NIR's file first): `Array.prototype.sort` is stable. */
const parDate = <T>(lines: T[], date: (line: T) => string): T[] => lines.sort((a, b) => date(a).localeCompare(date(b)));

/**
 * The file of a usager known under a provisional key, merged into the file of the NIR it was
 * reconciled with (`POST /api/rsa/v1/rapprochements`, mocks/docs/departement.md): every list
 * concatenated, oldest first, and the file's invariants kept. The NIR's file wins a conflict:
 * its open parcours stays open (the other is closed today with issue `FUS`), its active référent
 * stays (the other ends today); a professional active twice in the team keeps their older line;
 * an objection active twice for a partner is kept once; the NIR's contract, if any.
 */
export function fusionnerDossiers(nirFile: BeneficiaireDepartement, provisoire: BeneficiaireDepartement, jour: string): BeneficiaireDepartement {
  const a = structuredClone(nirFile);
  const b = structuredClone(provisoire);
  if (a.parcours.some((p) => p.dt_cloture === null)) {
    for (const p of b.parcours) if (p.dt_cloture === null) Object.assign(p, { dt_cloture: jour, cd_issue: 'FUS' });
  }
  if (a.referents.some((r) => r.dt_fin === null)) {
    for (const r of b.referents) if (r.dt_fin === null) r.dt_fin = jour;
  }
  const referents = parDate([...a.referents, ...b.referents], (r) => r.dt_debut);
  const referentActif = referents.find((r) => r.dt_fin === null)?.id_referent;
  const equipe = parDate([...a.equipe, ...b.equipe], (m) => m.dt_debut);
  const actifs = new Set<string>();
  for (const m of equipe) {
    if (m.dt_fin !== null) continue;
    if (m.id_referent === referentActif || actifs.has(m.id_referent)) m.dt_fin = jour;
    else actifs.add(m.id_referent);
  }
  const opposees = new Set<string>();
  const oppositions = parDate([...a.oppositions, ...b.oppositions], (o) => o.dt_opposition).filter((o) => {
    if (o.dt_levee !== null) return true;
    if (opposees.has(o.cd_partenaire)) return false;
    opposees.add(o.cd_partenaire);
    return true;
  });
  return {
    nir: a.nir,
    dossier_rsa: a.dossier_rsa ?? b.dossier_rsa,
    parcours: parDate([...a.parcours, ...b.parcours], (p) => p.dt_ouverture),
    referents,
    equipe,
    objectifs: parDate([...a.objectifs, ...b.objectifs], (o) => o.dt_creation),
    notes: parDate([...a.notes, ...b.notes], (n) => n.dt_note),
    rendez_vous: parDate([...a.rendez_vous, ...b.rendez_vous], (r) => r.dt_rdv),
    contrat: a.contrat ?? b.contrat,
    oppositions,
  };
}
