/**
 * Asserts that a legacy system refused a call the way the simulators all do: an HTTP status and
 * a `{ code_erreur, libelle }` body, nothing more (the clients map both to the GraphQL error).
 */
export async function expectLegacyError(response: Response, status: number, body: { code_erreur: string; libelle: string }): Promise<void> {
  expect(response.status).toBe(status);
  expect(await response.json()).toEqual(body);
}
