/**
 * The agency systems that hold records under the usager key, and so must move them when a
 * provisional key is reconciled with a NIR (docs: mocks/docs/rip.md, "reconciliation notices").
 * In production the keys come from the register's configuration, like any legacy credential.
 */
export const destinatairesAvis = [
  { systeme: 'departement', chemin: '/api/rsa/v1/rapprochements', entete: 'X-Cd12-Cle', cle: 'dev-cd12-8f3a40' },
  { systeme: 'accueil', chemin: '/rapprochements/v1/rapprochements', entete: 'X-CD12-Cle', cle: 'dev-accueil-6d2f90' },
] as const;

/** Why a notice failed, without the NIR or the key: the register answers it to its caller. */
export type EchecAvis = { systeme: string; statut: number | null };

/**
 * Sends the reconciliation notice to every recipient, all at once, and reports the first that did
 * not answer 200 (a network failure has no status). Each notice is idempotent on the receiving side,
 * so a retry after a partial failure is safe.
 */
export async function envoyerAvis(urlOf: (system: string) => string, avis: { cle_provisoire: string; nir: string }): Promise<EchecAvis | null> {
  const results = await Promise.all(
    destinatairesAvis.map(async (d): Promise<EchecAvis | null> => {
      try {
        const response = await fetch(`${urlOf(d.systeme)}${d.chemin}`, { method: 'POST', headers: { 'content-type': 'application/json', [d.entete]: d.cle }, body: JSON.stringify(avis) });
        await response.arrayBuffer();
        return response.status === 200 ? null : { systeme: d.systeme, statut: response.status };
      } catch {
        return { systeme: d.systeme, statut: null };
      }
    }),
  );
  return results.find((r) => r !== null) ?? null;
}
