import { HttpResponse } from 'msw';
import { z } from 'zod';
import { checkApiKey, legacyError, readBody } from '../legacyHttp';
import type { LegacySystem } from '../LegacySystem';
import { envoyerAvis } from './avisRapprochement';
import { createRipStore } from './createRipStore';
import type { IdentiteProvisoire } from './IdentiteProvisoire';
import { legacyRoute } from '../legacyRoute';

const maxBatchSize = 100;
const maxPageSize = 50;

const cle = z.string().regex(/^PRV\d{12}$/);
// NIR format only (13 characters incl. 2A/2B, then the key): the register does not check the key, the caller does.
const nir = z.string().regex(/^\d{5}(\d{2}|2A|2B)\d{8}$/);
const nom = z.string().trim().min(1).max(80);
const creationBody = z.object({
  nom_naissance: nom,
  nom_usage: nom.nullable().default(null),
  prenoms: z.array(nom).min(1).max(6),
  sexe: z.enum(['1', '2']),
  date_naissance: z.string().regex(/^\d{4}(\d{2}(\d{2})?)?$/),
  lieu_naissance: z.object({ code: z.string().regex(/^(\d{5}|2[AB]\d{3})$/), libelle: nom }),
  cree_par: z.string().min(1).max(64),
});
const lotBody = z.object({ cles: z.array(cle).min(1) });
const rechercheBody = z.object({
  date_naissance: z.string().regex(/^\d{8}$/),
  sexe: z.enum(['1', '2']).optional(),
  statut: z.enum(['ACTIVE', 'RAPPROCHEE']).optional(),
  page: z.number().int().min(1).default(1),
  taille: z.number().int().min(1).default(20),
});
const rapprochementBody = z.object({ nir });
const cleIdempotence = /^[A-Za-z0-9_-]{1,64}$/;

/** A real calendar date, or a partial one (`YYYY`, `YYYYMM`) with a real month. */
function isRealDate(raw: string): boolean {
  const month = raw.length >= 6 ? Number(raw.slice(4, 6)) : 1;
  if (month < 1 || month > 12) return false;
  if (raw.length < 8) return true;
  const iso = `${raw.slice(0, 4)}-${raw.slice(4, 6)}-${raw.slice(6, 8)}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso);
}

/**
 * The agency's register of provisional identities (répertoire des identités provisoires): people
 * welcomed at reception whom the national register does not know yet get a provisional key, until
 * the NIR is known and the identity is reconciled with it. Stateful, per simulator instance.
 */
export const rip: LegacySystem = {
  name: 'rip',
  prefix: '/rip',
  apiKeyHeader: 'X-Rip-Cle',
  devApiKey: 'dev-rip-3e71a9',
  maxBatchSize,
  handlers(baseUrl, _population, urlOf) {
    const auth = (request: Request) => checkApiKey(request, this.apiKeyHeader, this.devApiKey);
    const store = createRipStore();
    const peers = urlOf ?? ((system: string) => `${new URL(baseUrl).origin}/${system}`);
    /** Keys being reconciled right now: a second reconciliation of one key waits for none, it is refused. */
    const enCours = new Set<string>();
    const avecRejeu = (identite: IdentiteProvisoire, status: number, rejeu: boolean) => HttpResponse.json({ identite }, { status, headers: rejeu ? { 'X-Rejeu': 'O' } : {} });

    return [
      legacyRoute.post(`${baseUrl}/api/v1/identites`, async ({ request }) => {
        const denied = auth(request);
        if (denied) return denied;
        const idempotence = request.headers.get('Idempotency-Key');
        if (idempotence !== null && !cleIdempotence.test(idempotence)) return legacyError(400, 'CLE_IDEMPOTENCE_INVALIDE', "Clé d'idempotence invalide (1 à 64 lettres, chiffres, - ou _)");
        const read = await readBody(request, creationBody);
        if (!read.ok) return read.response;
        if (!isRealDate(read.body.date_naissance)) return legacyError(400, 'REQUETE_INVALIDE', 'Champ invalide : date_naissance');
        const created = store.creer(read.body, idempotence);
        if ('conflit' in created) return legacyError(409, 'CLE_IDEMPOTENCE_REUTILISEE', "Clé d'idempotence déjà utilisée pour une autre identité");
        return avecRejeu(created.identite, created.rejeu ? 200 : 201, created.rejeu);
      }),
      legacyRoute.post(`${baseUrl}/api/v1/identites/lot`, async ({ request }) => {
        const denied = auth(request);
        if (denied) return denied;
        const read = await readBody(request, lotBody);
        if (!read.ok) return read.response;
        if (read.body.cles.length > maxBatchSize) return legacyError(413, 'LOT_TROP_GRAND', `Au plus ${maxBatchSize} clés par appel`);
        const cles = [...new Set(read.body.cles)];
        const found = cles.map((c) => store.identite(c)).filter((i): i is IdentiteProvisoire => i !== undefined);
        return HttpResponse.json({ identites: found, non_trouvees: cles.length - found.length });
      }),
      legacyRoute.post(`${baseUrl}/api/v1/identites/recherche`, async ({ request }) => {
        const denied = auth(request);
        if (denied) return denied;
        const read = await readBody(request, rechercheBody);
        if (!read.ok) return read.response;
        const { date_naissance, sexe, statut, page, taille } = read.body;
        if (taille > maxPageSize) return legacyError(400, 'TAILLE_PAGE', `Au plus ${maxPageSize} résultats par page`);
        // A partial date of birth (`YYYY`, `YYYYMM`) is compatible with every day it covers.
        const all = store.identites().filter((i) => date_naissance.startsWith(i.date_naissance) && (!sexe || i.sexe === sexe) && (!statut || i.statut === statut));
        return HttpResponse.json({ page, taille, total: all.length, identites: all.slice((page - 1) * taille, page * taille) });
      }),
      legacyRoute.post(`${baseUrl}/api/v1/identites/:cle/rapprochement`, async ({ request, params }) => {
        const denied = auth(request);
        if (denied) return denied;
        const parsedCle = cle.safeParse(params.cle);
        if (!parsedCle.success) return legacyError(400, 'REQUETE_INVALIDE', 'Clé provisoire invalide');
        const read = await readBody(request, rapprochementBody);
        if (!read.ok) return read.response;
        const identite = store.identite(parsedCle.data);
        if (!identite) return legacyError(404, 'IDENTITE_INCONNUE', 'Aucune identité provisoire sous cette clé');
        if (identite.statut === 'RAPPROCHEE') {
          // The same reconciliation again is a replay; another NIR is a conflict nobody may settle by overwriting.
          return identite.nir === read.body.nir ? avecRejeu(identite, 200, true) : legacyError(409, 'RAPPROCHEMENT_CONFLIT', 'Identité déjà rapprochée d’un autre NIR');
        }
        if (enCours.has(identite.cle)) return legacyError(409, 'RAPPROCHEMENT_EN_COURS', 'Rapprochement de cette identité déjà en cours');
        enCours.add(identite.cle);
        try {
          // Every system holding records under the key moves them first; only then is the reconciliation recorded.
          const echec = await envoyerAvis(peers, { cle_provisoire: identite.cle, nir: read.body.nir });
          if (echec) return legacyError(502, 'AVIS_RAPPROCHEMENT_ECHEC', `Avis de rapprochement non accepté par ${echec.systeme} (${echec.statut ?? 'injoignable'}) : rien n'est enregistré`);
          return avecRejeu(store.rapprocher(identite.cle, read.body.nir), 200, false);
        } finally {
          enCours.delete(identite.cle);
        }
      }),
    ];
  },
};
