import { HttpResponse } from 'msw';
import { z } from 'zod';
import { checkApiKey, legacyError, readBody } from '../legacyHttp';
import { groupBy, readStatisticsQuery } from '../legacyStatistics';
import type { Population } from '../../population/createPopulation';
import type { LegacySystem } from '../LegacySystem';
import { codesPartenaire, codesService, evenements, lieux } from './annuaireAccueil';
import { createInscriptionStore, type ResultatInscription } from './createInscriptionStore';
import { createOrientationStore } from './createOrientationStore';
import { createPassageStore } from './createPassageStore';
import { historiqueAccueil } from './historiqueAccueil';
import { isNomStatistiqueAccueil, statistiquesAccueil, unitesAccueil } from './statistiquesAccueil';
import { legacyRoute } from '../legacyRoute';

const maxBatchSize = 50;

/** Reason codes of a referral (see mocks/docs/accueil.md). */
const codesMotif = ['DRT', 'LOG', 'HEB', 'EMP', 'SAN', 'RET', 'FIN', 'NUM', 'ACS', 'AUT'] as const;

/** A partner's code as Passerelle writes them: lower-case letters, digits and hyphens. */
const codePasserelle = /^[a-z][a-z0-9-]{1,30}$/;
const legacyDate = z.string().regex(/^\d{4}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/);
/** A day that exists (not 20260231): `YYYYMMDD`. */
const jourReel = legacyDate.refine((d) => {
  const jour = new Date(Date.UTC(Number(d.slice(0, 4)), Number(d.slice(4, 6)) - 1, Number(d.slice(6, 8))));
  return jour.getUTCDate() === Number(d.slice(6, 8));
});
/** The key of a person unknown to the identity register: `PRV` and 12 digits, never a NIR. */
const cleProvisoire = z.string().regex(/^PRV\d{12}$/);
/** NIR format only (13 characters incl. 2A/2B, then the key); the key is not checked here. */
const nirSeul = z.string().regex(/^\d{5}(\d{2}|2A|2B)\d{8}$/);
/** Whom a record is about: a NIR, or a provisional key until the person's NIR is known. */
const nir = z.union([nirSeul, cleProvisoire]);
const rechercheBody = z.object({ liste_nir: z.array(nir).min(1) });
const passageBody = z.object({ nir, code_lieu: z.string().regex(/^[A-Z0-9-]{1,32}$/), date_passage: jourReel.nullable(), code_motif: z.enum(codesService), auteur: z.string().min(1).max(64) });
const rapprochementBody = z.object({ cle_provisoire: cleProvisoire, nir: nirSeul });
const orientationBody = z.discriminatedUnion('type_cible', [
  z.object({ nir, type_cible: z.literal('PART'), code_cible: z.enum(codesPartenaire), code_motif: z.enum(codesMotif), motif_libre: z.string().max(500).nullable(), auteur: z.string().min(1).max(64) }),
  z.object({
    nir,
    type_cible: z.literal('LIEU'),
    code_cible: z.string().regex(/^[A-Z0-9-]{1,32}$/),
    code_motif: z.enum(codesMotif),
    motif_libre: z.string().max(500).nullable(),
    auteur: z.string().min(1).max(64),
  }),
  // A partner named by its Passerelle code (`france-travail`, `region`): any partner of the federation, in or out of the directory.
  z.object({
    nir,
    type_cible: z.literal('PASS'),
    code_cible: z.string().regex(codePasserelle),
    code_motif: z.enum(codesMotif),
    motif_libre: z.string().max(500).nullable(),
    auteur: z.string().min(1).max(64),
  }),
]);
const transitionBody = z
  .object({ nouveau_statut: z.enum(['ACC', 'REF', 'REA', 'ABA']), motif_refus: z.string().min(1).max(500).nullable(), auteur: z.string().min(1).max(64) })
  .refine((t) => (t.nouveau_statut === 'REF') === (t.motif_refus !== null), { path: ['motif_refus'] });
const statutsOrientation = ['PRO', 'ACC', 'REF', 'REA', 'ABA'] as const;
const typesCible = ['PART', 'PASS', 'LIEU'] as const;
const maxPage = 100;
/** Visible ASCII, as HTTP allows in a header value the system stores. */
const idempotencyKey = /^[\x21-\x7e]{1,255}$/;

const inscriptionBody = z.object({ nir, auteur: z.string().min(1).max(64) });
const presenceBody = z.object({ nir, present: z.boolean(), auteur: z.string().min(1).max(64) });
const messagesRefus = {
  EVENEMENT_INCONNU: 'Événement inconnu',
  INSCRIPTION_INCONNUE: 'Aucune inscription active à cet événement',
  EVENEMENT_COMPLET: 'Événement complet',
  DEJA_INSCRIT: 'Déjà inscrit à cet événement',
  INSCRIPTION_ANNULEE: 'Inscription annulée',
  EVENEMENT_A_VENIR: "La présence s'enregistre à partir du jour de l'événement",
} as const;

