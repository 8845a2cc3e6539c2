import type { Population } from '../../population/createPopulation';
import type { AssureCpam, DossierCaf, DossierCarsat, DossierMsa, DroitCaf, Personne } from '../../population/types';
import { toLegacyDate } from '../legacyHttp';

type Activite = DossierMsa['activites'][number]['statut'];

/** Activity codes of the MSA system: chef d'exploitation, salarié agricole, retraité. */
const codeActivite = { EXPLOITANT: 'EXP', SALARIE_AGRICOLE: 'SAL', RETRAITE: 'RET' } as const satisfies Record<Activite, string>;
/** C2S ("CSS" at MSA) codes: `N` none, `G` free of charge (without participation), `P` with participation. */
const codeCss = { NON: 'N', SANS_PARTICIPATION: 'G', AVEC_PARTICIPATION: 'P' } as const satisfies Record<AssureCpam['c2s'], string>;
/** Pension states: active (contributing), claim being examined ("instruction"), pension paid ("en service"). */
const codeEtatPension = { ACTIF: 'ACT', DEMANDE_EN_COURS: 'INS', RETRAITE: 'SER' } as const satisfies Record<DossierCarsat['statut'], string>;

const ouiNon = (flag: boolean | undefined) => (flag ? 'O' : 'N');

/** A benefit with the CAF's codes (same rights, same ETATDOSRSA) under MSA's own field names. */
function toPrestation(d: DroitCaf) {
  return {
    cd_prestation: d.prestation,
    mt_mensuel: d.montantCents,
    dt_effet: toLegacyDate(d.dateDebut),
    rsa: d.prestation === 'RSA' ? { etatdosrsa: String(d.etatRsa ?? 0), ind_majoration: ouiNon(d.majore), ind_droits_devoirs: ouiNon(d.soumisDroitsDevoirs) } : null,
  };
}

/** The household's family file seen from one of its adults; children (ayants droit) get none. */
function toFamille(famille: DossierCaf | null, personne: Personne, population: Population) {
  if (!famille) return null;
  const role = famille.allocataire === personne.ref ? 'RESP' : famille.conjoint === personne.ref ? 'CONJ' : null;
  if (!role) return null;
  const enfants = famille.enfants.map((ref) => population.personneParRef.get(ref)).filter((p): p is Personne => p !== undefined);
  return {
    cd_role: role,
    nb_adultes: famille.conjoint === null ? 1 : 2,
    enfants: enfants.map((e) => ({ prenom: e.prenoms[0] ?? '', dt_naissance: toLegacyDate(e.dateNaissance) })),
    qf: famille.quotientFamilial,
    prestations: famille.droits.map(toPrestation),
  };
}

function toSante(a: AssureCpam) {
  return { css: { cd_css: codeCss[a.c2s], dt_fin: toLegacyDate(a.c2sFin) }, ind_medecin_traitant: ouiNon(a.medecinTraitantDeclare) };
}

function toPension(r: DossierCarsat) {
  return { cd_etat: codeEtatPension[r.statut], mt_brut_mensuel: r.pensionMensuelleCents, dt_effet: toLegacyDate(r.dateEffet) };
}

/** One member of an agricultural household as the MSA system returns it (see mocks/docs/msa.md). */
export function toAdherentMsa(nir: string, personne: Personne, dossier: DossierMsa, population: Population) {
  const sante = dossier.sante.find((s) => s.personne === personne.ref);
  const activite = dossier.activites.find((a) => a.personne === personne.ref);
  const pension = dossier.retraites.find((r) => r.personne === personne.ref);
  return {
    nir,
    no_adherent: dossier.numeroAdherent,
    cd_qualite: activite ? 'ASS' : 'AYD',
    cd_activite: activite ? codeActivite[activite.statut] : null,
    famille: toFamille(dossier.famille, personne, population),
    // dossierMsaParRef only lists members with a coverage, so `sante` is always there for a hit.
    sante: sante ? toSante(sante) : null,
    pension: pension ? toPension(pension) : null,
  };
}