/** A sign-up write's answer: the sign-up, or the system's refusal (mocks/docs/accueil.md). */
function reponseInscription(resultat: ResultatInscription, status: number) {
  if (resultat.statut === 'CONFLIT') return legacyError(409, 'CLE_IDEMPOTENCE_REUTILISEE', "Clé d'idempotence déjà utilisée pour une autre demande");
  if (resultat.statut === 'REFUS') return legacyError(resultat.http, resultat.code, messagesRefus[resultat.code]);
  return HttpResponse.json({ inscription: resultat.inscription }, { status, headers: resultat.statut === 'REJOUE' ? { 'Idempotency-Replayed': 'true' } : {} });
}

/** Today in Rodez, `YYYYMMDD`: the day a referral is recorded. */
const aujourdhui = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date()).replaceAll('-', '');

/**
 * The Département's reception network: the directory of reception places and the tiers-lieu's
 * events (read only), and the referrals, sign-ups and passages reception agents record (stateful,
 * per `handlers()` call), re-keyed when a provisional key is reconciled with a NIR.
 */
export const accueil: LegacySystem = {
  name: 'accueil',
  prefix: '/accueil',
  apiKeyHeader: 'X-CD12-Cle',
  devApiKey: 'dev-accueil-6d2f90',
  maxBatchSize,
  handlers(baseUrl: string, population: Population) {
    const auth = (request: Request) => checkApiKey(request, this.apiKeyHeader, this.devApiKey);
    // The year of history before the observation date, derived from the population (never a persona).
    const historique = historiqueAccueil(population);
    const store = createOrientationStore(historique.orientations);
    const inscriptions = createInscriptionStore(new Map(evenements.map((e) => [e.id_evenement, e])), historique.inscriptions);
    const passages = createPassageStore(historique.passages);
    const cleOf = (request: Request): { ok: true; cle: string | null } | { ok: false; response: Response } => {
      const cle = request.headers.get('Idempotency-Key');
      if (cle !== null && !idempotencyKey.test(cle)) return { ok: false, response: legacyError(400, 'CLE_IDEMPOTENCE_INVALIDE', 'En-tête Idempotency-Key invalide') };
      return { ok: true, cle };
    };
    return [
      legacyRoute.get(`${baseUrl}/annuaire/v1/lieux`, ({ request }) => auth(request) ?? HttpResponse.json({ nb_lieux: lieux.length, lieux })),

      legacyRoute.get(`${baseUrl}/annuaire/v1/evenements`, ({ request }) => {
        const denied = auth(request);
        if (denied) return denied;
        const params = new URL(request.url).searchParams;
        const [du, au] = [params.get('date_debut'), params.get('date_fin')];
        for (const [name, value] of [
          ['date_debut', du],
          ['date_fin', au],
        ] as const) {
          if (value !== null && !legacyDate.safeParse(value).success) return legacyError(400, 'REQUETE_INVALIDE', `Paramètre invalide : ${name}`);
        }
        const retenus = evenements
          .filter((e) => (du === null || e.date_evt >= du) && (au === null || e.date_evt <= au))
          .map((e) => ({ ...e, places_restantes: inscriptions.placesRestantes(e.id_evenement) }));
        return HttpResponse.json({ nb_evenements: retenus.length, evenements: retenus });
      }),

      legacyRoute.post(`${baseUrl}/orientations/v1/orientations`, async ({ request }) => {
        const denied = auth(request);
        if (denied) return denied;
        const cle = request.headers.get('Idempotency-Key');
        if (cle !== null && !idempotencyKey.test(cle)) return legacyError(400, 'CLE_IDEMPOTENCE_INVALIDE', 'En-tête Idempotency-Key invalide');
        const read = await readBody(request, orientationBody);
        if (!read.ok) return read.response;
        // From here to the answer nothing awaits: checking the key, the place and recording are one atomic step.
        const demande = read.body;
        if (demande.type_cible === 'LIEU' && !lieux.some((l) => l.code_lieu === demande.code_cible)) return legacyError(422, 'LIEU_INCONNU', "Lieu inconnu de l'annuaire");
        const resultat = store.enregistrer(demande, cle, aujourdhui());
        if (resultat.statut === 'CONFLIT') return legacyError(409, 'CLE_IDEMPOTENCE_REUTILISEE', "Clé d'idempotence déjà utilisée pour une autre demande");
        return HttpResponse.json({ orientation: resultat.orientation }, { status: 201, headers: resultat.statut === 'REJOUE' ? { 'Idempotency-Replayed': 'true' } : {} });
      }),

      legacyRoute.get(`${baseUrl}/orientations/v1/orientations`, ({ request }) => {
        const denied = auth(request);
        if (denied) return denied;
        const params = new URL(request.url).searchParams;
        const [type, code, statut, apres, nb] = ['type_cible', 'code_cible', 'statut', 'apres', 'nb'].map((name) => params.get(name));
        const typeCible = typesCible.find((t) => t === type);
        if (typeCible === undefined) return legacyError(400, 'REQUETE_INVALIDE', 'Paramètre invalide : type_cible');
        if (code === null || code === undefined || !/^[A-Za-z0-9-]{1,32}$/.test(code)) return legacyError(400, 'REQUETE_INVALIDE', 'Paramètre invalide : code_cible');
        const statutVoulu = statut === null || statut === undefined ? null : statutsOrientation.find((s) => s === statut);
        if (statutVoulu === undefined) return legacyError(400, 'REQUETE_INVALIDE', 'Paramètre invalide : statut');
        const taille = nb === null || nb === undefined ? 20 : Number(nb);
        if (!Number.isInteger(taille) || taille < 1 || taille > maxPage) return legacyError(400, 'REQUETE_INVALIDE', 'Paramètre invalide : nb');
        return HttpResponse.json(store.parCible({ type_cible: typeCible, code_cible: code, statut: statutVoulu }, apres ?? null, taille));
      }),

      legacyRoute.get(`${baseUrl}/orientations/v1/orientations/:id`, ({ request, params }) => {
        const denied = auth(request);
        if (denied) return denied;
        const orientation = store.parId(String(params.id));
        return orientation ? HttpResponse.json({ orientation }) : legacyError(404, 'ORIENTATION_INCONNUE', 'Orientation inconnue');
      }),

      legacyRoute.post(`${baseUrl}/orientations/v1/orientations/:id/transitions`, async ({ request, params }) => {
        const denied = auth(request);
        if (denied) return denied;
        const cle = request.headers.get('Idempotency-Key');
        if (cle !== null && !idempotencyKey.test(cle)) return legacyError(400, 'CLE_IDEMPOTENCE_INVALIDE', 'En-tête Idempotency-Key invalide');
        const read = await readBody(request, transitionBody);
        if (!read.ok) return read.response;
        // As for recording: from here to the answer nothing awaits, so the key, the legality and the change are one atomic step.
        const resultat = store.changerStatut(String(params.id), read.body, cle, aujourdhui());
        if (resultat.statut === 'INCONNUE') return legacyError(404, 'ORIENTATION_INCONNUE', 'Orientation inconnue');
        if (resultat.statut === 'INTERDITE') return legacyError(409, 'TRANSITION_INTERDITE', 'Changement de statut impossible depuis le statut actuel');
        if (resultat.statut === 'CONFLIT') return legacyError(409, 'CLE_IDEMPOTENCE_REUTILISEE', "Clé d'idempotence déjà utilisée pour une autre demande");
        return HttpResponse.json({ orientation: resultat.orientation }, { status: 200, headers: resultat.statut === 'REJOUE' ? { 'Idempotency-Replayed': 'true' } : {} });
      }),

      legacyRoute.post(`${baseUrl}/tierslieu/v1/evenements/:id/inscriptions`, async ({ request, params }) => {
        const denied = auth(request);
        if (denied) return denied;
        const cle = cleOf(request);
        if (!cle.ok) return cle.response;
        const read = await readBody(request, inscriptionBody);
        if (!read.ok) return read.response;
        // Nothing awaits from here to the answer: the key, the capacity and the sign-up are one atomic step.
        return reponseInscription(inscriptions.inscrire(String(params.id), read.body, cle.cle, aujourdhui()), 201);
      }),

      legacyRoute.post(`${baseUrl}/tierslieu/v1/evenements/:id/annulations`, async ({ request, params }) => {
        const denied = auth(request);
        if (denied) return denied;
        const cle = cleOf(request);
        if (!cle.ok) return cle.response;
        const read = await readBody(request, inscriptionBody);
        if (!read.ok) return read.response;
        return reponseInscription(inscriptions.annuler(String(params.id), read.body, cle.cle, aujourdhui()), 200);
      }),

      legacyRoute.post(`${baseUrl}/tierslieu/v1/evenements/:id/presences`, async ({ request, params }) => {
        const denied = auth(request);
        if (denied) return denied;
        const read = await readBody(request, presenceBody);
        if (!read.ok) return read.response;
        return reponseInscription(inscriptions.enregistrerPresence(String(params.id), read.body, aujourdhui()), 200);
      }),

      legacyRoute.post(`${baseUrl}/tierslieu/v1/inscriptions/recherche`, async ({ request }) => {
        const denied = auth(request);
        if (denied) return denied;
        const read = await readBody(request, rechercheBody);
        if (!read.ok) return read.response;
        if (read.body.liste_nir.length > maxBatchSize) return legacyError(413, 'LOT_TROP_GRAND', `Au plus ${maxBatchSize} NIR par appel`);
        const trouvees = inscriptions.parNirs(read.body.liste_nir);
        return HttpResponse.json({ nb_inscriptions: trouvees.length, inscriptions: trouvees });
      }),

      legacyRoute.post(`${baseUrl}/passages/v1/passages`, async ({ request }) => {
        const denied = auth(request);
        if (denied) return denied;
        const cle = cleOf(request);
        if (!cle.ok) return cle.response;
        const read = await readBody(request, passageBody);
        if (!read.ok) return read.response;
        // Nothing awaits from here to the answer: the place, the day, the key and the insertion are one atomic step.
        const demande = read.body;
        if (!lieux.some((l) => l.code_lieu === demande.code_lieu)) return legacyError(422, 'LIEU_INCONNU', "Lieu inconnu de l'annuaire");
        const jour = aujourdhui();
        if (demande.date_passage !== null && demande.date_passage > jour) return legacyError(422, 'DATE_FUTURE', 'Date de passage postérieure à ce jour');
        const resultat = passages.enregistrer({ ...demande, date_passage: demande.date_passage ?? jour }, demande, cle.cle, jour);
        if (resultat.statut === 'CONFLIT') return legacyError(409, 'CLE_IDEMPOTENCE_REUTILISEE', "Clé d'idempotence déjà utilisée pour une autre demande");
        return HttpResponse.json({ passage: resultat.passage }, { status: 201, headers: resultat.statut === 'REJOUE' ? { 'Idempotency-Replayed': 'true' } : {} });
      }),

      legacyRoute.post(`${baseUrl}/passages/v1/passages/recherche`, async ({ request }) => {
        const denied = auth(request);
        if (denied) return denied;
        const read = await readBody(request, rechercheBody);
        if (!read.ok) return read.response;
        if (read.body.liste_nir.length > maxBatchSize) return legacyError(413, 'LOT_TROP_GRAND', `Au plus ${maxBatchSize} NIR par appel`);
        const trouves = passages.parNirs(read.body.liste_nir);
        return HttpResponse.json({ nb_passages: trouves.length, passages: trouves });
      }),

      // The system's own statistics: what it recorded in the month, grouped by the dimensions asked (mocks/docs/accueil.md).
      legacyRoute.get(`${baseUrl}/statistiques/v1/:statistique`, ({ request, params }) => {
        const denied = auth(request);
        if (denied) return denied;
        const nom = String(params.statistique);
        if (!isNomStatistiqueAccueil(nom)) return legacyError(404, 'STATISTIQUE_INCONNUE', 'Statistique inconnue');
        const read = readStatisticsQuery(request, statistiquesAccueil[nom]);
        if (!read.ok) return read.response;
        const dernier = read.dernierJour.replaceAll('-', '');
        const donnees = { orientations: store.toutes(), passages: passages.tous(), inscriptions: inscriptions.toutes(), evenements: new Map(evenements.map((e) => [e.id_evenement, e])) };
        const lignes = groupBy(
          unitesAccueil(nom, donnees, `${dernier.slice(0, 6)}01`, dernier),
          read.ventilation,
          (u, d) => u[d] ?? '',
          () => 0,
        );
        return HttpResponse.json({ date_reference: dernier, lignes: lignes.map((l) => ({ ...l.dimensions, nombre: l.count })) });
      }),

      legacyRoute.post(`${baseUrl}/rapprochements/v1/rapprochements`, async ({ request }) => {
        const denied = auth(request);
        if (denied) return denied;
        const read = await readBody(request, rapprochementBody);
        if (!read.ok) return read.response;
        const { cle_provisoire, nir: nirConnu } = read.body;
        // One synchronous step over the three stores: no request sees a person split between two keys.
        const deplaces = store.rapprocher(cle_provisoire, nirConnu) + inscriptions.rapprocher(cle_provisoire, nirConnu) + passages.rapprocher(cle_provisoire, nirConnu);
        return HttpResponse.json({ deplaces });
      }),

      legacyRoute.post(`${baseUrl}/orientations/v1/orientations/recherche`, async ({ request }) => {
        const denied = auth(request);
        if (denied) return denied;
        const read = await readBody(request, rechercheBody);
        if (!read.ok) return read.response;
        if (read.body.liste_nir.length > maxBatchSize) return legacyError(413, 'LOT_TROP_GRAND', `Au plus ${maxBatchSize} NIR par appel`);
        const trouvees = store.parNirs(read.body.liste_nir);
        return HttpResponse.json({ nb_orientations: trouvees.length, orientations: trouvees });
      }),
    ];
  },
};
